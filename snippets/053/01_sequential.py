import time


def long_square(num):
    # Stands for slow work that mostly waits: a network call, a disk read
    time.sleep(1)
    return num**2


start = time.perf_counter()
results = [long_square(n) for n in range(0, 5)]
print(results)
print(f"elapsed: {time.perf_counter() - start:.2f} s")
