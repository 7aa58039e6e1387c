import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def ignore_ctrl_c():
    # Workers leave SIGINT to the main process, which decides what to do
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def slow_square(n):
    time.sleep(1)
    return n * n


def press_ctrl_c():
    os.killpg(os.getpgrp(), signal.SIGINT)


if __name__ == "__main__":
    threading.Timer(1.5, press_ctrl_c).start()
    pool = ProcessPoolExecutor(max_workers=2, initializer=ignore_ctrl_c)
    futures = [pool.submit(slow_square, n) for n in range(8)]
    try:
        for future in futures:
            print("result:", future.result())
    except KeyboardInterrupt:
        # Drop the tasks not started yet, wait for the running ones
        pool.shutdown(wait=True, cancel_futures=True)
        done = sum(f.done() and not f.cancelled() for f in futures)
        cancelled = sum(f.cancelled() for f in futures)
        print(f"interrupted: {done} tasks done, {cancelled} cancelled")
        sys.exit(130)  # the shell's code for "ended by Ctrl+C"
    pool.shutdown()
