import asyncio
import threading
import time

spans = []  # (num, thread name, start, end)


def wait(num):
    start = time.perf_counter()
    # stands for a network call: blocks its thread for half a second
    time.sleep(0.5)
    name = threading.current_thread().name
    spans.append((num, name, start, time.perf_counter()))


async def async_wait(num):
    start = time.perf_counter()
    # the same wait, written for asyncio: gives the thread back meanwhile
    await asyncio.sleep(0.5)
    name = threading.current_thread().name
    spans.append((num, name, start, time.perf_counter()))


def threads():
    workers = [threading.Thread(target=wait, args=(n,)) for n in range(5)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()


async def gather():
    await asyncio.gather(*(async_wait(n) for n in range(5)))


print(f"{'way':<10}{'call':<6}{'thread':<18}{'start':>6}{'end':>6}")
for way, run in (
    ("threads", threads),
    ("gather", lambda: asyncio.run(gather())),
):
    spans.clear()
    began = time.perf_counter()
    run()
    for num, name, start, end in sorted(spans):
        print(
            f"{way:<10}{num:<6}{name:<18}"
            f"{start - began:6.2f}{end - began:6.2f}"
        )
