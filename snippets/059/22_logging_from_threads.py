import logging
import threading
import time

logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO)
start = threading.Barrier(4)  # all four begin together


def work(n):
    start.wait()
    for step in range(3):
        # Each record is written whole, under the handler's lock
        logging.info("step %d of task %d", step, n)
        time.sleep(0.05)  # the other threads log meanwhile


threads = [
    threading.Thread(target=work, args=(n,), name=f"worker-{n}")
    for n in range(4)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
