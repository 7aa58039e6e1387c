from multiprocessing import Manager, Process

PROCESSES = 4
TIMES = 200  # additions per process


def add(totals, lock, start):
    start.wait()  # all of them begin together, however long each took to start
    for _ in range(TIMES):
        if lock is None:
            # A get and a set: two requests to the manager
            totals["count"] += 1
        else:
            with lock:  # the manager's lock, around both requests
                totals["count"] += 1


def run(manager, lock):
    totals = manager.dict(count=0)
    start = manager.Barrier(PROCESSES)
    processes = [
        Process(target=add, args=(totals, lock, start))
        for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return totals["count"]


if __name__ == "__main__":
    with Manager() as manager:
        print(f"expected:            {PROCESSES * TIMES}")
        print(f"without a lock:      {run(manager, None)}")
        print(f"with manager.Lock(): {run(manager, manager.Lock())}")
