"""Chapter 058, beyond one machine: the Dask run on the embedded LocalCluster."""

from ast import literal_eval

from tests.expected import invariant, number


@invariant("058/01_long_square_on_dask.py")
def ten_calls_run_in_one_second_in_two_worker_processes(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "cluster: 2 workers, 10 threads in all"
    assert lines[1] == str([n**2 for n in range(10)])
    assert 0.99 <= number(r"^elapsed: ([\d.]+) s$", output) < 2.5, "ten 1 s calls at once"
    this = number(r"^this script's process: (\d+)$", output)
    workers = literal_eval(lines[4].removeprefix("worker processes: "))
    assert len(set(workers)) == 2 and this not in workers
    assert len(lines) == 5
