import time
from multiprocessing import Pool, Process, Queue, current_process


def long_square(num):
    # time.time(), not perf_counter(): the stamps of different processes
    # must be read against one clock
    start = time.time()
    time.sleep(1)
    name = current_process().name
    return num, name, start, time.time()


def report(num, spans):
    spans.put(long_square(num))


def processes():
    spans = Queue()
    workers = [Process(target=report, args=(n, spans)) for n in range(5)]
    for p in workers:
        p.start()
    # Take the results before join(): a child that has put something
    # in a queue ends only after it has been read
    results = [spans.get() for _ in workers]
    for p in workers:
        p.join()
    return results


def pool():
    with Pool(processes=3) as workers:
        return workers.map(long_square, range(5))


if __name__ == "__main__":
    print(f"{'way':<12}{'call':<6}{'process':<26}{'start':>6}{'end':>6}")
    for way in (processes, pool):
        began = time.time()
        for num, name, start, end in sorted(way()):
            print(
                f"{way.__name__:<12}{num:<6}{name:<26}"
                f"{start - began:6.2f}{end - began:6.2f}"
            )
