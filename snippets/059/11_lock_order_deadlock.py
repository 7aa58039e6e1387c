import faulthandler
import threading

# After 2 s, print where every thread is and end the process (exit code 1)
faulthandler.dump_traceback_later(2, exit=True)

accounts = {"alice": threading.Lock(), "bob": threading.Lock()}
both_hold_one = threading.Barrier(2)  # the unlucky moment, made certain


def transfer(source, target):
    with accounts[source]:
        both_hold_one.wait()  # until the other thread holds its first lock
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
