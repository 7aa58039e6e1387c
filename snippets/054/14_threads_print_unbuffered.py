import subprocess
import sys
import threading
import time


def long_square(num, results):
    time.sleep(1)
    print(num**2)
    print("Finished computing!")


def ten_threads():
    """The threads of 04_threads_print.py."""
    results = {}
    threads = [
        threading.Thread(target=long_square, args=(n, results))
        for n in range(10)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(results)


WHOLE = {str(n**2) for n in range(10)} | {"Finished computing!", "{}"}

if __name__ == "__main__" and sys.argv[1:] == ["--threads"]:
    ten_threads()
elif __name__ == "__main__":
    # Run the ten threads in another Python with -u: unbuffered output, as
    # PYTHONUNBUFFERED=1 also sets it. Each write then goes straight to the
    # operating system. Stop at the first run that breaks a line; on a busy
    # machine that can take a dozen runs or more.
    for run in range(1, 31):
        result = subprocess.run(
            [sys.executable, "-u", __file__, "--threads"],
            capture_output=True,
            text=True,
            check=True,
        )
        lines = result.stdout.splitlines()
        broken = [line for line in lines if line not in WHOLE]
        print(f"run {run}: {len(broken)} of {len(lines)} lines broken")
        if broken:
            print("its output:")
            print(result.stdout, end="")
            break
