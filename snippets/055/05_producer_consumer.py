import queue
import random
import threading
import time

tasks = queue.Queue()
DONE = None  # a marker that tells a consumer to stop


def producer():
    for n in range(8):
        tasks.put(n)
        time.sleep(0.05)  # work arrives over time
    for _ in range(2):  # one marker per consumer
        tasks.put(DONE)


def consumer(name, results):
    while (n := tasks.get()) is not DONE:
        seconds = random.uniform(0.05, 0.25)  # slow work, of varying length
        time.sleep(seconds)
        results.append(n**2)
        print(f"{name} squared {n} in {seconds:.2f} s")


results = []
workers = [
    threading.Thread(target=producer),
    threading.Thread(target=consumer, args=("consumer A", results)),
    threading.Thread(target=consumer, args=("consumer B", results)),
]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(sorted(results))
