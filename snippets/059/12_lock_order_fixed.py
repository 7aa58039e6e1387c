import threading
import time

accounts = {"alice": threading.Lock(), "bob": threading.Lock()}


def transfer(source, target):
    # Every thread takes the locks in the same order, whatever the direction
    first, second = sorted([source, target])
    with accounts[first]:
        time.sleep(0.1)
        with accounts[second]:
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
