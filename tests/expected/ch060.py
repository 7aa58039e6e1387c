"""Chapter 060, stopping work: what the page says about each varying output."""

import re

from tests.expected import invariant, number


@invariant("060/01_stop_flag.py")
def workers_stop_at_once_when_the_flag_goes_up(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 3
    checks = re.findall(r"^worker (\d): stopped after (\d+) checks$", output, re.M)
    assert sorted(worker for worker, _ in checks) == ["0", "1"]
    # The page: "about once per tenth of a second, five to seven times" for the 0.55 s
    # before the flag: a check at 0, 0.1, ... 0.5 s, one more if a pause ran long
    assert all(5 <= int(count) <= 7 for _, count in checks), checks
    # The page: "a few hundredths of a second or less", where time.sleep(0.1) would
    # take up to a tenth
    assert number(r"^both stopped ([\d.]+) s after stop\.set\(\)$", output) < 0.05


@invariant("060/02_join_timeout.py")
def join_returns_none_at_its_timeout_and_is_alive_tells(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 4
    # The page: "returned None once its half second was up", the thread still alive
    assert 0.5 <= number(r"^join\(timeout=0\.5\) returned None after ([\d.]+) s$", output) < 0.8
    assert lines[1] == "is_alive(): True"
    # The page: "two seconds after the start"
    assert 2.0 <= number(r"^join\(\) returned after ([\d.]+) s$", output) < 2.3
    assert lines[3] == "is_alive(): False"


@invariant("060/04_cancel_futures.py")
def cancel_futures_drops_the_waiting_tasks(output: str) -> None:
    rows = re.findall(
        r"^shutdown\(cancel_futures=(True|False)\): ([\d.]+) s, results (\[[\d, ]*\]), "
        r"(\d+) cancelled$",
        output,
        re.M,
    )
    assert [row[0] for row in rows] == ["False", "True"] and len(output.splitlines()) == 2
    (_, plain, plain_results, plain_cancelled), (_, cancel, results, cancelled) = rows
    # The page: all ten results, five rounds of two: two and a half seconds
    assert plain_results == str(list(range(10))) and plain_cancelled == "0"
    assert 2.5 <= float(plain) < 2.8
    # The page: the two running tasks finished, the eight waiting were cancelled, and
    # shutdown returned half a second in
    assert results == "[0, 1]" and cancelled == "8"
    assert 0.5 <= float(cancel) < 0.8


@invariant("060/05_thread_local.py")
def each_thread_sees_its_own_value(output: str) -> None:
    lines = output.splitlines()
    # The page: each read back its own request, in whatever order the pauses ended
    assert sorted(lines[:4]) == [f"thread {n} handled request {n}" for n in range(4)]
    assert lines[4:] == ["the main thread sees a request: False"]
