import threading
import time

threads = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(3)]

# A list comprehension collects what each call returns;
# start() returns None
started = [t.start() for t in threads]
print(started)

joined = [t.join() for t in threads]
print(joined)
