import sqlite3
import time
from multiprocessing import Pool, current_process

connection = None  # one per worker process, opened by the initializer


def connect(database):
    global connection
    connection = sqlite3.connect(database)
    print(f"{current_process().name}: connected", flush=True)


def square(n):
    time.sleep(0.05)  # long enough for both workers to get tasks, usually
    (result,) = connection.execute("select ? * ?", (n, n)).fetchone()
    return n, result, current_process().name


if __name__ == "__main__":
    with Pool(2, initializer=connect, initargs=(":memory:",)) as pool:
        for n, result, worker in pool.map(square, range(6), chunksize=1):
            print(f"{n} squared is {result}, in {worker}")
