import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 16

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def who_am_i(_):
    time.sleep(0.1)  # long enough for the pool to bring in every worker
    return os.getpid(), threading.get_ident()


if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
    with ThreadPoolExecutor() as pool:
        threads = {ident for _, ident in pool.map(who_am_i, range(TASKS))}
    print(f"threads ThreadPoolExecutor() used: {len(threads)}")
    with ProcessPoolExecutor() as pool:
        processes = {pid for pid, _ in pool.map(who_am_i, range(TASKS))}
    print(f"processes ProcessPoolExecutor() used: {len(processes)}")
