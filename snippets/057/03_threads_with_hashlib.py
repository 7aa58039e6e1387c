import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor

CHUNKS = [bytes(64 * 2**20)] * 4  # the same 64 MB of zeros, four times


def digest(chunk):
    # hashlib lets go of the GIL while it hashes more than 2 KB of data,
    # so other threads run Python meanwhile, or hash on other cores
    return hashlib.sha256(chunk).hexdigest()


def best_of_three(run):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        list(run(digest, CHUNKS))
        times.append(time.perf_counter() - start)
    return min(times)


digest(CHUNKS[0])  # warm-up
with ThreadPoolExecutor(max_workers=len(CHUNKS)) as pool:
    threaded = best_of_three(pool.map)
sequential = best_of_three(map)
print(f"CPUs: {os.cpu_count()}")
print(f"sequential: {sequential:.2f} s")
print(f"{len(CHUNKS)} threads:  {threaded:.2f} s")
print(f"speed-up: {sequential / threaded:.2f}x")
