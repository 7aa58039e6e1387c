import threading
import time

ready = threading.Event()
start = time.perf_counter()


def worker(name):
    ready.wait()  # blocks until some thread calls ready.set()
    print(f"{name} started after {time.perf_counter() - start:.1f} s")


threads = [
    threading.Thread(target=worker, args=(f"worker {n}",)) for n in range(3)
]
for t in threads:
    t.start()

time.sleep(0.5)  # e.g. loading the configuration the workers need
print("main: configuration loaded")
ready.set()
for t in threads:
    t.join()
