from multiprocessing import Manager, Process


def record(shared):
    shared["plain"].append("lost")  # appends to a copy the child got back
    events = shared["plain"]  # so: take the copy, change it, store it back
    events.append("kept")
    shared["plain"] = events
    shared["proxy"].append("kept too")  # a proxy inside: goes to the manager


if __name__ == "__main__":
    with Manager() as manager:
        shared = manager.dict(plain=[], proxy=manager.list())
        child = Process(target=record, args=(shared,))
        child.start()
        child.join()
        print(f"plain list: {shared['plain']}")
        print(f"list proxy: {list(shared['proxy'])}")
