from concurrent.futures import ThreadPoolExecutor, as_completed


def inverse(n):
    return 1 / n


with ThreadPoolExecutor() as pool:
    futures = {pool.submit(inverse, n): n for n in (4, 0, 2)}
    for future in as_completed(futures):
        try:  # result() raises the worker's exception here, in the main thread
            print(f"1/{futures[future]} = {future.result()}")
        except ZeroDivisionError as error:
            print(f"1/{futures[future]} failed: {error!r}")
