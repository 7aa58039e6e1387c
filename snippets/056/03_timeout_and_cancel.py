import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError


def sleep_for(seconds):
    time.sleep(seconds)
    return seconds


with ThreadPoolExecutor(max_workers=1) as pool:
    running = pool.submit(sleep_for, 0.5)
    # One worker: the second task waits its turn
    waiting = pool.submit(sleep_for, 0.5)
    time.sleep(0.1)

    try:
        running.result(timeout=0.1)
    except TimeoutError:
        print("result(timeout=0.1): TimeoutError, the task goes on")

    print("cancel the waiting task:", waiting.cancel())
    print("cancel the running task:", running.cancel())
    print("running task's result:", running.result())
    print("waiting task cancelled:", waiting.cancelled())
