import threading
import time
from concurrent.futures import ThreadPoolExecutor

spans = []  # (num, thread name, start, end); list.append is thread-safe


def long_square(num):
    start = time.perf_counter()
    time.sleep(1)
    name = threading.current_thread().name
    spans.append((num, name, start, time.perf_counter()))
    return num**2


def sequential():
    return [long_square(n) for n in range(5)]


def threads():
    workers = [
        threading.Thread(target=long_square, args=(n,)) for n in range(5)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()


def thread_pool():
    with ThreadPoolExecutor(max_workers=3) as pool:
        return list(pool.map(long_square, range(5)))


print(f"{'way':<12}{'call':<6}{'thread':<26}{'start':>6}{'end':>6}")
for way in (sequential, threads, thread_pool):
    spans.clear()
    began = time.perf_counter()
    way()
    for num, name, start, end in sorted(spans):
        print(
            f"{way.__name__:<12}{num:<6}{name:<26}"
            f"{start - began:6.2f}{end - began:6.2f}"
        )
