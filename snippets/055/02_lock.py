import threading
import time

THREADS, TIMES = 4, 1000
counter = 0
lock = threading.Lock()


def add_one_at_a_time():
    global counter
    for _ in range(TIMES):
        with lock:  # read and write back with no other thread in between
            current = counter
            time.sleep(0)
            counter = current + 1


threads = [threading.Thread(target=add_one_at_a_time) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"expected: {THREADS * TIMES}")
print(f"counter:  {counter}")
