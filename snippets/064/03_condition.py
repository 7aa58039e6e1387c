import threading
import time

items = []
ready = threading.Condition()  # a lock, plus a way to wait for a change
log = []  # what happened, in order; printed at the end


def producer():
    for n in range(1, 7):
        time.sleep(0.1)  # items arrive one at a time
        with ready:
            items.append(n)
            log.append(f"producer: put {n}")
            ready.notify()  # wakes a waiting consumer, if any


def consumer():
    for _ in range(2):
        with ready:
            # releases the lock while it waits; checks again on every notify
            ready.wait_for(lambda: len(items) >= 3)
            batch = items[:3]
            del items[:3]
            log.append(f"consumer: took {batch}")


threads = [threading.Thread(target=f) for f in (consumer, producer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(log))
