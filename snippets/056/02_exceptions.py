from concurrent.futures import ThreadPoolExecutor


def inverse(num):
    return 1 / num


with ThreadPoolExecutor() as pool:
    # With submit(), the exception waits inside its future
    future = pool.submit(inverse, 0)
    print("exception kept in the future:", repr(future.exception()))

    # With map(), it is raised where the loop reaches that result
    try:
        for result in pool.map(inverse, [1, 2, 0, 4]):
            print("result:", result)
    except ZeroDivisionError as error:
        print("map raised:", repr(error))
