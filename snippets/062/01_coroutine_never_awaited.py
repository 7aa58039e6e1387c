import asyncio


async def greet(name):
    await asyncio.sleep(0.1)  # a wait: the loop may run something else
    print(f"hello, {name}")
    return name.upper()


coroutine = greet("plain call")
print(f"greet() returned a {type(coroutine).__name__}; nothing has run")
del coroutine  # thrown away without being awaited

print(asyncio.run(greet("asyncio.run")))
