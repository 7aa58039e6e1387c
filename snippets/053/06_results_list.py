import threading
import time


def long_square(num, results):
    time.sleep(1)
    results[num] = num**2  # each thread writes only its own slot


results = [None] * 10  # one slot per task, made before any thread starts
threads = [
    threading.Thread(target=long_square, args=(n, results)) for n in range(10)
]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(results)
