import threading
import time


def long_square(num, results):
    time.sleep(1)
    print(num**2)
    print("Finished computing!")


results = {}
threads = [
    threading.Thread(target=long_square, args=(n, results)) for n in range(10)
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
