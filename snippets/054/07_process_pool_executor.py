import time
from concurrent.futures import ProcessPoolExecutor


def long_square(num):
    time.sleep(1)
    return num**2


if __name__ == "__main__":
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(long_square, range(10)))
    print(results)
    print(f"elapsed: {time.perf_counter() - start:.2f} s")
