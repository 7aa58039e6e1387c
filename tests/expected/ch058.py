"""Chapter 058, beyond one machine: the Dask run on the embedded LocalCluster."""

import re
from ast import literal_eval

from tests.expected import invariant, number


@invariant("058/01_long_square_on_dask.py")
def ten_calls_run_in_one_second_in_two_worker_processes(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "cluster: 2 workers, 10 threads in all"
    assert lines[1] == str([n**2 for n in range(10)])
    # The page: "took about a second"
    assert 0.99 <= number(r"^elapsed: ([\d.]+) s$", output) < 1.6, "ten 1 s calls at once"
    this = number(r"^this script's process: (\d+)$", output)
    workers = literal_eval(lines[4].removeprefix("worker processes: "))
    assert len(set(workers)) == 2 and this not in workers
    assert len(lines) == 5


@invariant("058/02_pure_by_default.py")
def identical_calls_share_one_run_unless_impure(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "pure=True (the default):" and lines[3] == "pure=False:"
    assert lines[1] == "  one key for both: True" and lines[4] == "  one key for both: False"
    pure, impure = (lines[n].removeprefix("  results: ").split() for n in (2, 5))
    assert pure[0] == pure[1], "one run, one shared result"
    assert impure[0] != impure[1], "two runs of a function that draws a random number"
    assert len(lines) == 6


@invariant("058/03_command_line_cluster.py")
def the_same_program_runs_on_a_cluster_started_from_the_command_line(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == (
        "$ dask scheduler --host=127.0.0.1 --port=0 --no-dashboard --scheduler-file=scheduler.json"
    )
    address = re.fullmatch(
        r"\$ dask worker (tcp://127\.0\.0\.1:\d+) --nworkers=2 --nthreads=5 "
        r"--host=127\.0\.0\.1 --no-dashboard",
        lines[1],
    )
    assert address, lines[1]
    address = address[1]
    assert lines[2] == f"$ DASK_SCHEDULER_ADDRESS={address} python 01_long_square_on_dask.py"
    # The page: "the very output of the first example": two workers of five threads
    scheduler_at = lines.index("--- what the scheduler printed")
    ten_calls_run_in_one_second_in_two_worker_processes("\n".join(lines[3:scheduler_at]))
    workers_at = lines.index("--- what the workers printed")
    scheduler, workers = (
        "\n".join(lines[scheduler_at + 1 : workers_at]),
        "\n".join(lines[workers_at + 1 :]),
    )
    # The page: the scheduler "says where it listens, registers the two workers, takes
    # two clients, and ends on SIGTERM"
    assert re.search(rf"Scheduler at: +{re.escape(address)}$", scheduler, re.M), scheduler
    assert scheduler.count("Register worker addr: tcp://127.0.0.1:") == 2
    assert scheduler.count("Receive client connection") == 2
    assert "Received signal SIGTERM" in scheduler and scheduler.endswith("End scheduler")
    # The page: each worker "starts, registers with the scheduler, runs getpid when the
    # program asks, and closes on SIGTERM"
    assert workers.count("Start worker at:") == 2
    assert len(re.findall(rf"Registered to: +{re.escape(address)}$", workers, re.M)) == 2
    assert workers.count("Run out-of-band function 'getpid'") == 2
    assert "Received signal SIGTERM" in workers and workers.endswith("End worker")
    # The page: "everything listened on 127.0.0.1 only"
    assert not re.search(r"\w+://(?!127\.0\.0\.1:)", output), "an address beyond this machine"
    addresses = set(re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", output))
    assert addresses == {"127.0.0.1"}, addresses
