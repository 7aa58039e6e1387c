import atexit
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def slow_square(n):
    time.sleep(1)
    return n * n


def press_ctrl_c():
    # What Ctrl+C in a terminal does: SIGINT to every process of the
    # foreground group (os.killpg is Unix only)
    global pressed
    pressed = time.monotonic()
    os.killpg(os.getpgrp(), signal.SIGINT)


def report():  # atexit: runs after the traceback is printed
    print(f"the program ended {time.monotonic() - pressed:.1f} s after Ctrl+C")


if __name__ == "__main__":
    atexit.register(report)
    threading.Timer(1.5, press_ctrl_c).start()
    with ProcessPoolExecutor(max_workers=2) as pool:
        for result in pool.map(slow_square, range(8)):
            print("result:", result)
