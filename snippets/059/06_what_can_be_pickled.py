import functools
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager


def add(a, b):
    return a + b


def add_under_lock(lock, a, b):
    with lock:
        return a + b


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as pool, Manager() as manager:
        # A module-level function travels by name; partial() fixes an argument
        print(
            "partial(add, 1):",
            pool.submit(functools.partial(add, 1), 1).result(),
        )
        # A manager's lock is a proxy: what travels is its address
        lock = manager.Lock()
        print(
            "a manager's lock:",
            pool.submit(add_under_lock, lock, 1, 1).result(),
        )
