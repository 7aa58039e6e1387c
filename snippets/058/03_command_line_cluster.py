import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dask.distributed import Client

HERE = Path(__file__).parent


def dask(*arguments, log):
    """Starts the `dask` command (as `python -m dask`, with this Python)
    in the folder of `log`, a file that takes what it prints."""
    print(f"$ dask {' '.join(arguments)}")
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *arguments],
        cwd=Path(log.name).parent,
        stdout=log,
        stderr=subprocess.STDOUT,
        # a process group of its own: a kill reaches the processes it starts
        start_new_session=True,
    )


def stop(process):
    process.terminate()  # SIGTERM: dask shuts down in an orderly way
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):  # POSIX: the whole group
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()


def scheduler_address(scheduler, scheduler_file, log):
    deadline = time.monotonic() + 30
    # The scheduler writes its address to the file once it listens
    while scheduler.poll() is None and time.monotonic() < deadline:
        try:
            return json.loads(scheduler_file.read_text())["address"]
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            time.sleep(0.1)
    log.seek(0)
    raise RuntimeError(f"dask scheduler did not start:\n{log.read()}")


if __name__ == "__main__":
    with (
        tempfile.TemporaryDirectory() as folder,
        open(Path(folder, "scheduler.log"), "w+") as scheduler_log,
        open(Path(folder, "workers.log"), "w+") as workers_log,
        contextlib.ExitStack() as running,  # stops them, whatever happens
    ):
        scheduler_file = Path(folder, "scheduler.json")
        scheduler = dask(
            "scheduler",
            "--host=127.0.0.1",
            "--port=0",  # any free port
            "--no-dashboard",
            f"--scheduler-file={scheduler_file.name}",
            log=scheduler_log,
        )
        running.callback(stop, scheduler)
        address = scheduler_address(scheduler, scheduler_file, scheduler_log)
        workers = dask(
            "worker",
            address,
            "--nworkers=2",
            "--nthreads=5",
            "--host=127.0.0.1",
            "--no-dashboard",
            log=workers_log,
        )
        running.callback(stop, workers)  # the workers stop first
        with Client(address) as client:  # wait until both have registered
            client.wait_for_workers(2, timeout=60)
        program = "01_long_square_on_dask.py"
        print(f"$ DASK_SCHEDULER_ADDRESS={address} python {program}")
        sys.stdout.flush()
        subprocess.run(
            [sys.executable, HERE / program],
            env={**os.environ, "DASK_SCHEDULER_ADDRESS": address},
            check=True,
        )
        running.close()
        for title, log in (
            ("scheduler", scheduler_log),
            ("workers", workers_log),
        ):
            log.seek(0)
            print(f"--- what the {title} printed")
            print(log.read(), end="")
