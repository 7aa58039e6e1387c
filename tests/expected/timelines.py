"""What the pages say about a timeline table (`figure="timeline"`), as checks.

A build runs these snippets alongside many others, so a thread may start a tenth of a
second late and a process a second late (0.13 s and 1.01 s in crowded builds): the
checks hold the bars to their order (they overlap, they stack, a worker runs one call
at a time), and hold totals only where a page gives one ("two seconds in all").
Times are printed with two decimals: 0.01 s is the table's rounding.
"""

from __future__ import annotations

from itertools import pairwise

ROUNDING = 0.01


def spans_of(output: str, way: str) -> list[tuple[int, str, float, float]]:
    """The (call, worker, start, end) rows of one way, from the table the figure reads."""
    from snippet_fence.figures import parse_spans

    return sorted((s.call, s.worker, s.start, s.end) for s in parse_spans(output) if s.way == way)


def header_and_rows(output: str, rows: int, worker: str = "thread") -> None:
    """A timeline table: its header, then `rows` more lines."""
    lines = output.splitlines()
    assert lines[0].split() == ["way", "call", worker, "start", "end"]
    assert len(lines) == 1 + rows


def each_lasts(spans, seconds: float, longest: float) -> None:
    """Every call waited its `seconds` (a `time.sleep` never ends early; asyncio's
    timers may fire a clock tick early, within the rounding on Linux), and less than
    `longest`."""
    for _, _, start, end in spans:
        assert seconds - ROUNDING <= end - start < longest, (start, end)


def overlap(spans) -> None:
    """The bars overlap: every call had started before any of them ended."""
    assert max(start for *_, start, _ in spans) < min(end for *_, end in spans), spans


def staircase(spans, gap: float) -> None:
    """Each starts when the previous ends: one after another, within `gap` of it."""
    for (*_, previous_end), (*_, start, _) in pairwise(spans):
        assert previous_end - ROUNDING <= start < previous_end + gap, spans


def second_wave(first, second) -> None:
    """The later calls ran on workers the first ones used (the names repeat), each
    starting once the call before it on that worker had ended."""
    assert {worker for _, worker, _, _ in second} <= {worker for _, worker, _, _ in first}
    for worker in {worker for _, worker, _, _ in first}:
        calls = sorted((start, end) for _, name, start, end in first + second if name == worker)
        for (_, previous_end), (start, _) in pairwise(calls):
            assert start >= previous_end - ROUNDING, (worker, calls)
