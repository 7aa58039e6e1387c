import time
from multiprocessing import Process, Queue


def long_square(num, queue):
    time.sleep(1)
    queue.put((num, num**2))  # pickled and sent to the parent


if __name__ == "__main__":
    queue = Queue()
    processes = [
        Process(target=long_square, args=(n, queue)) for n in range(5)
    ]
    for p in processes:
        p.start()
    # One get() per process, before join(): a child that has put data waits
    # until the data is read
    arrivals = [queue.get() for _ in processes]
    for p in processes:
        p.join()
    print("in order of arrival:", arrivals)
    print("as a dict:", dict(sorted(arrivals)))
