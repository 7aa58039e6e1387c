import platform
import threading
from concurrent.futures import ProcessPoolExecutor


def use(lock):
    with lock:
        return 1


def make_adder(n):
    def add_n(x):  # a local function: it has no name pickle can look up
        return x + n

    return add_n


if __name__ == "__main__":
    print(f"Python {platform.python_version()}")
    attempts = {
        "a lambda": (lambda x: x + 1, 1),
        "a local function": (make_adder(1), 1),
        "a lock as an argument": (use, threading.Lock()),
    }
    with ProcessPoolExecutor(max_workers=1) as pool:
        for what, (function, argument) in attempts.items():
            # Everything sent to a worker process is pickled; the error comes
            # back through the future
            future = pool.submit(function, argument)
            try:
                future.result()
            except Exception as error:
                kind = f"{type(error).__module__}.{type(error).__name__}"
                print(f"{what}:\n  {kind}: {error}")
