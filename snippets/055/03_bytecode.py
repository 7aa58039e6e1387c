import dis

counter = 0
results = {}
items = []


def increment():
    global counter
    counter += 1


def store():
    results["key"] = "value"


def append():
    items.append("value")


for function in (increment, store, append):
    steps = [
        i.opname
        for i in dis.get_instructions(function)
        if i.opname
        not in ("RESUME", "RETURN_CONST", "RETURN_VALUE", "LOAD_CONST")
        and not i.opname.startswith(("NOP", "CACHE", "PUSH_NULL", "POP_TOP"))
    ]
    print(f"{function.__name__:>9}: {' '.join(steps)}")
