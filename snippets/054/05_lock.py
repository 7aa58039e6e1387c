import time
from multiprocessing import Lock, Process


def long_square(num, lock):
    time.sleep(1)
    with lock:  # one process at a time prints its two lines
        print(num**2)
        print(f"Finished computing {num}!")


if __name__ == "__main__":
    lock = Lock()
    processes = [
        Process(target=long_square, args=(n, lock)) for n in range(10)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
