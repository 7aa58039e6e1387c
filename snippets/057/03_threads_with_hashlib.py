import hashlib
import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

TASKS = 4
SECONDS_PER_TASK = 0.1  # long enough that a busy moment can't decide it
CHUNK = bytes(2**20)  # 1 MB of zeros

if hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
    CPUS = len(os.sched_getaffinity(0))
else:  # elsewhere, every CPU of the machine
    CPUS = os.cpu_count()


def digest(megabytes):
    # hashlib lets go of the GIL while it hashes more than 2 KB of data,
    # so other threads run Python meanwhile, or hash on other cores
    sha = hashlib.sha256()
    for _ in range(megabytes):
        sha.update(CHUNK)
    return sha.hexdigest()


def timed(work, *args):
    start = time.perf_counter()
    work(*args)
    return time.perf_counter() - start


def megabytes_lasting(seconds):
    """How many megabytes sha256 hashes in `seconds` on this machine."""
    megabytes = 16
    while timed(digest, megabytes) < 0.1:  # until it is long enough to time
        megabytes *= 2
    took = statistics.median(timed(digest, megabytes) for _ in range(5))
    return max(1, int(megabytes * seconds / took))


def run_all(run, work):
    return list(run(digest, work))


def measure(run, work):
    """Wall-clock and CPU seconds (all threads of the process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run_all(run, work)
    return time.perf_counter() - wall, time.process_time() - cpu


# Size the work by time, not by a count of bytes: machines differ
work = [megabytes_lasting(SECONDS_PER_TASK)] * TASKS
seq_runs, thr_runs = [], []
with ThreadPoolExecutor(max_workers=TASKS) as pool:
    # Alternate the two and keep each one's median run: a try that caught a
    # busy (or an unusually quiet) moment doesn't decide it
    for _ in range(5):
        seq_runs.append(measure(map, work))
        thr_runs.append(measure(pool.map, work))
seq_wall, _ = sorted(seq_runs)[2]
thr_wall, thr_cpu = sorted(thr_runs)[2]
print(f"usable CPUs: {CPUS} (os.cpu_count() says {os.cpu_count()})")
print(f"sequential: {seq_wall:.2f} s")
print(f"{TASKS} threads:  {thr_wall:.2f} s")
print(f"speed-up: {seq_wall / thr_wall:.2f}x")
print(f"CPUs busy while the threads ran: {thr_cpu / thr_wall:.2f}")
