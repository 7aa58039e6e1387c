import multiprocessing
import platform
import threading
import time
import warnings

lock = threading.Lock()


def hold_the_lock():
    with lock:
        time.sleep(1)


def child():
    # A new interpreter imported this file and made a lock of its own
    taken = lock.acquire(timeout=0.5)
    print(f"child: lock taken within 0.5 s: {taken}")


if __name__ == "__main__":
    print(f"Python {platform.python_version()}")
    warnings.simplefilter("default", DeprecationWarning)
    threading.Thread(target=hold_the_lock).start()
    time.sleep(0.1)
    process = multiprocessing.get_context("spawn").Process(target=child)
    process.start()
    process.join()
