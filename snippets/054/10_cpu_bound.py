import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 4
SECONDS_PER_TASK = 0.1  # long enough that a busy moment can't decide it

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def count_down(n):
    """Computes, and returns the CPU time it took (its own thread's)."""
    cpu = time.thread_time()
    while n > 0:
        n -= 1
    return time.thread_time() - cpu


def timed(work, *args):
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def steps_lasting(seconds):
    """How many count_down steps take `seconds` on this machine."""
    steps = 100_000
    while timed(count_down, steps) < 0.1:  # until it is long enough to time
        steps *= 2
    took = statistics.median(timed(count_down, steps) for _ in range(5))
    return int(steps * seconds / took)


if __name__ == "__main__":
    # Size the work by time, not by a count of steps: machines differ
    steps = steps_lasting(SECONDS_PER_TASK)
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
        # Warm-up: start every worker and let it compute for a while (a fresh
        # process computes slower at first) before timing anything
        for pool in pools.values():
            list(pool.map(count_down, [steps] * 3 * TASKS))
        # Time the pools one after another, seven rounds, starting each round
        # with a different pool; a speed-up compares runs of the same round, so
        # a machine that slows down for a while slows both sides of the ratio
        rounds = [{} for _ in range(7)]
        busy = [{} for _ in rounds]  # CPU seconds per second: CPUs kept busy
        names = list(pools)
        for r, times in enumerate(rounds):
            for name in names[r % 3 :] + names[: r % 3]:
                start = time.perf_counter()
                cpu = sum(pools[name].map(count_down, [steps] * TASKS))
                times[name] = time.perf_counter() - start
                busy[r][name] = cpu / times[name]

    gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # added in 3.13
    print(f"GIL enabled: {gil}")
    print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
    print(f"{TASKS} tasks in each pool")
    for name in pools:
        seconds = statistics.median(times[name] for times in rounds)
        speed_up = statistics.median(
            times["1 thread"] / times[name] for times in rounds
        )
        cpus_busy = statistics.median(b[name] for b in busy)
        print(
            f"{name}: {seconds:.2f} s, speed-up {speed_up:.2f}x, "
            f"CPUs busy {cpus_busy:.2f}"
        )
