import faulthandler
import threading
import time

# After 2 s, print where every thread is and end the process (exit code 1)
faulthandler.dump_traceback_later(2, exit=True)

accounts = {"alice": threading.Lock(), "bob": threading.Lock()}


def transfer(source, target):
    with accounts[source]:
        time.sleep(0.1)  # the other thread takes its first lock meanwhile
        with accounts[target]:
            print(f"{source} -> {target}: done")


threads = [
    threading.Thread(target=transfer, args=("alice", "bob")),
    threading.Thread(target=transfer, args=("bob", "alice")),
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("both transfers done")
