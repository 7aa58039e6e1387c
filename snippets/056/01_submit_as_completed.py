import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def slow_square(num, seconds):
    time.sleep(seconds)
    return num**2


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=3) as pool:
    # submit() returns a Future at once: a handle on a result still to come
    futures = {
        pool.submit(slow_square, num, seconds): num
        for num, seconds in ((1, 0.6), (2, 0.2), (3, 0.4))
    }
    for future in as_completed(futures):  # in the order they finish
        elapsed = time.perf_counter() - start
        print(
            f"{futures[future]} squared is {future.result()} ({elapsed:.1f} s)"
        )
