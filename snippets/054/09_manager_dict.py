import time
from multiprocessing import Manager, Process


def long_square(num, results):
    time.sleep(1)
    # A message to the manager process, not a local write
    results[num] = num**2


if __name__ == "__main__":
    with Manager() as manager:
        results = manager.dict()
        p1 = Process(target=long_square, args=(1, results))
        p2 = Process(target=long_square, args=(2, results))
        p1.start()
        p2.start()
        p1.join()
        p2.join()
        print(type(results).__name__, dict(results))
