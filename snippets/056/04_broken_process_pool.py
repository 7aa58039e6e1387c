import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def crash(num):
    if num == 2:
        # The worker process dies without a word, as after a segfault
        os._exit(1)
    return num


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(crash, num) for num in range(4)]
        for future in futures:
            try:
                print("result:", future.result())
            except BrokenProcessPool as error:
                print("BrokenProcessPool:", error)
