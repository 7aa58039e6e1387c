import threading
import time
from multiprocessing import Process


def loop_forever():
    try:
        while True:
            time.sleep(0.1)
    finally:
        print("child: cleaning up", flush=True)  # does this run?


if __name__ == "__main__":
    for kind in (threading.Thread, Process):
        methods = [m for m in ("kill", "terminate") if hasattr(kind, m)]
        print(f"{kind.__name__} has: {methods}")

    p = Process(target=loop_forever)
    p.start()
    time.sleep(0.3)
    p.terminate()  # SIGTERM on Linux and macOS, TerminateProcess on Windows
    p.join()
    print("exit code after terminate():", p.exitcode)
