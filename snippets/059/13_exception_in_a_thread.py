import threading
from concurrent.futures import ThreadPoolExecutor


def inverse(n):
    return 1 / n


# A plain thread: threading.excepthook prints the traceback to stderr, the
# thread ends, and nothing reaches the thread that started it
thread = threading.Thread(target=inverse, args=(0,))
thread.start()
thread.join()
print("main thread: goes on, and knows nothing")

# An executor keeps the exception in the future: printed nowhere, raised
# only where result() is called. Here nobody calls it
with ThreadPoolExecutor() as pool:
    pool.submit(inverse, 0)
print("main thread: the executor's exception was never seen")
