import os
import statistics
import sys
import threading
import time

TASKS = 4
SECONDS_PER_TASK = 0.1  # long enough that a busy moment can't decide it

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def count_down(n):
    # Pure Python arithmetic: the thread needs the CPU the whole time
    while n > 0:
        n -= 1


def steps_lasting(seconds):
    """How many count_down steps take `seconds` on this machine."""
    steps = 100_000
    while timed(count_down, steps) < 0.1:  # until it is long enough to time
        steps *= 2
    took = statistics.median(timed(count_down, steps) for _ in range(5))
    return int(steps * seconds / took)


def timed(work, *args):
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def sequential(steps):
    for _ in range(TASKS):
        count_down(steps)


def threaded(steps):
    threads = [
        threading.Thread(target=count_down, args=(steps,))
        for _ in range(TASKS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def measure(work, steps):
    """Wall-clock and CPU seconds (all threads of the process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work(steps)
    return time.perf_counter() - wall, time.process_time() - cpu


# Size the work by time, not by a count of steps: machines differ
steps = steps_lasting(SECONDS_PER_TASK)
seq_runs, thr_runs = [], []
# Alternate the two and keep each one's median run: a try that caught a busy
# (or an unusually quiet) moment of the machine doesn't decide it
for _ in range(5):
    seq_runs.append(measure(sequential, steps))
    thr_runs.append(measure(threaded, steps))
seq_wall, seq_cpu = sorted(seq_runs)[2]
thr_wall, thr_cpu = sorted(thr_runs)[2]

gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # added in 3.13
print(f"GIL enabled: {gil}")
print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
print(f"sequential: {seq_wall:.2f} s wall, {seq_cpu:.2f} s CPU")
print(f"{TASKS} threads:  {thr_wall:.2f} s wall, {thr_cpu:.2f} s CPU")
print(f"speed-up: {seq_wall / thr_wall:.2f}x")
print(f"CPUs busy while the threads ran: {thr_cpu / thr_wall:.2f}")
