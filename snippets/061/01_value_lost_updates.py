from multiprocessing import Barrier, Process, Value

PROCESSES = 4
TIMES = 50_000  # additions per process


def add_unlocked(counter, start):
    start.wait()  # all of them begin together, however long each took to start
    for _ in range(TIMES):
        # A read, then a write: another process can come in between
        counter.value += 1


def add_locked(counter, start):
    start.wait()
    for _ in range(TIMES):
        with counter.get_lock():  # the Value's own lock, around both steps
            counter.value += 1


def run(target):
    counter = Value("i", 0)  # a C int in shared memory, with a lock
    start = Barrier(PROCESSES)
    processes = [
        Process(target=target, args=(counter, start)) for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return counter.value


if __name__ == "__main__":
    print(f"expected:           {PROCESSES * TIMES}")
    print(f"without the lock:   {run(add_unlocked)}")
    print(f"with get_lock():    {run(add_locked)}")
