from multiprocessing import shared_memory

if __name__ == "__main__":
    block = shared_memory.SharedMemory(create=True, size=16)
    try:
        ints = block.buf.cast("i")  # a view of the block's memory
        ints[0] = 42
        try:
            block.close()
        except BufferError as error:
            print(f"close() with a view open: {type(error).__name__}: {error}")
        ints.release()  # or: del ints
        block.close()
        print("close() after ints.release(): done")
    finally:
        block.unlink()
