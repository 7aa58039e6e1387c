import threading
import time


def tick():
    for n in range(1, 100):
        print(f"daemon: tick {n}", flush=True)
        time.sleep(0.2)
    print("daemon: finished")  # never printed: the program ends first


def slow_save():
    time.sleep(0.5)
    print("non-daemon: saved")


threading.Thread(target=tick, daemon=True).start()
threading.Thread(target=slow_save).start()
print("main: done")
# The interpreter waits for non-daemon threads here, then stops daemon ones
