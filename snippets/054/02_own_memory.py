import os
import time
from multiprocessing import Process


def long_square(num, results):
    time.sleep(1)
    results[num] = num**2
    print(f"child  {os.getpid()}: results = {results}")


if __name__ == "__main__":
    results = {}
    print(f"parent {os.getpid()}: results = {results}")
    processes = [
        Process(target=long_square, args=(n, results)) for n in (1, 2)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"parent {os.getpid()}: results = {results}")
