import asyncio
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 4
SECONDS_PER_TASK = 0.1
TICK = 0.01  # the heartbeat's pause: a responsive loop ticks this often

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


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


async def computing(n):
    return count_down(n)  # a coroutine, but it never awaits


async def in_a_thread(n):
    return await asyncio.to_thread(count_down, n)


async def in_a_process(n, pool):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, count_down, n)


async def with_heartbeat(work):
    """Runs `work`, counting the heartbeat's ticks meanwhile."""
    ticks = 0

    async def heartbeat():
        nonlocal ticks
        while True:
            await asyncio.sleep(TICK)
            ticks += 1

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)  # let it start
    cpu = sum(await asyncio.gather(*work))
    beating.cancel()
    return cpu, ticks


def timings(steps, pool):
    """{way: (seconds, speed-up, CPUs busy, ticks)}, each the median of five
    rounds; a speed-up is the median of five ratios, each to the sequential
    run of the same round, so a slow moment of the machine weighs on both
    sides of a ratio."""
    ways = {
        "sequential": lambda: (sum(map(count_down, [steps] * TASKS)), None),
        "gather": lambda: asyncio.run(
            with_heartbeat([computing(steps) for _ in range(TASKS)])
        ),
        "to_thread": lambda: asyncio.run(
            with_heartbeat([in_a_thread(steps) for _ in range(TASKS)])
        ),
        "processes": lambda: asyncio.run(
            with_heartbeat([in_a_process(steps, pool) for _ in range(TASKS)])
        ),
    }
    tries = {way: [] for way in ways}
    for round_ in range(5):
        names = list(ways)
        # a different way goes first in each round
        for way in names[round_ % 4 :] + names[: round_ % 4]:
            start = time.perf_counter()
            cpu, ticks = ways[way]()
            took = time.perf_counter() - start
            tries[way].append((took, cpu / took, ticks))
    sequential = [took for took, _, _ in tries["sequential"]]
    return {
        way: (
            statistics.median(took for took, _, _ in runs),
            statistics.median(
                base / took
                for base, (took, _, _) in zip(sequential, runs, strict=True)
            ),
            statistics.median(busy for _, busy, _ in runs),
            # the sequential way runs no event loop
            None
            if way == "sequential"
            else statistics.median(ticks for _, _, ticks in runs),
        )
        for way, runs in tries.items()
    }


if __name__ == "__main__":
    steps = steps_lasting(SECONDS_PER_TASK)
    with ProcessPoolExecutor(max_workers=TASKS) as pool:
        # Start the workers and let them compute before anything is timed
        list(pool.map(count_down, [steps] * 3 * TASKS))
        measured = timings(steps, pool)
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # added in 3.13
    print(f"GIL enabled: {gil}")
    print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
    print(f"tasks: {TASKS}, each computing about {SECONDS_PER_TASK} s")
    print(
        f"{'way':<12}{'seconds':>8}{'speed-up':>10}{'CPUs busy':>11}"
        f"{'loop ticks':>12}"
    )
    for way, (took, speed_up, busy, ticks) in measured.items():
        ticked = "-" if ticks is None else f"{ticks:.0f}"
        print(
            f"{way:<12}{took:>8.2f}{speed_up:>9.2f}x{busy:>11.2f}{ticked:>12}"
        )
