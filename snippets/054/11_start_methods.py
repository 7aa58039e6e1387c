import multiprocessing
import sys

SETTING = "set at import"


def show(method):
    print(f"{method:>10}: the child sees SETTING = {SETTING!r}")


if __name__ == "__main__":
    SETTING = "changed in __main__ before start()"
    version = ".".join(map(str, sys.version_info[:2]))
    print(f"Python {version} on {sys.platform}")
    print(f"default start method: {multiprocessing.get_start_method()}")
    for method in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context(method)
        process = context.Process(target=show, args=(method,))
        process.start()
        process.join()
