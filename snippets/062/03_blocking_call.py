import asyncio
import threading
import time

spans = []  # (num, thread name, start, end)


def blocking_wait(num):
    """A call from a library that knows nothing of asyncio."""
    start = time.perf_counter()
    time.sleep(0.5)
    name = threading.current_thread().name
    spans.append((num, name, start, time.perf_counter()))


async def called_directly(num):
    blocking_wait(num)  # blocks the event loop's thread, and so the loop


async def in_a_thread(num):
    # runs it in a worker thread; the loop goes on meanwhile
    await asyncio.to_thread(blocking_wait, num)


async def main(call):
    await asyncio.gather(*(call(n) for n in range(5)))


print(f"{'way':<10}{'call':<6}{'thread':<18}{'start':>6}{'end':>6}")
for way, call in (("blocking", called_directly), ("to_thread", in_a_thread)):
    spans.clear()
    began = time.perf_counter()
    asyncio.run(main(call))
    for num, name, start, end in sorted(spans):
        print(
            f"{way:<10}{num:<6}{name:<18}"
            f"{start - began:6.2f}{end - began:6.2f}"
        )
