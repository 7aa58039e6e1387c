"""Chapter 055, synchronization: what the page says about each varying output."""

import re

from tests.expected import across_runs, invariant

TALLY = re.compile(r"^ *added ([\d,]+), kept ([\d,]+), lost ([\d,]+)$", re.M)


def tallies(output: str) -> list[tuple[int, int, int]]:
    """(added, kept, lost) of each tally line, checked to add up."""
    rows = [tuple(int(n.replace(",", "")) for n in row) for row in TALLY.findall(output)]
    for added, kept, lost in rows:
        assert added - kept == lost and kept > 0
    return rows


@invariant("055/01_lost_updates.py")
def a_call_between_read_and_write_loses_updates(output: str) -> None:
    lines = output.splitlines()
    assert lines[1] == "counter += 1"
    assert lines[3] == 'counts["hits"] = counts.get("hits", 0) + 1'
    assert len(lines) == 5
    (_, _, plain_lost), (get_added, _, get_lost) = tallies(output)
    # The page: with the GIL, the bare `counter += 1` loop lost nothing here, while the
    # call between read and write lost updates; a free-threaded build may lose in both
    if lines[0] == "GIL enabled: True":
        assert plain_lost == 0, "no switch between the read and the write of +="
    else:
        assert lines[0] == "GIL enabled: False"
    assert get_lost >= get_added / 100, "at least one in a hundred"


@invariant("055/02_lock.py")
def the_lock_keeps_every_update(output: str) -> None:
    assert len(output.splitlines()) == 1
    [(_, _, lost)] = tallies(output)
    assert lost == 0


@invariant("055/03_bytecode.py")
def increment_takes_several_steps_store_and_append_change_in_one(output: str) -> None:
    steps = dict(re.findall(r"^ *(\w+): (.*)$", output, re.M))
    assert set(steps) == {"increment", "store", "append"}
    increment = steps["increment"].split()
    assert increment[0] == "LOAD_GLOBAL" and increment[-1] == "STORE_GLOBAL"
    assert any(op in ("BINARY_OP", "INPLACE_ADD") for op in increment), "read, add, write"
    assert steps["store"].split().count("STORE_SUBSCR") == 1
    assert steps["store"].split()[-1] == "STORE_SUBSCR"
    assert steps["append"].split()[-1].startswith("CALL")


@invariant("055/05_producer_consumer.py")
def every_task_is_done_exactly_once(output: str) -> None:
    lines = output.splitlines()
    done = re.findall(r"^consumer [AB] squared (\d+) in 0\.(?:0[5-9]|1\d|2[0-5]) s$", output, re.M)
    assert sorted(map(int, done)) == list(range(8)) and len(lines) == 9
    assert lines[-1] == str([n**2 for n in range(8)])


@across_runs("055/05_producer_consumer.py")
def the_runs_differ(runs: list[str]) -> None:
    # The page: "compare the tabs": the random lengths of work differ in every run
    assert len(set(runs)) == len(runs)


@invariant("055/06_event.py")
def workers_start_when_the_event_is_set(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "main: configuration loaded"
    starts = re.findall(r"^worker (\d) started after ([\d.]+) s$", output, re.M)
    assert sorted(name for name, _ in starts) == ["0", "1", "2"] and len(lines) == 4
    # The page: none earlier than the half second the main thread spent preparing (on a
    # busy machine the wake-ups can come later: 0.9 s in one build)
    assert all(float(seconds) >= 0.5 for _, seconds in starts)


@invariant("055/07_daemon_threads.py")
def the_daemon_is_stopped_mid_stride(output: str) -> None:
    lines = output.splitlines()
    assert "main: done" in lines and lines[-1] == "non-daemon: saved"
    assert "daemon: finished" not in output
    ticks = [int(n) for n in re.findall(r"^daemon: tick (\d+)$", output, re.M)]
    assert ticks == list(range(1, len(ticks) + 1)) and 1 <= len(ticks) <= 5
    assert len(lines) == len(ticks) + 2
