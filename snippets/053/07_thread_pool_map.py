import time
from concurrent.futures import ThreadPoolExecutor


def long_square(num):
    time.sleep(1)
    return num**2


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    # map() returns results in input order, whichever thread ends first
    results = list(pool.map(long_square, range(0, 5)))
print(results)
print(f"elapsed: {time.perf_counter() - start:.2f} s")
