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
    # The lock was copied while held; the thread that holds it was not copied
    taken = lock.acquire(timeout=0.5)
    print(f"child: lock taken within 0.5 s: {taken}")


if __name__ == "__main__":
    print(f"Python {platform.python_version()}")
    # Python hides DeprecationWarnings raised in library code; show them
    warnings.simplefilter("default", DeprecationWarning)
    threading.Thread(target=hold_the_lock).start()
    time.sleep(0.1)  # the thread now holds the lock
    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()
