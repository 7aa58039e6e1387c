import random
import threading
import time

# One object; each thread that uses it gets attributes of its own
state = threading.local()


def handle(request):
    state.request = request
    time.sleep(random.uniform(0, 0.1))  # the other threads set theirs
    print(f"{threading.current_thread().name} handled {state.request}")


threads = [
    threading.Thread(target=handle, args=(f"request {n}",), name=f"thread {n}")
    for n in range(4)
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("the main thread sees a request:", hasattr(state, "request"))
