import os
import sys
import threading
import time

N = 2_000_000
TASKS = 4


def count_down(n):
    # Pure Python arithmetic: the thread needs the CPU the whole time
    while n > 0:
        n -= 1


def sequential():
    for _ in range(TASKS):
        count_down(N)


def threaded():
    threads = [
        threading.Thread(target=count_down, args=(N,)) for _ in range(TASKS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def measure(work):
    """Wall-clock and CPU seconds (all threads of the process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


count_down(N)  # warm-up: the first loop of a fresh process runs slower
seq_runs, thr_runs = [], []
# Alternate the two and keep each one's fastest run (as timeit advises):
# other programs on the machine only ever add time
for _ in range(3):
    seq_runs.append(measure(sequential))
    thr_runs.append(measure(threaded))
seq_wall, seq_cpu = min(seq_runs)
thr_wall, thr_cpu = min(thr_runs)

gil = getattr(sys, "_is_gil_enabled", lambda: True)()
print(f"GIL enabled: {gil}, CPUs: {os.cpu_count()}")
print(f"sequential: {seq_wall:.2f} s wall, {seq_cpu:.2f} s CPU")
print(f"{TASKS} threads:  {thr_wall:.2f} s wall, {thr_cpu:.2f} s CPU")
print(f"speed-up: {seq_wall / thr_wall:.2f}x")
print(f"CPUs busy while the threads ran: {thr_cpu / thr_wall:.2f}")
