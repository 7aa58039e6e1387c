from multiprocessing import Process, Queue


def send(queue, size):
    # put() hands the item to a helper thread of this process, which writes
    # it into a pipe; the process can end only once that thread is done
    queue.put(b"x" * size)


if __name__ == "__main__":
    for size in (1_000, 1_000_000):
        queue = Queue()
        child = Process(target=send, args=(queue, size))
        child.start()
        child.join(timeout=3)  # wait for the child, but at most 3 s
        print(f"{size:,} bytes put, nothing read yet:")
        print(f"  alive after join(timeout=3): {child.is_alive()}")
        item = queue.get()
        child.join()
        print(f"  after get() and join(): alive {child.is_alive()}, ", end="")
        print(f"exit code {child.exitcode}, {len(item):,} bytes received")
