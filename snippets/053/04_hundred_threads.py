import threading
import time


def long_square(num, results):
    time.sleep(1)
    results[num] = num**2


results = {}
threads = [
    threading.Thread(target=long_square, args=(n, results))
    for n in range(0, 100)
]

start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start

print(results)
print(f"{len(results)} results in {elapsed:.2f} s")
print("keys in ascending order:", list(results) == sorted(results))
