import os
import time
from multiprocessing import Pool


def long_square(num):
    time.sleep(1)
    return os.getpid(), num**2


if __name__ == "__main__":
    start = time.perf_counter()
    with Pool(processes=5) as pool:
        results = pool.map(long_square, range(10))
    elapsed = time.perf_counter() - start

    print([square for _, square in results])
    print(f"worker processes used: {len({pid for pid, _ in results})}")
    print(f"elapsed: {elapsed:.2f} s")
