import threading

THREADS, TIMES = 4, 10_000
items = []
squares = {}


def work(first):
    for n in range(first, first + TIMES):
        items.append(n)  # one step: no update is lost
        squares[n] = n * n  # one step as well


threads = [
    threading.Thread(target=work, args=(k * TIMES,)) for k in range(THREADS)
]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(f"appended: {len(items)} of {THREADS * TIMES}")
print(f"keys stored: {len(squares)} of {THREADS * TIMES}")
print("all values present:", sorted(items) == list(range(THREADS * TIMES)))
