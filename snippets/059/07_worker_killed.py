import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

# What the kernel's out-of-memory killer sends (Windows has no SIGKILL)
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def work(n):
    if n == 2:
        os.kill(os.getpid(), KILL)  # this worker dies mid-task
    return n * n


if __name__ == "__main__":
    child = multiprocessing.Process(target=work, args=(2,))
    child.start()
    child.join()
    print(f"Process: exitcode {child.exitcode}")

    with ProcessPoolExecutor(max_workers=2) as pool:
        try:
            print(list(pool.map(work, range(4))))
        except BrokenProcessPool as error:
            print(f"ProcessPoolExecutor: BrokenProcessPool: {error}")

    with multiprocessing.Pool(2) as pool:
        workers = sorted(p.name for p in multiprocessing.active_children())
        print(f"Pool: workers {workers}")
        result = pool.map_async(work, range(4))
        try:
            # A plain pool.map(work, range(4)) would wait here forever
            print(result.get(timeout=3))
        except multiprocessing.TimeoutError:
            workers = sorted(p.name for p in multiprocessing.active_children())
            print(f"Pool: no result after 3 s; workers now {workers}")
