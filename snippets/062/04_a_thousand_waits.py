import asyncio
import threading
import time

WAITS = 1000
most_threads = 0  # the most threads running at once, seen from a wait


def wait():
    global most_threads
    most_threads = max(most_threads, threading.active_count())
    time.sleep(1)


async def async_wait():
    global most_threads
    most_threads = max(most_threads, threading.active_count())
    await asyncio.sleep(1)


def threads():
    workers = [threading.Thread(target=wait) for _ in range(WAITS)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()


async def gather():
    await asyncio.gather(*(async_wait() for _ in range(WAITS)))


print(f"{WAITS} waits of 1 s each, all at once")
for way, run in (
    ("threads", threads),
    ("asyncio", lambda: asyncio.run(gather())),
):
    most_threads = 0
    start = time.perf_counter()
    run()
    took = time.perf_counter() - start
    print(f"{way}: {took:.2f} s, threads running at most: {most_threads}")
