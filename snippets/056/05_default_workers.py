import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 16


def usable_cpus():
    if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs it may use
        return len(os.sched_getaffinity(0))
    return os.cpu_count()  # elsewhere, every CPU of the machine


def who_am_i(_):
    time.sleep(0.1)  # long enough for the pool to bring in every worker
    return os.getpid(), threading.get_ident()


if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    if hasattr(os, "sched_setaffinity"):  # Linux: one CPU, as taskset -c 0
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    usable, machine = usable_cpus(), os.cpu_count()
    print(f"usable CPUs: {usable} (os.cpu_count() says {machine})")
    with ThreadPoolExecutor() as pool:
        threads = {ident for _, ident in pool.map(who_am_i, range(TASKS))}
    print(f"threads ThreadPoolExecutor() used: {len(threads)}")
    with ProcessPoolExecutor() as pool:
        processes = {pid for pid, _ in pool.map(who_am_i, range(TASKS))}
    print(f"processes ProcessPoolExecutor() used: {len(processes)}")
