import multiprocessing
import os
import platform
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def task(_):
    return os.getpid()


def report(title, pids):
    per_process = Counter(pids)
    processes = "process" if len(per_process) == 1 else "processes"
    print(
        f"{title}: {len(pids)} tasks in {len(per_process)} {processes}, "
        f"at most {max(per_process.values())} in one"
    )


def with_executor(finished):
    """Six tasks, in an executor that replaces its worker after two."""
    with ProcessPoolExecutor(1, max_tasks_per_child=2) as executor:
        futures = [executor.submit(task, n) for n in range(6)]
        pids = []
        for future in futures:
            pids.append(future.result())
            finished.value += 1
    report("ProcessPoolExecutor(1, max_tasks_per_child=2)", pids)


if __name__ == "__main__":
    print(f"Python {platform.python_version()}")
    with multiprocessing.Pool(1) as pool:
        report("Pool(1)", pool.map(task, range(6), chunksize=1))
    with multiprocessing.Pool(1, maxtasksperchild=2) as pool:
        report("Pool(1, maxtasksperchild=2)", pool.map(task, range(6), 1))
    if "fork" in multiprocessing.get_all_start_methods():  # not on Windows
        fork = multiprocessing.get_context("fork")
        try:
            ProcessPoolExecutor(1, mp_context=fork, max_tasks_per_child=2)
        except ValueError as error:
            print(f"with the fork context: ValueError: {error}")
    # In a process of its own, so that a hang can be cut short
    finished = multiprocessing.Value("i", 0)
    child = multiprocessing.Process(target=with_executor, args=(finished,))
    child.start()
    child.join(timeout=5)
    if child.is_alive():
        print(
            "ProcessPoolExecutor(1, max_tasks_per_child=2): still waiting "
            f"after 5 s, {finished.value} of 6 tasks done"
        )
        child.terminate()
        child.join()
