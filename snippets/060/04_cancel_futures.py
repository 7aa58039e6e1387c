import time
from concurrent.futures import ThreadPoolExecutor


def task(n):
    time.sleep(0.5)
    return n


for cancel in (False, True):
    start = time.perf_counter()
    pool = ThreadPoolExecutor(max_workers=2)
    futures = [pool.submit(task, n) for n in range(10)]
    time.sleep(0.2)  # two tasks are running, eight are waiting their turn
    pool.shutdown(cancel_futures=cancel)
    done = [f.result() for f in futures if not f.cancelled()]
    cancelled = sum(f.cancelled() for f in futures)
    print(
        f"shutdown(cancel_futures={cancel}): "
        f"{time.perf_counter() - start:.1f} s, "
        f"results {done}, {cancelled} cancelled"
    )
