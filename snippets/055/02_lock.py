import threading
import time

THREADS, SECONDS = 4, 0.3
counts = {}
lock = threading.Lock()


def add_with_get(stop_at, done):
    n = 0
    while time.perf_counter() < stop_at:
        with lock:  # read and write back with no other thread in between
            counts["hits"] = counts.get("hits", 0) + 1
        n += 1
    done.append(n)


done = []  # each thread's own count of its additions
stop_at = time.perf_counter() + SECONDS
threads = [
    threading.Thread(target=add_with_get, args=(stop_at, done))
    for _ in range(THREADS)
]
for t in threads:
    t.start()
for t in threads:
    t.join()

added, kept = sum(done), counts["hits"]
print(f"added {added:,}, kept {kept:,}, lost {added - kept:,}")
