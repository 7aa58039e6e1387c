import time
from multiprocessing import Process


def long_square(num, results):
    time.sleep(1)
    print(num**2)
    print("Finished computing!")


if __name__ == "__main__":
    results = {}
    processes = [
        Process(target=long_square, args=(n, results)) for n in range(10)
    ]
    started = [p.start() for p in processes]
    joined = [p.join() for p in processes]
    # What the two comprehensions built: start() and join() return None
    print(joined)
