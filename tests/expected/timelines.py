"""What the pages say about a timeline table (`figure="timeline"`), as checks.

Each claim is about the order of the bars, not about the machine's speed: a build runs
these snippets alongside many others, so a thread or process may start a tenth of a
second late (0.13 s in a crowded build) while the bars still overlap or stack as the
page says. Times printed with two decimals: 0.01 s is the table's rounding.
"""

from __future__ import annotations

from itertools import pairwise

ROUNDING = 0.01


def spans_of(output: str, way: str) -> list[tuple[int, str, float, float]]:
    """The (call, worker, start, end) rows of one way, from the table the figure reads."""
    from snippet_fence.figures import parse_spans

    return sorted((s.call, s.worker, s.start, s.end) for s in parse_spans(output) if s.way == way)


def header_and_rows(output: str, rows: int) -> None:
    """A timeline table of threads: its header, then `rows` more lines."""
    lines = output.splitlines()
    assert lines[0].split() == ["way", "call", "thread", "start", "end"]
    assert len(lines) == 1 + rows


def each_lasts(spans, seconds: float, longest: float) -> None:
    """Every call waited its `seconds` (a sleep never ends early), and not much longer."""
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
    ended = {worker: end for _, worker, _, end in first}
    for _, worker, start, _ in second:
        assert worker in ended, f"{worker} ran none of the first calls"
        assert start >= ended[worker] - ROUNDING, (worker, start, ended[worker])
