import threading
import time


def long_square(num):
    time.sleep(1)
    return num**2


t1 = threading.Thread(target=long_square, args=(1,))
t2 = threading.Thread(target=long_square, args=(2,))

start = time.perf_counter()
# Start both threads: from here on they sleep at the same time
t1.start()
t2.start()

# join() waits for a thread to end; it returns None, not the target's result
print("t1.join() returned", t1.join())
print("t2.join() returned", t2.join())
print(f"elapsed: {time.perf_counter() - start:.2f} s")
