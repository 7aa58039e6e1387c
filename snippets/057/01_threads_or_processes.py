import contextlib
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 8
EXECUTORS = {"threads": ThreadPoolExecutor, "processes": ProcessPoolExecutor}


def wait(_):
    time.sleep(0.02)  # stands for a network call or a disk read


def compute(_):
    total = 0
    for i in range(200_000):  # pure Python arithmetic: needs the CPU
        total += i * i
    return total


def timed(run, work):
    start = time.perf_counter()
    list(run(work, range(TASKS)))
    return time.perf_counter() - start


def timings():
    """{(work, executor, workers): seconds} for every way of running."""
    with contextlib.ExitStack() as stack:
        ways = {("sequential", 1): map}
        for workers in range(1, 2 * os.cpu_count() + 1):
            for name, executor in EXECUTORS.items():
                pool = stack.enter_context(executor(max_workers=workers))
                # Start and warm up every worker: only the work is timed
                list(pool.map(compute, range(2 * workers)))
                ways[name, workers] = pool.map
        seconds = {
            (work.__name__, name, workers): float("inf")
            for work in (wait, compute)
            for name, workers in ways
        }
        # Computing: the best of five rounds, each trying every way in a new
        # random order, so that a moment when the machine is busy with
        # something else, or an effect of going first, hits no way every time
        for work, rounds in ((wait, 1), (compute, 5)):
            for _ in range(rounds):
                order = list(ways.items())
                random.shuffle(order)
                for (name, workers), run in order:
                    key = work.__name__, name, workers
                    seconds[key] = min(seconds[key], timed(run, work))
        return seconds


if __name__ == "__main__":
    seconds = timings()
    print(f"CPUs: {os.cpu_count()}, tasks: {TASKS}")
    print(
        f"{'work':<9}{'executor':<12}{'workers':>7}{'seconds':>9}{'speed-up':>10}"
    )
    for (work, name, workers), time_taken in seconds.items():
        speed_up = seconds[work, "sequential", 1] / time_taken
        print(
            f"{work:<9}{name:<12}{workers:>7}"
            f"{time_taken:>9.2f}{speed_up:>9.2f}x"
        )
