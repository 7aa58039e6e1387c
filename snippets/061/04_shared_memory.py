from multiprocessing import Process, shared_memory

MIB = 64
SIZE = MIB * 1024 * 1024


def fill(name):
    # Attach by name: nothing is copied
    block = shared_memory.SharedMemory(name=name)
    ints = block.buf.cast("i")  # the same bytes, seen as C ints
    count = SIZE // ints.itemsize
    ints[0], ints[count - 1] = 1, count
    ints.release()  # a view still open would make close() fail
    block.close()


if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=SIZE)
    try:
        # Only the name travels to the child
        child = Process(target=fill, args=(block.name,))
        child.start()
        child.join()
        ints = block.buf.cast("i")
        count = SIZE // ints.itemsize
        print(f"a block of {MIB} MiB holds {count} ints")
        first, last = ints[0], ints[count - 1]
        print(f"first and last, as the child left them: {first}, {last}")
        ints.release()
    finally:
        block.close()  # every process closes its view of the block
        block.unlink()  # the one that created it removes it, once
