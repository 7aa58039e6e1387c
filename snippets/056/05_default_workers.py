import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 16


def who_am_i(_):
    time.sleep(0.1)  # long enough for the pool to bring in every worker
    return os.getpid(), threading.get_ident()


if __name__ == "__main__":
    print(f"CPUs: {os.cpu_count()}")
    with ThreadPoolExecutor() as pool:
        threads = {ident for _, ident in pool.map(who_am_i, range(TASKS))}
    print(f"ThreadPoolExecutor() used {len(threads)} threads")
    with ProcessPoolExecutor() as pool:
        processes = {pid for pid, _ in pool.map(who_am_i, range(TASKS))}
    print(f"ProcessPoolExecutor() used {len(processes)} processes")
