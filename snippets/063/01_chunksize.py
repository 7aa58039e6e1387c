import multiprocessing
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

WORKERS = 2

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def square(n):
    return n * n  # a tiny task: far less work than sending it to a worker


def one_by_one(pool, tasks):
    """Seconds that `tasks` tiny tasks take, sent one at a time."""
    start = time.perf_counter()
    pool.map(square, range(tasks), chunksize=1)
    return time.perf_counter() - start


def tasks_lasting(seconds, pool):
    """How many tiny tasks, sent one at a time, take `seconds` in `pool`."""
    tasks = 500
    while one_by_one(pool, tasks) < 0.1:  # until it is long enough to time
        tasks *= 2
    took = statistics.median(one_by_one(pool, tasks) for _ in range(3))
    return int(tasks * seconds / took)


if __name__ == "__main__":
    with (
        multiprocessing.Pool(WORKERS) as pool,
        ProcessPoolExecutor(WORKERS) as executor,
    ):
        list(executor.map(square, range(100)))  # start its workers
        # Size the work by time, not by a count of tasks: machines differ
        tasks = tasks_lasting(0.25, pool)
        numbers = range(tasks)
        ways = {
            "a loop, no pool": lambda: [square(n) for n in numbers],
            "Pool.map chunksize=1": lambda: pool.map(square, numbers, 1),
            "Pool.map chunksize=10": lambda: pool.map(square, numbers, 10),
            "Pool.map chunksize=100": lambda: pool.map(square, numbers, 100),
            "Pool.map chunksize=1000": lambda: pool.map(square, numbers, 1000),
            "Pool.map default": lambda: pool.map(square, numbers),
            "Executor.map default": lambda: list(
                executor.map(square, numbers)
            ),
            "Executor.map chunksize=1000": lambda: list(
                executor.map(square, numbers, chunksize=1000)
            ),
        }
        # three rounds, each way's median counts
        tries = {way: [] for way in ways}
        for _ in range(3):
            for way, run in ways.items():
                start = time.perf_counter()
                run()
                tries[way].append(time.perf_counter() - start)
    # what Pool.map picks when not told: about four chunks per worker
    default, extra = divmod(tasks, WORKERS * 4)
    print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
    print(f"{tasks} tasks, {WORKERS} worker processes")
    print(f"Pool.map's default chunksize here: {default + bool(extra)}")
    for way, took in tries.items():
        print(f"{way:<30}{statistics.median(took):>9.4f} s")
