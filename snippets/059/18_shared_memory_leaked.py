from multiprocessing import Process, shared_memory


def read(name):
    block = shared_memory.SharedMemory(name=name)
    print(f"child reads: {bytes(block.buf[:5])}")
    block.close()


if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=5)
    block.buf[:5] = b"hello"
    child = Process(target=read, args=(block.name,))
    child.start()
    child.join()
    block.close()  # this process is done with it; but nobody unlinks it
    print("main: done")
