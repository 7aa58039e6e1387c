import time
from multiprocessing import Pool

NAPS = [0.8, 0.2, 0.6, 0.4]  # the first task is the slowest


def nap(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    with Pool(len(NAPS)) as pool:
        pool.map(nap, [0] * len(NAPS))  # start the workers before timing
        for name in ("imap", "imap_unordered"):
            start = time.perf_counter()
            for result in getattr(pool, name)(nap, NAPS):
                took = time.perf_counter() - start
                print(f"{name:<15} got {result} after {took:.2f} s")
