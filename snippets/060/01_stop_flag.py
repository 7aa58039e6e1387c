import threading
import time

stop = threading.Event()


def poll(name):
    checks = 0
    while not stop.is_set():
        checks += 1
        # A tenth of a second of "work" between two checks; wait() on the
        # event, not time.sleep(), so the wait ends as soon as stop is set
        stop.wait(0.1)
    print(f"{name}: stopped after {checks} checks")


threads = [
    threading.Thread(target=poll, args=(f"worker {n}",)) for n in range(2)
]
for t in threads:
    t.start()
time.sleep(0.55)

asked = time.perf_counter()
stop.set()
for t in threads:
    t.join()
print(f"both stopped {time.perf_counter() - asked:.3f} s after stop.set()")
