import time
from multiprocessing import Process


def long_square(num, results):
    time.sleep(1)
    print(num**2)


if __name__ == "__main__":
    results = {}
    p1 = Process(target=long_square, args=(1, results))
    p2 = Process(target=long_square, args=(2, results))

    p1.start()
    p2.start()

    p1.join()
    p2.join()

    print(results)
