import random
import threading
import time

began = time.perf_counter()
log = []  # what happened, in order; printed at the end


def elapsed():
    return time.perf_counter() - began


# the action runs once per round, in one of the threads, before any goes on
barrier = threading.Barrier(
    3, action=lambda: log.append(f"--- all 3 arrived at {elapsed():.2f} s")
)


def worker(name):
    for phase in (1, 2):
        time.sleep(random.uniform(0.1, 0.4))  # phases of different lengths
        log.append(f"{name}: phase {phase} done at {elapsed():.2f} s")
        barrier.wait()  # nobody starts the next phase before all are here


threads = [threading.Thread(target=worker, args=(n,)) for n in "ABC"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("\n".join(log))
