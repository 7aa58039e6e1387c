"""Chapter 057, threads or processes: what the page says about each varying output."""

import math
import re
import statistics
import sys
import sysconfig

from tests.expected import cpus, gil_enabled, invariant, number


@invariant("057/01_threads_or_processes.py")
def waiting_scales_with_any_worker_computing_only_with_processes(output: str) -> None:
    from snippet_runner.figures import parse_timings

    usable, _ = cpus(output)
    gil = gil_enabled(output)
    tasks = int(number(r"^tasks: (\d+), each about [\d.]+ s$", output))
    rows, figure_cpus = parse_timings(output)
    assert figure_cpus == usable, "the figure marks the usable CPUs"
    assert len(output.splitlines()) == 5 + len(rows)
    busy = number(rf"^CPUs busy computing in the process pool of {usable}: ([\d.]+)$", output)
    assert busy <= usable * 1.05, "no more CPUs busy than usable"
    # The page: all of this "needs CPUs that nothing else is using", and the last line
    # says whether the processes had them. Quiet, 1.83 to 1.91 of 2 were busy here;
    # with the other CPU taken by a busy loop, 0.98 to 1.26
    free = busy >= 0.8 * usable
    speed = {(t.work, t.executor, t.workers): t.speed_up for t in rows}
    seconds = {(t.work, t.executor, t.workers): t.seconds for t in rows}
    ways = [("sequential", 1)] + [
        (executor, n) for n in range(1, 2 * usable + 1) for executor in ("threads", "processes")
    ]
    assert list(speed) == [(work, *way) for work in ("wait", "compute") for way in ways]
    # Sized by time: eight tasks of about 0.05 s, a few tenths of a second in all
    assert seconds["compute", "sequential", 1] >= 0.15, "the work is sized by time"
    for executor in ("threads", "processes"):
        for n in range(1, 2 * usable + 1):
            # "close to the ideal": n workers wait through ceil(tasks / n) rounds of sleeps
            best = tasks / math.ceil(tasks / n)
            assert 0.8 * best <= speed["wait", executor, n] <= 1.05 * best, (executor, n)
            # "a point can land a little above or below" the lines: no thread point
            # is a real speed-up (two processes reach 1.8x and more here). With the
            # CPUs taken by others, single points strayed further (3 threads did once)
            if gil and free:
                assert 0.5 < speed["compute", "threads", n] < 1.4, ("threads", n)
    if gil:
        # "The thread line stays at about 1 or sags below it": the GIL lets one thread
        # at a time compute. The line, not each point: a single point left 0.6-1.3 in
        # two test runs here (4 threads at 1.05x in one of them), and reached 1.18x in
        # a run whose sequential baseline caught a slow moment of the machine
        line = statistics.median(speed["compute", "threads", n] for n in range(1, 2 * usable + 1))
        assert 0.6 < line < 1.25, ("the thread line", line)
    for n in range(1, 2 * usable + 1):
        # "rises to the number of CPUs, then flattens": no more than the usable CPUs
        # (and the tasks per round) allow, give or take the noise (a quarter: a worker
        # process can need less CPU time for the same work than the main process, as
        # 054/10 measured; one process over 1.2x failed a fresh-clone run under spawn)
        best = tasks / math.ceil(tasks / min(n, usable))
        assert speed["compute", "processes", n] <= 1.25 * best, ("processes", n)
    if not free:
        return
    # "close to" the CPU count's speed-up at that many workers and beyond
    at_cpus = tasks / math.ceil(tasks / usable)
    for n in range(usable, 2 * usable + 1):
        assert speed["compute", "processes", n] >= 0.6 * at_cpus, ("processes", n)
    if usable >= 2:  # "rises": more CPUs at work than with one process
        assert speed["compute", "processes", usable] > speed["compute", "processes", 1] + 0.2


@invariant("057/02_which_build.py")
def build_is_reported_as_it_is(output: str) -> None:
    lines = output.splitlines()
    assert re.fullmatch(r"Python 3\.\d+\.\d+\S* \(\w+\)", lines[0])
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    assert lines[1] == f"free-threaded build: {free_threaded}"
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    assert lines[2] == f"GIL enabled now: {gil}"
    assert len(lines) == 3


@invariant("057/03_threads_with_hashlib.py")
def threads_compute_in_parallel_when_c_code_releases_the_gil(output: str) -> None:
    usable, _ = cpus(output)
    sequential = number(r"^sequential: ([\d.]+) s$", output)
    threaded = number(r"^4 threads: +([\d.]+) s$", output)
    speed_up = number(r"^speed-up: ([\d.]+)x$", output)
    busy = number(r"^CPUs busy while the threads ran: ([\d.]+)$", output)
    assert sequential >= 0.15, "the work is sized by time"
    assert abs(speed_up - sequential / threaded) < 0.1  # printed from unrounded times
    assert busy <= usable * 1.05, "no more CPUs busy than usable"
    # The page: "about as many times sooner as they kept CPUs busy" (0.99 to 1.01
    # here, quiet, pinned to one CPU, or with the other CPU taken by a busy loop)
    assert 0.75 <= speed_up / busy <= 1.4, "the speed-up follows the CPUs busy"
    if busy >= 1.5:
        assert speed_up > 1.3, "hashing runs on several cores at once"
    assert speed_up <= min(usable, 4) * 1.2  # give or take the noise (a fifth)
    assert len(output.splitlines()) == 5
