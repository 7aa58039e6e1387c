import threading
from multiprocessing import Pool


def power(base, exponent):
    return base**exponent


def check(n):
    if n == 3:
        raise ValueError(f"bad input: {n}")
    return n * 10


results, errors, threads = [], [], set()


def on_result(value):  # runs in the parent, in a thread of the pool's
    results.append(value)
    threads.add(threading.current_thread().name)


def on_error(error):
    errors.append(error)
    threads.add(threading.current_thread().name)


if __name__ == "__main__":
    with Pool(2) as pool:
        # several arguments per task: starmap unpacks each tuple
        print("starmap:", pool.starmap(power, [(2, 3), (3, 2), (10, 4)]))
        for n in range(5):
            pool.apply_async(
                check, (n,), callback=on_result, error_callback=on_error
            )
        # no callbacks, and get() is never called
        forgotten = pool.apply_async(check, (3,))
        pool.close()
        pool.join()
    print("callback got:", sorted(results))
    print("error_callback got:", errors)
    print("callbacks ran in the main thread:", threads == {"MainThread"})
    print(
        f"the forgotten task: ready() {forgotten.ready()}, "
        f"successful() {forgotten.successful()}"
    )
