import multiprocessing


def greet(method):
    print(f"{method}: hello from the child")


# A child imports this file too, but as a module named "__mp_main__": the
# code under the guard runs only in the program you started
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        child = multiprocessing.get_context(method).Process(
            target=greet, args=(method,)
        )
        child.start()
        child.join()
        print(f"{method}: the child exited with code {child.exitcode}")
