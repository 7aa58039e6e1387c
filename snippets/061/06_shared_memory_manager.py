from multiprocessing import Process
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import ShareableList


def add_one(numbers):  # the child attaches to the same block
    for i in range(len(numbers)):
        numbers[i] += 1
    numbers.shm.close()  # every process closes its own view


if __name__ == "__main__":
    with SharedMemoryManager() as manager:
        numbers = manager.ShareableList([1, 2, 3])
        name = numbers.shm.name
        child = Process(target=add_one, args=(numbers,))
        child.start()
        child.join()
        print(f"after the child: {list(numbers)}")
        numbers.shm.close()  # this process's view; the manager unlinks
    # Leaving the with block unlinked every block the manager made
    try:
        ShareableList(name=name)
    except FileNotFoundError:
        print("after the with block: the block is gone")
