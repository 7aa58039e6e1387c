import asyncio
import threading
import time

WAITS = 1000


def wait():
    time.sleep(1)


async def gather():
    tasks = [asyncio.create_task(asyncio.sleep(1)) for _ in range(WAITS)]
    running = threading.active_count()  # all the tasks have been created
    await asyncio.gather(*tasks)
    return running


print(f"{WAITS} waits of 1 s each, all at once")
start = time.perf_counter()
workers = [threading.Thread(target=wait) for _ in range(WAITS)]
for t in workers:
    t.start()
started = time.perf_counter() - start
running = threading.active_count()  # the main thread and those still waiting
for t in workers:
    t.join()
took = time.perf_counter() - start
print(
    f"threads: started in {started:.2f} s, {running} threads running then, "
    f"all done after {took:.2f} s"
)
start = time.perf_counter()
running = asyncio.run(gather())
took = time.perf_counter() - start
print(f"asyncio: {running} thread running, all done after {took:.2f} s")
