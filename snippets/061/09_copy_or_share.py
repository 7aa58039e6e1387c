import multiprocessing
import statistics
import time

MIB = 128  # the large object's size


def own_memory_mib():
    """This process's private memory in MiB: Linux tells, elsewhere None."""
    try:
        with open("/proc/self/smaps_rollup") as rollup:
            lines = [line.split() for line in rollup]
    except OSError:
        return None
    kib = sum(
        int(f[1])
        for f in lines
        if f[0] in ("Private_Clean:", "Private_Dirty:")
    )
    return kib / 1024


def child(data, end):
    end.send((len(data), own_memory_mib()))  # the object is here: report back
    end.close()


def hand_over(method, data):
    """Seconds from start() until the child has `data`; its own memory."""
    context = multiprocessing.get_context(method)
    here, there = context.Pipe()
    start = time.perf_counter()
    process = context.Process(target=child, args=(data, there))
    process.start()
    there.close()  # the child's end: the parent keeps only its own
    size, memory = here.recv()
    took = time.perf_counter() - start
    here.close()
    process.join()
    assert size == len(data)
    return took, memory


if __name__ == "__main__":
    small = b"x" * 1024
    large = b"x" * (MIB * 1024 * 1024)  # written: in memory for real
    print(f"the large object: bytes of {MIB} MiB; the small one: 1 KiB")
    print(f"{'method':<12}{'small':>8}{'large':>8}{'child own memory':>20}")
    for method in multiprocessing.get_all_start_methods():
        tries = {"small": [], "large": []}
        memory = []
        for _ in range(3):  # the median of three tries counts
            for name, data in (("small", small), ("large", large)):
                took, own = hand_over(method, data)
                tries[name].append(took)
                if name == "large":
                    memory.append(own)
        seconds = {name: statistics.median(t) for name, t in tries.items()}
        shown = (
            "n/a" if None in memory else f"{statistics.median(memory):.0f} MiB"
        )
        print(
            f"{method:<12}{seconds['small']:>6.2f} s{seconds['large']:>6.2f} s"
            f"{shown:>20}"
        )
