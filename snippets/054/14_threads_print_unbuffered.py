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


def runs_of_ten_threads(count):
    """Start `count` runs of ten_threads() at once; return their outputs."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-u", __file__, "--threads"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    outputs = []
    for process in runs:
        output, errors = process.communicate()
        if process.returncode:
            raise RuntimeError(f"a run failed:\n{errors}")
        outputs.append(output)
    return outputs


if __name__ == "__main__" and sys.argv[1:] == ["--threads"]:
    ten_threads()
elif __name__ == "__main__":
    # Run the ten threads in another Python with -u: unbuffered output, as
    # PYTHONUNBUFFERED=1 also sets it. Each write then goes straight to the
    # operating system. Eight runs start at once: busy CPUs make a broken
    # line come sooner. Stop at the first run that breaks one.
    outputs = (out for _ in range(15) for out in runs_of_ten_threads(8))
    for run, output in enumerate(outputs, 1):
        lines = output.splitlines()
        broken = [line for line in lines if line not in WHOLE]
        print(f"run {run}: {len(broken)} of {len(lines)} lines broken")
        if broken:
            print("its output:")
            print(output, end="")
            break
