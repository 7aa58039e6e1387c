import threading
import time


def stuck():
    time.sleep(2)  # a call that takes longer than we are willing to wait


t = threading.Thread(target=stuck, daemon=True)
start = time.perf_counter()
t.start()

returned = t.join(timeout=0.5)
print(
    f"join(timeout=0.5) returned {returned} after "
    f"{time.perf_counter() - start:.1f} s"
)
print("is_alive():", t.is_alive())

t.join()
print(f"join() returned after {time.perf_counter() - start:.1f} s")
print("is_alive():", t.is_alive())
