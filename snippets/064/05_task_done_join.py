import queue
import threading
import time


def consume(tasks, calls_task_done):
    while True:
        n = tasks.get()
        time.sleep(0.1 * n)  # the work
        if calls_task_done:
            tasks.task_done()  # one per get(): this task is finished


for calls_task_done in (True, False):
    tasks = queue.Queue()
    for _ in range(2):  # daemons: the program won't wait for them at exit
        threading.Thread(
            target=consume, args=(tasks, calls_task_done), daemon=True
        ).start()
    start = time.perf_counter()
    for n in range(1, 5):
        tasks.put(n)
    # Queue.join() has no timeout: wait for it in a thread of its own
    waiter = threading.Thread(target=tasks.join, daemon=True)
    waiter.start()
    waiter.join(timeout=2)
    took = time.perf_counter() - start
    if waiter.is_alive():
        print(f"without task_done(): join() still waiting after {took:.2f} s")
    else:
        print(f"with task_done(): join() returned after {took:.2f} s")
