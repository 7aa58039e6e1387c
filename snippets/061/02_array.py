from multiprocessing import Array, Process


def square(shared, plain, i):
    shared[i] = i * i  # each process writes only its own slot: no lock needed
    plain[i] = i * i  # the child's own copy of the list


if __name__ == "__main__":
    shared = Array("i", 5)  # five C ints in shared memory, all 0
    plain = [0] * 5  # an ordinary list
    processes = [
        Process(target=square, args=(shared, plain, i)) for i in range(5)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    print(f"Array: {shared[:]}")
    print(f"list:  {plain}")
