import platform
import queue
import threading

DONE = None  # the marker older Pythons need
log = []  # what the consumers did, printed at the end: print() from several
# threads at once can break lines
HAS_SHUTDOWN = hasattr(queue.Queue, "shutdown")  # Python 3.13 and later


def consume(tasks, name):
    while True:
        try:
            n = tasks.get()
        except getattr(queue, "ShutDown", ()):  # Python 3.13 and later
            break
        if n is DONE:
            break
        log.append(f"{name} got {n}")
    log.append(f"{name} stopped")


version = platform.python_version()
if HAS_SHUTDOWN:
    print(f"Python {version}: stopping the consumers with tasks.shutdown()")
else:
    print(f"Python {version} has no Queue.shutdown: one marker per consumer")
tasks = queue.Queue()
consumers = [
    threading.Thread(target=consume, args=(tasks, name)) for name in "AB"
]
for t in consumers:
    t.start()
for n in range(4):
    tasks.put(n)
if HAS_SHUTDOWN:
    tasks.shutdown()  # get() raises ShutDown once the queue is empty
else:
    for _ in consumers:
        tasks.put(DONE)
for t in consumers:
    t.join()
print("\n".join(log))
