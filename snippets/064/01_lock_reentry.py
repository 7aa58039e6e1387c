import threading
import time


class Account:
    def __init__(self, lock):
        self.lock = lock
        self.balance = 0

    def deposit(self, amount):
        # acquire with a timeout instead of `with self.lock:`, which would wait
        # forever here
        if not self.lock.acquire(timeout=1):
            raise TimeoutError("deposit() could not take the lock")
        try:
            self.balance += amount
        finally:
            self.lock.release()

    def deposit_all(self, amounts):
        with self.lock:  # holds the lock while deposit() takes it again
            for amount in amounts:
                self.deposit(amount)


for name, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
    account = Account(lock)
    start = time.perf_counter()
    try:
        account.deposit_all([10, 20])
        outcome = f"balance {account.balance}"
    except TimeoutError as error:
        outcome = f"TimeoutError: {error}"
    took = time.perf_counter() - start
    print(f"{name:<6} {outcome}, after {took:.2f} s")
