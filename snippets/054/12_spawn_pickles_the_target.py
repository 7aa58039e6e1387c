import multiprocessing


def square(n):
    print(n**2)


if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context(method)
        for target in (square, lambda n: print(n**2)):
            process = context.Process(target=target, args=(3,))
            try:
                process.start()
                process.join()
                outcome = f"ran, exit code {process.exitcode}"
            except Exception as error:
                outcome = f"{type(error).__name__}: {error}"
            name = getattr(target, "__name__", "?")
            print(f"{method:>10}, {name:>8}: {outcome}")
