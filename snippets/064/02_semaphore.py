import threading
import time

slots = threading.Semaphore(2)  # at most two downloads at a time
spans = []  # (num, thread name, start, end)
began = time.perf_counter()


def download(num):
    with slots:  # waits here while two others hold a slot
        start = time.perf_counter()
        time.sleep(0.3)  # stands for the download itself
        name = threading.current_thread().name
        spans.append((num, name, start - began, time.perf_counter() - began))


threads = [threading.Thread(target=download, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{'way':<10}{'call':<6}{'thread':<20}{'start':>6}{'end':>6}")
for num, name, start, end in sorted(spans):
    print(f"{'semaphore':<10}{num:<6}{name:<20}{start:6.2f}{end:6.2f}")

bounded = threading.BoundedSemaphore(2)
try:
    bounded.release()  # one more release than acquires
except ValueError as error:
    print(f"BoundedSemaphore: ValueError: {error}")
