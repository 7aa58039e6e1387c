import contextlib
import os
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 8
SECONDS_PER_TASK = 0.05  # each task waits this long, or computes this long
EXECUTORS = {"threads": ThreadPoolExecutor, "processes": ProcessPoolExecutor}

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()
# Twice the CPUs, but no more workers than tasks: the extra ones would idle,
# and every pool stays open until the end, so a big machine would start
# hundreds of processes and take minutes
MOST_WORKERS = min(2 * CPUS, TASKS)


def wait(_):
    """Waits, and returns the CPU time it took (its own thread's)."""
    cpu = time.thread_time()
    time.sleep(SECONDS_PER_TASK)  # stands for a network call or a disk read
    return time.thread_time() - cpu


def count_down(n):
    """Computes, and returns the CPU time it took (its own thread's)."""
    cpu = time.thread_time()
    while n > 0:  # pure Python arithmetic: needs the CPU
        n -= 1
    return time.thread_time() - cpu


def timed(run, *args):
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start


def steps_lasting(seconds):
    """How many count_down steps take `seconds` on this machine."""
    steps = 100_000
    while timed(count_down, steps) < 0.1:  # until it is long enough to time
        steps *= 2
    took = statistics.median(timed(count_down, steps) for _ in range(5))
    return int(steps * seconds / took)


def timings(steps):
    """{(work, executor, workers): (seconds, CPUs busy)} for every way of
    running: how long it took, and how many CPUs it kept busy meanwhile (the
    CPU time its tasks took, per second)."""
    works = {
        "wait": (wait, [None] * TASKS),
        "compute": (count_down, [steps] * TASKS),
    }
    with contextlib.ExitStack() as stack:
        ways = {("sequential", 1): map}
        for workers in range(1, MOST_WORKERS + 1):
            for name, executor in EXECUTORS.items():
                pool = stack.enter_context(executor(max_workers=workers))
                # Start every worker and let it compute for a while (a fresh
                # process computes slower at first): only the work is timed
                list(pool.map(count_down, [steps] * 3 * workers))
                ways[name, workers] = pool.map
        tries = {(work, *way): [] for work in works for way in ways}
        # Several rounds (one for waiting, which varies little), each trying
        # every way in a new random order, so that no way always goes first;
        # each way's median try counts, so that a busy (or an unusually
        # quiet) moment of the machine decides nothing
        for work, (function, inputs) in works.items():
            for _ in range(1 if work == "wait" else 7):
                order = list(ways.items())
                random.shuffle(order)
                for (name, workers), run in order:
                    start = time.perf_counter()
                    cpu = sum(run(function, inputs))
                    took = time.perf_counter() - start
                    tries[work, name, workers].append((took, cpu / took))
        return {
            key: (
                statistics.median(took for took, _ in runs),
                statistics.median(busy for _, busy in runs),
            )
            for key, runs in tries.items()
        }


if __name__ == "__main__":
    # Size the computing by time, not by a count of steps: machines differ
    measured = timings(steps_lasting(SECONDS_PER_TASK))
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # added in 3.13
    print(f"GIL enabled: {gil}")
    print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
    print(f"tasks: {TASKS}, each about {SECONDS_PER_TASK} s")
    print(
        f"{'work':<9}{'executor':<12}{'workers':>7}{'seconds':>9}{'speed-up':>10}"
        f"{'CPUs busy':>11}"
    )
    for (work, name, workers), (took, busy) in measured.items():
        speed_up = measured[work, "sequential", 1][0] / took
        print(
            f"{work:<9}{name:<12}{workers:>7}"
            f"{took:>9.2f}{speed_up:>9.2f}x{busy:>11.2f}"
        )
