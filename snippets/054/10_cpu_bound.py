import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

N = 3_000_000
TASKS = 4


def count_down(n):
    while n > 0:
        n -= 1
    return n


def sequential():
    for _ in range(TASKS):
        count_down(N)


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    with (
        ThreadPoolExecutor(max_workers=TASKS) as threads,
        ProcessPoolExecutor(max_workers=TASKS) as processes,
    ):
        work = {
            "sequential": sequential,
            "threads": lambda: list(threads.map(count_down, [N] * TASKS)),
            "processes": lambda: list(processes.map(count_down, [N] * TASKS)),
        }
        # Warm-up: start the worker processes before timing anything
        for run in work.values():
            run()
        # Alternate the three, then take medians: the machine is noisy
        times = {name: [] for name in work}
        for _ in range(3):
            for name, run in work.items():
                times[name].append(timed(run))

    seq = statistics.median(times["sequential"])
    print(f"CPUs: {os.cpu_count()}")
    print(f"sequential: {seq:.2f} s")
    for name in ("threads", "processes"):
        seconds = statistics.median(times[name])
        print(
            f"{TASKS} {name}: {seconds:.2f} s, speed-up {seq / seconds:.2f}x"
        )
