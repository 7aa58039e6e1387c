import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

N = 2_000_000
TASKS = 4


def count_down(n):
    while n > 0:
        n -= 1
    return n


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    with (
        ThreadPoolExecutor(max_workers=1) as one_thread,
        ThreadPoolExecutor(max_workers=TASKS) as threads,
        ProcessPoolExecutor(max_workers=TASKS) as processes,
    ):
        pools = {
            "1 thread": one_thread,
            f"{TASKS} threads": threads,
            f"{TASKS} processes": processes,
        }
        # Warm-up: start every worker and give each a first loop (a fresh
        # process runs its first loops slower) before timing anything
        for pool in pools.values():
            list(pool.map(count_down, [100_000] * 8 * TASKS))
        # Alternate the pools and keep each one's fastest run (as timeit
        # advises): other programs on the machine only ever add time
        times = {name: [] for name in pools}
        for _ in range(3):
            for name, pool in pools.items():
                work = [N] * TASKS
                times[name].append(
                    timed(lambda p=pool, w=work: list(p.map(count_down, w)))
                )

    print(f"CPUs: {os.cpu_count()}; {TASKS} tasks in each pool")
    baseline = min(times["1 thread"])
    for name, runs in times.items():
        seconds = min(runs)
        print(f"{name}: {seconds:.2f} s, speed-up {baseline / seconds:.2f}x")
