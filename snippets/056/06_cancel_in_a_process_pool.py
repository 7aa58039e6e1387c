import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def sleep_for(seconds):
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    for executor in (ThreadPoolExecutor, ProcessPoolExecutor):
        with executor(max_workers=1) as pool:
            futures = [pool.submit(sleep_for, 0.5) for _ in range(4)]
            time.sleep(0.2)  # the first task has had time to start
            print(f"{executor.__name__}(max_workers=1), four tasks:")
            for number, future in enumerate(futures):
                running = future.running()
                print(
                    f"  task {number}: running() {running}, "
                    f"cancel() {future.cancel()}"
                )
