from multiprocessing import Process, shared_memory


def read(name):
    block = shared_memory.SharedMemory(name=name)
    print(f"child reads: {bytes(block.buf[:5])}")
    block.close()


if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=5)
    try:
        block.buf[:5] = b"hello"
        child = Process(target=read, args=(block.name,))
        child.start()
        child.join()
    finally:
        block.close()  # every process closes its view of the block
        block.unlink()  # the one that created it removes it, once
    try:
        shared_memory.SharedMemory(name=block.name)
    except FileNotFoundError:
        print("main: the block is gone")
