"""Chapter 062, asyncio beside threads: what the page says about each varying output."""

import re

from tests.expected import cpus, gil_enabled, invariant, number
from tests.expected.timelines import each_lasts, header_and_rows, overlap, spans_of, staircase


def five_overlapping_waits(spans) -> None:
    """Five half-second waits, each under way before the first had ended."""
    assert [call for call, *_ in spans] == list(range(5))
    each_lasts(spans, 0.5, 0.95)
    overlap(spans)


@invariant("062/02_threads_or_gather.py")
def five_waits_overlap_in_threads_and_in_one_thread_with_gather(output: str) -> None:
    header_and_rows(output, 10)
    # The page: "in both versions the five waits overlapped: every call had started
    # before any of them ended, so all five were over in under a second"
    threads = spans_of(output, "threads")
    five_overlapping_waits(threads)
    assert max(end for *_, end in threads) < 1.0
    # The page: "five threads of its own, Thread-1 (wait) to Thread-5 (wait)"
    assert sorted(worker for _, worker, _, _ in threads) == [
        f"Thread-{n} (wait)" for n in range(1, 6)
    ]
    gather = spans_of(output, "gather")
    five_overlapping_waits(gather)
    assert max(end for *_, end in gather) < 1.0
    # The page: "all five in the main thread"
    assert {worker for _, worker, _, _ in gather} == {"MainThread"}


@invariant("062/03_blocking_call.py")
def a_blocking_call_runs_the_coroutines_one_by_one(output: str) -> None:
    header_and_rows(output, 10)
    blocking = spans_of(output, "blocking")
    assert [(call, worker) for call, worker, _, _ in blocking] == [
        (n, "MainThread") for n in range(5)
    ]
    # The page: "a staircase of half seconds, about two and a half seconds in all"
    each_lasts(blocking, 0.5, 0.7)
    staircase(blocking, 0.2)
    assert 2.45 <= blocking[-1][3] < 2.9
    # The page: "the five calls overlapped again, in five worker threads of the loop's
    # default executor (asyncio_0 ...)"
    to_thread = spans_of(output, "to_thread")
    five_overlapping_waits(to_thread)
    workers = {worker for _, worker, _, _ in to_thread}
    assert len(workers) == 5 and all(re.fullmatch(r"asyncio_\d+", w) for w in workers)


@invariant("062/04_a_thousand_waits.py")
def a_thousand_waits_take_a_thread_each_or_one_thread(output: str) -> None:
    lines = output.splitlines()
    assert lines[0] == "1000 waits of 1 s each, all at once" and len(lines) == 3
    threads = re.fullmatch(
        r"threads: started in ([\d.]+) s, (\d+) threads running then, "
        r"all done after ([\d.]+) s",
        lines[1],
    )
    assert threads, lines[1]
    started, running, took = float(threads[1]), int(threads[2]), float(threads[3])
    # The page: "once all were started, the thousand and the main thread were running
    # at once, 1,001 threads", unless starting took longer than the one-second wait
    assert running == 1001 or (started >= 0.95 and running < 1001), threads[0]
    # The page: "all done about a second after the last had started"
    assert 0.99 <= took - started < 1.3, threads[0]
    asyncio = re.fullmatch(r"asyncio: 1 thread running, all done after ([\d.]+) s", lines[2])
    # The page: "in one thread, all done after about a second"
    assert asyncio and 1.0 <= float(asyncio[1]) < 1.5, lines[2]


@invariant("062/05_computing.py")
def asyncio_computes_one_task_at_a_time_unless_handed_to_processes(output: str) -> None:
    usable, _ = cpus(output)
    gil = gil_enabled(output)
    tasks = int(number(r"^tasks: (\d+), each computing about [\d.]+ s$", output))
    rows = {
        m["way"]: (float(m["took"]), float(m["speed"]), float(m["busy"]), m["ticks"])
        for m in re.finditer(
            r"^(?P<way>\w+) +(?P<took>[\d.]+) +(?P<speed>[\d.]+)x +(?P<busy>[\d.]+) +"
            r"(?P<ticks>\d+|-)$",
            output,
            re.M,
        )
    }
    assert list(rows) == ["sequential", "gather", "to_thread", "processes"]
    assert len(output.splitlines()) == 4 + len(rows)
    sequential, gather, to_thread, processes = rows.values()
    # Four tasks of about a tenth of a second, sized by a first measurement that 3.13
    # ran up to a third slower than the tasks later (0.24 s here)
    assert sequential[0] >= 0.2, "the work is sized by time"
    assert sequential[3] == "-", "no event loop, no ticks"
    # The page: "about as long as the sequential run (a speed-up between 0.8x and
    # 1.3x), no more than one CPU busy, the heartbeat ticked once at most": the
    # coroutines never await, so the loop runs them one after another. The same
    # loop in the same thread, yet 0.97x to 1.14x in ten runs here, and 1.28x in a
    # test session when the speed-up was a ratio of medians, not a median of ratios
    assert 0.8 <= gather[1] <= 1.3 and gather[2] <= 1.05, gather
    assert int(gather[3]) <= 1, gather
    # The page: "the heartbeat ticked" while threads computed
    assert int(to_thread[3]) >= 1, to_thread
    if gil:
        # The page: "at most a little faster (under 1.3x), never more than one CPU busy"
        assert to_thread[1] < 1.3 and to_thread[2] <= 1.05, to_thread
    # The page: "finished about as many times sooner as they kept CPUs busy, which is
    # no more than the number of tasks or of usable CPUs, whichever is smaller"
    speed, busy = processes[1], processes[2]
    assert busy <= min(tasks, usable) * 1.05, processes
    assert 0.6 <= speed / busy <= 1.3, processes
    # The page: "at least half as often as a loop with nothing else to do"
    assert int(processes[3]) >= 0.5 * processes[0] / 0.01, processes
