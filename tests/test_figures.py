"""Figures drawn from a snippet's printed table: read back right, drawn legibly, localized."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from snippet_fence import svg
from snippet_fence.figures import (
    EXECUTORS,
    WORKS,
    FigureError,
    _title,
    bars,
    count,
    parse_bars,
    parse_spans,
    speed_up,
    timeline,
)
from tests.figure_reading import read_bars, read_speed_up, read_timeline

SVG = "{http://www.w3.org/2000/svg}"
TIMELINE = """\
way         call  thread                     start   end
sequential  0     MainThread                  0.00  1.00
sequential  1     MainThread                  1.00  2.00
thread_pool 0     ThreadPoolExecutor-0_0      0.00  1.00
thread_pool 1     Thread-2 (long_square)      0.00  1.01
"""
SPEED_UP = """\
usable CPUs: 2 (os.cpu_count() says 4)
tasks: 8, each about 0.06 s
work     executor    workers  seconds  speed-up
wait     sequential        1     0.40     1.00x
wait     threads           1     0.40     1.00x
wait     threads           2     0.20     1.99x
compute  sequential        1     0.20     1.00x
compute  threads           1     0.21     0.95x
compute  threads           2     0.22     0.91x
"""


def drawing(html: str) -> ET.Element:
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    return ET.fromstring(html[start:end])  # well-formed XML, or this raises


def texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def test_timeline_draws_one_bar_per_printed_span():
    root = drawing(timeline(TIMELINE, "en", "t"))
    bars = root.findall(f".//{SVG}rect")
    assert len(bars) == 4
    widths = sorted(float(bar.get("width")) for bar in bars)
    assert widths[-1] > widths[0], "the 1.01 s bar is longer than the 1.00 s ones"
    assert "seconds since the start" in texts(root)
    assert "thread_pool" not in " ".join(texts(root)), "known ways get readable titles"
    assert any(t.startswith("ThreadPoolExecutor — 2 threads, 1.01 s") for t in texts(root))


def test_timeline_speaks_russian_on_russian_pages():
    root = drawing(timeline(TIMELINE, "ru", "t"))
    words = texts(root)
    assert "секунды от начала" in words
    assert any(t.startswith("Вызовы по очереди — 1 поток, 2,00 с") for t in words)
    description = root.find(f"{SVG}desc").text
    assert "вызов 1, MainThread: 1,00–2,00 с" in description


def test_speed_up_plots_each_executor_per_workload():
    root = drawing(speed_up(SPEED_UP, "en", "s"))
    lines = root.findall(f".//{SVG}polyline")
    assert len(lines) == 2, "threads in two panels; sequential is the baseline, not a line"
    assert lines[0].get("points").count(",") == 2
    assert {"Waiting: time.sleep", "Computing: pure Python arithmetic", "usable CPUs: 2"} <= set(
        texts(root)
    )
    assert "1 — 1.00×, 2 — 1.99×" in root.find(f"{SVG}desc").text


def test_figure_names_itself_for_screen_readers():
    root = drawing(timeline(TIMELINE, "en", "uid7"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "uid7-title uid7-desc"
    assert root.find(f"{SVG}title").get("id") == "uid7-title"


@pytest.mark.parametrize("output", ["", "hello\n", "threads 0 Thread-1 1.00 0.50\n"])
def test_output_without_the_table_is_an_error(output):
    with pytest.raises(FigureError, match="figure='timeline'"):
        parse_spans(output)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 поток"),
        (3, "3 потока"),
        (5, "5 потоков"),
        (11, "11 потоков"),
        (21, "21 поток"),
        (22, "22 потока"),
        (112, "112 потоков"),
    ],
)
def test_russian_counts_agree_with_their_number(n, expected):
    assert count(n, "thread", "ru") == expected


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material's page backgrounds: `default` is white, `slate` is hsl(225, 15%, 14%)
@pytest.mark.parametrize("background", ["#ffffff", "#1e2129"])
@pytest.mark.parametrize("colour", svg.COLOURS)
def test_data_colours_are_visible_in_both_palettes(colour, background):
    # WCAG 1.4.11: graphical objects need 3:1 against what is next to them
    assert _contrast(colour, background) >= 3, (colour, background)


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [(5.0037, [0, 1, 2, 3, 4, 5]), (0.4, [0, 0.1, 0.2, 0.3, 0.4]), (3.98, [0, 1, 2, 3, 4])],
)
def test_axis_ticks_are_round_and_cover_the_data(maximum, expected):
    assert svg.ticks(maximum) == expected


TWO_EXECUTORS = """\
usable CPUs: 2 (os.cpu_count() says 2)
work     executor    workers  seconds  speed-up
wait     sequential        1     0.40     1.00x
wait     threads           1     0.40     1.00x
wait     threads           3     0.14     2.90x
wait     processes         1     0.41     0.98x
wait     processes         3     0.15     2.70x
compute  sequential        1     0.20     1.00x
compute  threads           1     0.21     0.95x
compute  threads           3     0.22     0.91x
compute  processes         1     0.21     0.96x
compute  processes         3     0.11     1.80x
"""


@pytest.mark.parametrize("language", ["en", "ru"])
def test_speed_up_reads_back_as_its_table(language):
    """Each line in its panel, under its legend entry, at its values; the CPU line at 2."""
    data, cpu_lines = read_speed_up(drawing(speed_up(TWO_EXECUTORS, language, "s")))
    waiting, computing = (_title(WORKS, work, language) for work in ("wait", "compute"))
    threads, processes = (_title(EXECUTORS, e, language) for e in ("threads", "processes"))
    expected = {
        (waiting, threads): [(1, 1.00), (3, 2.90)],
        (waiting, processes): [(1, 0.98), (3, 2.70)],
        (computing, threads): [(1, 0.95), (3, 0.91)],
        (computing, processes): [(1, 0.96), (3, 1.80)],
    }
    assert sorted(data) == sorted(expected)
    for key, points in expected.items():
        assert [w for w, _ in data[key]] == [w for w, _ in points], key
        assert all(abs(a - b) < 0.03 for (_, a), (_, b) in zip(data[key], points, strict=True))
    assert [round(position, 2) for position in cpu_lines] == [2.0, 2.0]


def test_timeline_reads_back_as_its_table():
    data = read_timeline(drawing(timeline(TIMELINE, "en", "t")))
    assert [heading.split(" — ")[0] for heading in data] == [
        "One call after another",
        "ThreadPoolExecutor",
    ]
    sequential, pool = data.values()
    assert [label for label, _, _ in sequential] == ["0  MainThread", "1  MainThread"]
    assert [label for label, _, _ in pool] == [
        "0  ThreadPoolExecutor-0_0",
        "1  Thread-2 (long_square)",
    ]
    spans = [(start, end) for _, start, end in sequential + pool]
    expected = [(0.0, 1.0), (1.0, 2.0), (0.0, 1.0), (0.0, 1.01)]
    assert all(
        abs(a - c) < 0.01 and abs(b - d) < 0.01
        for (a, b), (c, d) in zip(spans, expected, strict=True)
    )


BARS = """\
usable CPUs: 2 (os.cpu_count() says 2)
15254 tasks, 2 worker processes
a loop, no pool                  0.0010 s
Pool.map chunksize=1             0.2970 s
Pool.map chunksize=10            0.0290 s
Executor.map default             1.6660 s
"""


@pytest.mark.parametrize("language", ["en", "ru"])
def test_bars_read_back_as_their_table(language):
    """One bar per timed line, under its own label, as long as its seconds."""
    root = drawing(bars(BARS, language, "b"))
    data, pixel = read_bars(root)
    assert [label for label, _ in data] == [label for label, _ in parse_bars(BARS)]
    for (label, shown), (_, printed) in zip(data, parse_bars(BARS), strict=True):
        assert abs(shown - printed) < 1.5 * pixel, (label, shown, printed)
    assert ("секунды" if language == "ru" else "seconds") in texts(root)
    # the value beside each bar, in the page's number format
    assert ("1,6660 с" if language == "ru" else "1.6660 s") in texts(root)


def test_bars_without_timed_lines_are_an_error():
    with pytest.raises(FigureError, match="figure='bars'"):
        bars("15254 tasks\nno times here\n", "en", "b")


def test_a_bar_label_too_long_to_show_is_an_error():
    with pytest.raises(FigureError, match="longer than 32 characters"):
        bars("Executor.map chunksize=1000 in a pool of two  0.0200 s\n", "en", "b")


@pytest.mark.parametrize(
    ("rows", "ticks"),
    [
        (
            "a  0.0270 s\nb  0.0010 s\n",
            ["0.000", "0.005", "0.010", "0.015", "0.020", "0.025", "0.030"],
        ),
        ("a  0.0000 s\n", ["0.0000", "0.0002", "0.0004", "0.0006", "0.0008", "0.0010"]),
    ],
)
def test_bar_axis_ticks_read_as_distinct_numbers(rows, ticks):
    root = drawing(bars(rows, "en", "b"))
    shown = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert shown[: len(ticks)] == ticks
