import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def long_square(num):
    time.sleep(1)
    return threading.current_thread().name, num**2


start = time.perf_counter()
# No max_workers: Python picks the size of the pool
with ThreadPoolExecutor() as pool:
    results = list(pool.map(long_square, range(12)))
elapsed = time.perf_counter() - start

workers = {name for name, _ in results}
print(f"CPUs: {os.cpu_count()}")
print(f"threads the pool started: {len(workers)}")
print(f"12 one-second tasks took {elapsed:.2f} s")
