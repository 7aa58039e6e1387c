import threading
import time

THREADS, TIMES = 4, 1000
counter = 0


def add_one_at_a_time():
    global counter
    for _ in range(TIMES):
        current = counter  # 1. read
        time.sleep(0)  # another thread may run here, as it may anywhere
        counter = current + 1  # 2. write back: overwrites what others wrote


threads = [threading.Thread(target=add_one_at_a_time) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"expected: {THREADS * TIMES}")
print(f"counter:  {counter}")
print(f"lost updates: {THREADS * TIMES - counter}")
