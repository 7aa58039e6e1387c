"""Chapter 064, more synchronization primitives: what the page says about each output."""

import re

from tests.expected import invariant, number
from tests.expected.timelines import header_and_rows, spans_of


@invariant("064/01_lock_reentry.py")
def a_lock_taken_twice_by_one_thread_waits_an_rlock_does_not(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 2
    # The page: "the second acquire waited out its whole timeout, a second"
    took = number(
        r"^Lock   TimeoutError: deposit\(\) could not take the lock, after ([\d.]+) s$", output
    )
    assert 1.0 <= took < 1.2, took
    # The page: "RLock let the thread that held it take it again: both deposits"
    assert number(r"^RLock  balance 30, after ([\d.]+) s$", output) < 0.05


@invariant("064/02_semaphore.py")
def never_more_than_two_at_once(output: str) -> None:
    header_and_rows(output, 7)  # six downloads, then the BoundedSemaphore line
    lines = output.splitlines()
    spans = spans_of(output, "semaphore")
    assert [call for call, *_ in spans] == list(range(6))
    assert len({worker for _, worker, _, _ in spans}) == 6, "a thread per download"
    # The page: "never more than two bars overlap" (0.01 s: the table's rounding)
    for _, _, start, _ in spans:
        assert sum(s <= start < e - 0.01 for _, _, s, e in spans) <= 2, spans
    assert all(0.29 <= end - start < 0.4 for _, _, start, end in spans), spans
    # The page: "each of the other four started as another finished"
    ends = [end for _, _, _, end in spans]
    later = sorted(spans, key=lambda span: span[2])[2:]
    assert all(any(abs(start - end) <= 0.02 for end in ends) for _, _, start, _ in later)
    # The page: "six downloads of 0.3 s, two at a time: at least 0.9 s in all"
    assert 0.89 <= max(ends) < 1.3, ends
    assert lines[-1] == "BoundedSemaphore: ValueError: Semaphore released too many times"


@invariant("064/03_condition.py")
def the_consumer_wakes_when_three_items_are_in(output: str) -> None:
    lines = output.splitlines()
    puts = [line for line in lines if line.startswith("producer: ")]
    assert puts == [f"producer: put {n}" for n in range(1, 7)]
    took = [line for line in lines if line.startswith("consumer: ")]
    assert took == ["consumer: took [1, 2, 3]", "consumer: took [4, 5, 6]"]
    assert len(lines) == 8
    # The page: "it took the first three only after the third was put"
    assert lines.index(took[0]) > lines.index("producer: put 3")
    assert lines.index(took[1]) > lines.index("producer: put 6")


@invariant("064/04_barrier.py")
def no_one_starts_a_phase_before_all_finished_the_last(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 8
    arrivals = [n for n, line in enumerate(lines) if line.startswith("--- ")]
    assert len(arrivals) == 2
    rounds = zip([0, arrivals[0] + 1], arrivals, strict=True)
    for phase, (first, arrived) in enumerate(rounds, 1):
        done = [
            re.fullmatch(rf"([ABC]): phase {phase} done at ([\d.]+) s", line)
            for line in lines[first:arrived]
        ]
        # The page: "each round ends when the last of the three arrives"
        assert all(done) and sorted(m[1] for m in done) == ["A", "B", "C"], lines
        at = number(r"^--- all 3 arrived at ([\d.]+) s$", lines[arrived])
        latest = max(float(m[2]) for m in done)
        # "stamped no earlier than the latest of them" (0.005: the table's rounding)
        assert latest - 0.005 <= at, (latest, at)


@invariant("064/05_task_done_join.py")
def join_waits_for_a_task_done_per_item(output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 2
    # The page: "join() returned once the last of the four tasks was done, 0.6 s in"
    took = number(r"^with task_done\(\): join\(\) returned after ([\d.]+) s$", output)
    assert 0.6 <= took < 0.7, took
    # The page: "without them, join() would wait for ever: still waiting after 2 s"
    waited = number(r"^without task_done\(\): join\(\) still waiting after ([\d.]+) s$", output)
    assert 2.0 <= waited < 2.3, waited


@invariant("064/06_queue_shutdown.py")
def every_item_is_taken_once_then_both_consumers_stop(output: str) -> None:
    lines = output.splitlines()
    version = re.fullmatch(r"Python 3\.(\d+)\.\d+\S*(:| has) .*", lines[0])
    assert version
    if int(version[1]) >= 13:
        assert lines[0].endswith(": stopping the consumers with tasks.shutdown()")
    else:
        assert lines[0].endswith(" has no Queue.shutdown: one marker per consumer")
    got = sorted(int(m[2]) for m in re.finditer(r"^([AB]) got (\d)$", output, re.M))
    assert got == [0, 1, 2, 3], "every item once"
    stopped = [n for n, line in enumerate(lines) if line in ("A stopped", "B stopped")]
    assert sorted(lines[n] for n in stopped) == ["A stopped", "B stopped"]
    assert len(lines) == 7
    for name in "AB":
        mine = [n for n, line in enumerate(lines) if line.startswith(f"{name} got")]
        assert all(n < lines.index(f"{name} stopped") for n in mine)
