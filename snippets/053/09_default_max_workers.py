import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def long_square(num):
    time.sleep(1)
    return threading.current_thread().name, num**2


start = time.perf_counter()
# No max_workers: Python picks the size of the pool
with ThreadPoolExecutor() as pool:
    results = list(pool.map(long_square, range(12)))
elapsed = time.perf_counter() - start

workers = {name for name, _ in results}
print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
print(f"threads the pool started: {len(workers)}")
print(f"12 one-second tasks took {elapsed:.2f} s")
