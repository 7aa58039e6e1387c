import sys
import threading
import time

THREADS, SECONDS = 4, 0.3
counter = 0
counts = {}


def add_with_plus_equals(stop_at, done):
    global counter
    n = 0
    while time.perf_counter() < stop_at:
        counter += 1
        n += 1
    done.append(n)


def add_with_get(stop_at, done):
    n = 0
    while time.perf_counter() < stop_at:
        # read, add one, write back: the usual way to count words in a dict
        counts["hits"] = counts.get("hits", 0) + 1
        n += 1
    done.append(n)


def run(add):
    """Four threads add ones for 0.3 s; returns how many ones they added."""
    done = []  # each thread's own count of its additions
    stop_at = time.perf_counter() + SECONDS
    threads = [
        threading.Thread(target=add, args=(stop_at, done))
        for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done)


print(f"GIL enabled: {getattr(sys, '_is_gil_enabled', lambda: True)()}")
added = run(add_with_plus_equals)
print("counter += 1")
print(f"  added {added:,}, kept {counter:,}, lost {added - counter:,}")
added = run(add_with_get)
print('counts["hits"] = counts.get("hits", 0) + 1')
kept = counts["hits"]
print(f"  added {added:,}, kept {kept:,}, lost {added - kept:,}")
