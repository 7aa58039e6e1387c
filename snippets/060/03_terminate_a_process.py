import threading
import time
from multiprocessing import Event, Process


def loop_forever(running):
    try:
        print("child: running", flush=True)
        running.set()
        while True:
            time.sleep(0.1)  # the child's work
    finally:
        print("child: cleaning up", flush=True)  # does this run?


if __name__ == "__main__":
    for kind in (threading.Thread, Process):
        methods = [m for m in ("kill", "terminate") if hasattr(kind, m)]
        print(f"{kind.__name__} has: {methods}")

    running = Event()
    p = Process(target=loop_forever, args=(running,))
    p.start()
    running.wait()  # until the child is inside its try block
    p.terminate()  # SIGTERM on Linux and macOS, TerminateProcess on Windows
    p.join()
    print("exit code after terminate():", p.exitcode)
