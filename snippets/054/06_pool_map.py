import os
import time
from multiprocessing import Pool


def long_square(num):
    start = time.time()  # time.time(): one clock for every process
    time.sleep(1)
    return os.getpid(), start, time.time(), num**2


if __name__ == "__main__":
    began = time.time()
    with Pool(processes=5) as pool:
        results = pool.map(long_square, range(10))
    ended = time.time()

    print([square for *_, square in results])
    print(f"worker processes used: {len({pid for pid, *_ in results})}")
    first_start = min(start for _, start, _, _ in results)
    last_end = max(end for _, _, end, _ in results)
    print(f"first task started: {first_start - began:.2f} s")
    print(f"last task ended:    {last_end - began:.2f} s")
    print(f"pool closed:        {ended - began:.2f} s")
