import subprocess
import sys

# What a reader types into `python` or a notebook cell: the function lives in
# a __main__ that has no file. Spawn is the default on macOS and Windows
SESSION = """
import multiprocessing

def square(n):
    return n * n

pool = multiprocessing.get_context("spawn").Pool(2)
print(pool.map(square, range(4)))
"""
# This page's addition: after 5 s, print every thread's stack and exit
WATCHDOG = (
    "import faulthandler; faulthandler.dump_traceback_later(5, exit=True)"
)

if __name__ == "__main__":
    session = subprocess.run([sys.executable, "-c", WATCHDOG + SESSION])
    print(f"the session ended with exit code {session.returncode}")
