from multiprocessing import Pool, Value


def add_one(counter):
    with counter.get_lock():
        counter.value += 1


def keep(counter):
    """Runs once in each worker as it starts: the counter arrives here."""
    global shared_counter
    shared_counter = counter


def add_one_to_the_kept(_):
    add_one(shared_counter)


if __name__ == "__main__":
    counter = Value("i", 0)
    with Pool(2) as pool:
        try:  # a task's arguments are pickled into the pool's queue
            pool.apply(add_one, (counter,))
        except RuntimeError as error:
            print(f"as a task's argument: RuntimeError: {error}")
    # Handed over as each worker starts, as Process arguments are
    with Pool(2, initializer=keep, initargs=(counter,)) as pool:
        pool.map(add_one_to_the_kept, range(10))
    print(f"through initargs, ten tasks added: {counter.value}")
