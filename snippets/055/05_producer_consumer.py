import queue
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
        time.sleep(0.1)  # slow work: two consumers share it
        results.append(n**2)
        print(f"{name} squared {n}")


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
