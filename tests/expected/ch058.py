"""Chapter 058, beyond one machine: the Dask run on the embedded LocalCluster."""

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
