"""Chapter 056, concurrent.futures: what the page says about each varying output."""

import re

from tests.expected import cpus, invariant, number, pool_cpus


@invariant("056/01_submit_as_completed.py")
def as_completed_yields_in_finishing_order(output: str) -> None:
    rows = re.findall(r"^(\d) squared is (\d+) \(([\d.]+) s\)$", output, re.M)
    assert [(n, square) for n, square, _ in rows] == [("2", "4"), ("3", "9"), ("1", "1")]
    for (_, _, seconds), expected in zip(rows, (0.2, 0.4, 0.6), strict=True):
        assert expected - 0.05 <= float(seconds) < expected + 0.3
    assert len(output.splitlines()) == 3


@invariant("056/04_broken_process_pool.py")
def a_dead_worker_breaks_the_pool(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 4
    broken = "BrokenProcessPool: A process in the process pool was terminated abruptly"
    assert lines[2].startswith(broken), "the task whose worker died"
    for n, line in enumerate(lines):
        assert line == f"result: {n}" or line.startswith(broken)


@invariant("056/06_cancel_in_a_process_pool.py")
def a_process_pool_reports_queued_tasks_as_running(output: str) -> None:
    blocks = re.findall(
        r"^(\w+)\(max_workers=1\), four tasks:\n((?:  task \d: .*\n){4})", output, re.M
    )
    assert [name for name, _ in blocks] == ["ThreadPoolExecutor", "ProcessPoolExecutor"]
    assert len(output.splitlines()) == 10
    for name, rows in blocks:
        states = re.findall(r"^  task (\d): running\(\) (\w+), cancel\(\) (\w+)$", rows, re.M)
        assert [int(n) for n, _, _ in states] == [0, 1, 2, 3]
        for _, running, cancelled in states:
            # cancel() works exactly on the tasks that are not running
            assert (running, cancelled) in (("True", "False"), ("False", "True"))
        running = [r == "True" for _, r, _ in states]
        if name == "ThreadPoolExecutor":
            assert running == [True, False, False, False], "only the task that started"
        else:
            # The page: at least the first two (one in the worker, one queued for it);
            # the last one waits and can be cancelled
            assert running[:2] == [True, True] and running[3] is False


@invariant("056/05_default_workers.py")
def default_pool_sizes_follow_the_cpu_count(output: str) -> None:
    assert len(output.splitlines()) == 4
    usable, machine = cpus(output)
    # Kept to one CPU where the platform allows it (Linux), else every CPU usable
    assert usable == 1 or usable == machine, (usable, machine)
    n = pool_cpus(output)
    threads = number(r"^threads ThreadPoolExecutor\(\) used: (\d+)$", output)
    processes = number(r"^processes ProcessPoolExecutor\(\) used: (\d+)$", output)
    assert threads == min(16, 32, n + 4), "min(32, CPUs + 4)"
    assert processes == min(16, n), "as many as CPUs"
