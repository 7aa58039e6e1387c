# No `if __name__ == "__main__":` below. Under spawn (and forkserver) a child
# imports this file again, and so runs this code again
import multiprocessing


def greet():
    print("hello from the child")


child = multiprocessing.get_context("spawn").Process(target=greet)
child.start()
child.join()
print(f"the child exited with code {child.exitcode}")
