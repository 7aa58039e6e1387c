import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


def work(n):
    if n == 2:
        os.kill(os.getpid(), KILL)
    return n * n


def run_all(numbers):
    results, lost = {}, []
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {pool.submit(work, n): n for n in numbers}
        for future in as_completed(futures):
            try:
                results[futures[future]] = future.result()
            except (
                BrokenProcessPool
            ):  # this task, or one beside it, killed a worker
                lost.append(futures[future])
    print(f"lost when the pool broke: {sorted(lost)}")
    # Run each lost task again, alone in a fresh pool: the one that kills its
    # worker is found, and the others' results are not lost with it
    for n in sorted(lost):
        with ProcessPoolExecutor(max_workers=1) as pool:
            try:
                results[n] = pool.submit(work, n).result()
            except BrokenProcessPool:
                print(f"task {n} kills its worker every time: left out")
    return dict(sorted(results.items()))


if __name__ == "__main__":
    print(run_all(range(6)))
