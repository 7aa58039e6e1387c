"""Figures drawn from what a snippet printed: `figure="timeline"`, `"speed-up"` or `"bars"`.

The snippet prints its measurements as a plain table (that is its output on the page);
the figure reads that table back and draws it in the page's language. Every number in a
figure therefore comes from the run shown right above it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from snippet_fence import svg


class FigureError(ValueError):
    """The output does not hold the table the figure needs."""


@dataclass(frozen=True)
class Span:
    way: str
    call: int
    worker: str
    start: float
    end: float


@dataclass(frozen=True)
class Timing:
    work: str
    executor: str
    workers: int
    seconds: float
    speed_up: float
    busy: float | None = None  # CPUs kept busy, where the table has that column


# way printed by the snippet -> (English title, Russian title, what its workers are)
WAYS = {
    "sequential": ("One call after another", "Вызовы по очереди", "thread"),
    "threads": ("A thread per call", "Поток на каждый вызов", "thread"),
    "thread_pool": ("ThreadPoolExecutor", "ThreadPoolExecutor", "thread"),
    "processes": ("A process per call", "Процесс на каждый вызов", "process"),
    "pool": ("multiprocessing.Pool", "multiprocessing.Pool", "process"),
    "gather": ("asyncio.gather", "asyncio.gather", "thread"),
    "blocking": ("time.sleep in coroutines", "time.sleep в корутинах", "thread"),
    "to_thread": ("asyncio.to_thread", "asyncio.to_thread", "thread"),
    "semaphore": ("threading.Semaphore(2)", "threading.Semaphore(2)", "thread"),
}
WORKS = {
    "wait": ("Waiting: time.sleep", "Ожидание: time.sleep"),
    "compute": ("Computing: pure Python arithmetic", "Вычисления на чистом Python"),
}
EXECUTORS = {
    "threads": ("ThreadPoolExecutor", "ThreadPoolExecutor"),
    "processes": ("ProcessPoolExecutor", "ProcessPoolExecutor"),
}
NOUNS = {  # singular and plural; Russian: 1, 2-4, 5+
    "en": {
        "thread": ("thread", "threads"),
        "process": ("process", "processes"),
        "worker": ("worker", "workers"),
    },
    "ru": {
        "thread": ("поток", "потока", "потоков"),
        "process": ("процесс", "процесса", "процессов"),
        "worker": ("рабочий поток", "рабочих потока", "рабочих потоков"),
    },
}
LABELS = {
    "en": {
        "seconds": "seconds since the start",
        "unit": "s",
        "timeline": "When each call ran: the timestamps printed by the run above",
        "speed-up": "Speed-up over doing the tasks one by one, from the run above",
        "workers": "workers",
        "speed-up axis": "speed-up, times",
        "ideal": "ideal: as many times as workers",
        "cpus": "usable CPUs: {n}",
        "call": "call {n}",
        "bars": "How long each way took, from the run above",
        "bars axis": "seconds",
    },
    "ru": {
        "seconds": "секунды от начала",
        "unit": "с",
        "timeline": "Когда шёл каждый вызов: отметки времени из запуска выше",
        "speed-up": "Ускорение относительно выполнения задач по очереди, по запуску выше",
        "workers": "потоков или процессов в пуле",
        "speed-up axis": "ускорение, раз",
        "ideal": "идеал: во столько раз, сколько потоков или процессов в пуле",
        "cpus": "доступно процессоров: {n}",
        "call": "вызов {n}",
        "bars": "Сколько занял каждый способ, по запуску выше",
        "bars axis": "секунды",
    },
}

_SPAN = re.compile(
    r"^(?P<way>[A-Za-z_]\w*) +(?P<call>\d+) +(?P<worker>\S(?:.*\S)?) +"
    r"(?P<start>-?\d+\.\d+) +(?P<end>-?\d+\.\d+)$",
    re.M,
)
_TIMING = re.compile(
    r"^(?P<work>\w+) +(?P<executor>\w+) +(?P<workers>\d+) +(?P<seconds>\d+\.\d+) +"
    r"(?P<speed_up>\d+\.\d+)x(?: +(?P<busy>\d+\.\d+))?$",
    re.M,
)
# A way, two or more spaces, its time: "Pool.map chunksize=10    0.0270 s"
_BAR = re.compile(r"^(?P<label>\S(?:.*\S)?) {2,}(?P<seconds>\d+\.\d+) s$", re.M)
_CPUS = re.compile(r"^usable CPUs: (\d+)", re.M)


def number(value: float, language: str, digits: int = 2) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "ru" else text


def count(n: int, noun: str, language: str) -> str:
    forms = NOUNS.get(language, NOUNS["en"])[noun]
    if len(forms) == 2:
        return f"{n} {forms[0] if n == 1 else forms[1]}"
    if n % 10 == 1 and n % 100 != 11:
        form = forms[0]
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        form = forms[1]
    else:
        form = forms[2]
    return f"{n} {form}"


def _title(names: dict[str, tuple], key: str, language: str) -> str:
    titles = names.get(key)
    return key if titles is None else titles[0 if language != "ru" else 1]


def parse_spans(output: str) -> list[Span]:
    spans = [
        Span(m["way"], int(m["call"]), m["worker"], float(m["start"]), float(m["end"]))
        for m in _SPAN.finditer(output)
    ]
    if not spans:
        raise FigureError(
            "figure='timeline' needs lines 'WAY CALL WORKER START END', "
            "for example 'threads 0 Thread-1 0.00 1.00'; the output has none"
        )
    if bad := [s for s in spans if s.end < s.start]:
        raise FigureError(f"figure='timeline': a span ends before it starts: {bad[0]}")
    return spans


def parse_timings(output: str) -> tuple[list[Timing], int | None]:
    timings = [
        Timing(
            m["work"],
            m["executor"],
            int(m["workers"]),
            float(m["seconds"]),
            float(m["speed_up"]),
            float(m["busy"]) if m["busy"] else None,
        )
        for m in _TIMING.finditer(output)
    ]
    if not timings:
        raise FigureError(
            "figure='speed-up' needs lines 'WORK EXECUTOR WORKERS SECONDS SPEEDUPx', "
            "for example 'wait threads 2 0.20 1.99x', optionally followed by CPUs busy; "
            "the output has none"
        )
    cpus = _CPUS.search(output)
    return timings, int(cpus[1]) if cpus else None


BAR_LABEL_LIMIT = 32  # characters: a longer label would run off the figure's left edge


def parse_bars(output: str) -> list[tuple[str, float]]:
    bars = [(m["label"], float(m["seconds"])) for m in _BAR.finditer(output)]
    if not bars:
        raise FigureError(
            "figure='bars' needs lines 'LABEL  SECONDS s' (two spaces or more between), "
            "for example 'a loop  0.25 s'; the output has none"
        )
    if long := [label for label, _ in bars if len(label) > BAR_LABEL_LIMIT]:
        raise FigureError(
            f"figure='bars': a label longer than {BAR_LABEL_LIMIT} characters: {long[0]!r}"
        )
    return bars


def bars(output: str, language: str, uid: str) -> str:
    """One horizontal bar per way, as long as the seconds it took, with its value."""
    text = LABELS.get(language, LABELS["en"])
    rows = parse_bars(output)
    scale = svg.ticks(max(0.001, *(seconds for _, seconds in rows)))  # all zero: still an axis
    decimals = max(0, -math.floor(math.log10(scale[1])))  # enough to tell the ticks apart
    left, right, row, width = 220, 500, 22, 580
    x = lambda seconds: left + (right - left) * seconds / scale[-1]  # noqa: E731
    body, described, y = [], [], 6
    for label, seconds in rows:
        body.append(svg.text(left - 8, y + 15, label, size=12, anchor="end"))
        body.append(
            f'<rect x="{left}" y="{y + 3}" height="{row - 6}" '
            f'width="{max(x(seconds) - left, 1):.1f}" fill="{svg.COLOURS[0]}" rx="2"/>'
        )
        value = f"{number(seconds, language, 4)} {text['unit']}"
        body.append(svg.text(max(x(seconds), left + 1) + 6, y + 15, value, size=12))
        described.append(f"{label}: {value};")
        y += row
    bottom = y + 6
    axis = _seconds_axis(scale, x, left, right, 0, bottom, language, decimals, text["bars axis"])
    drawing = svg.document(
        uid, width, bottom + 42, text["bars"], " ".join(described), "".join(axis + body)
    )
    return _figure(drawing, text["bars"])


def timeline(output: str, language: str, uid: str) -> str:
    """One panel per way of running the calls, one bar per call, coloured by worker."""
    text = LABELS.get(language, LABELS["en"])
    spans = parse_spans(output)
    ways = list(dict.fromkeys(s.way for s in spans))
    scale = svg.ticks(max(s.end for s in spans))
    left, right, row, width = 190, 540, 18, 560
    x = lambda seconds: left + (right - left) * seconds / scale[-1]  # noqa: E731
    body, described, y = [], [], 0
    for way in ways:
        rows = sorted((s for s in spans if s.way == way), key=lambda s: s.call)
        workers = list(dict.fromkeys(s.worker for s in sorted(rows, key=lambda s: s.start)))
        noun = WAYS.get(way, ("", "", "worker"))[2]
        end = max(s.end for s in rows)
        heading = (
            f"{_title(WAYS, way, language)} — {count(len(workers), noun, language)}, "
            f"{number(end, language)} {text['unit']}"
        )
        y += 22
        body.append(svg.text(0, y, heading, size=14, font_weight="bold"))
        described.append(heading + ":")
        y += 6
        for span in rows:
            colour = svg.COLOURS[workers.index(span.worker) % len(svg.COLOURS)]
            label = f"{span.call}  {span.worker}"
            body.append(svg.text(0, y + 13, label, size=12))
            body.append(
                f'<rect x="{x(span.start):.1f}" y="{y + 2}" height="{row - 4}" '
                f'width="{max(x(span.end) - x(span.start), 1):.1f}" fill="{colour}" rx="2"/>'
            )
            described.append(
                f"{text['call'].format(n=span.call)}, {span.worker}: "
                f"{number(span.start, language)}–{number(span.end, language)} {text['unit']};"
            )
            y += row
        y += 8
    bottom = y
    axis = _seconds_axis(scale, x, left, right, 28, bottom, language, 1, text["seconds"])
    drawing = svg.document(
        uid, width, bottom + 42, text["timeline"], " ".join(described), "".join(axis + body)
    )
    return _figure(drawing, text["timeline"])


def speed_up(output: str, language: str, uid: str) -> str:
    """One panel per workload: speed-up against the number of workers, per executor."""
    text = LABELS.get(language, LABELS["en"])
    timings, cpus = parse_timings(output)
    works = list(dict.fromkeys(t.work for t in timings))
    executors = [e for e in dict.fromkeys(t.executor for t in timings) if e != "sequential"]
    most_workers = max(t.workers for t in timings)
    y_ticks = svg.ticks(max(most_workers, *(t.speed_up for t in timings)), wanted=5)
    left, right, width, height, gap = 48, 540, 560, 190, 70
    legend_height = 24 * (len(executors) + 1)
    x = lambda n: left + (right - left) * (n - 1) / max(most_workers - 1, 1)  # noqa: E731
    body, described = [], []
    for n, executor in enumerate(executors):
        colour = svg.COLOURS[n % len(svg.COLOURS)]
        body += _legend_row(
            left,
            16 + 24 * n,
            _title(EXECUTORS, executor, language),
            _marker(n, left + 14, 12 + 24 * n, colour),
            stroke=colour,
            stroke_width="3",
            stroke_dasharray=_DASHES[n % len(_DASHES)],
        )
    body += _legend_row(
        left,
        16 + 24 * len(executors),
        text["ideal"],
        "",
        stroke="currentColor",
        stroke_dasharray="2 4",
        stroke_opacity="0.6",
    )
    for panel, work in enumerate(works):
        top = legend_height + 10 + panel * (height + gap) + 24
        bottom = top + height
        y = lambda v, t=top, b=bottom: b - (b - t) * v / y_ticks[-1]  # noqa: E731
        title = _title(WORKS, work, language)
        body.append(svg.text(0, top - 10, title, size=14, font_weight="bold"))
        described.append(title + ":")
        for tick in y_ticks:
            body.append(
                svg.line(
                    left, y(tick), right, y(tick), stroke="currentColor", stroke_opacity="0.15"
                )
            )
            body.append(
                svg.text(
                    left - 6,
                    y(tick) + 4,
                    number(tick, language, 0 if tick == int(tick) else 1),
                    size=12,
                    anchor="end",
                )
            )
        for n in range(1, most_workers + 1):
            body.append(svg.text(x(n), bottom + 16, str(n), size=12, anchor="middle"))
        body.append(
            svg.text((left + right) / 2, bottom + 34, text["workers"], size=12, anchor="middle")
        )
        body.append(
            svg.text(
                -(top + bottom) / 2,
                12,
                text["speed-up axis"],
                size=12,
                anchor="middle",
                transform="rotate(-90)",
            )
        )
        if cpus and cpus <= most_workers:
            body.append(
                svg.line(
                    x(cpus),
                    top,
                    x(cpus),
                    bottom,
                    stroke="currentColor",
                    stroke_dasharray="6 3",
                    stroke_opacity="0.5",
                )
            )
            body.append(svg.text(x(cpus) + 4, top + 12, text["cpus"].format(n=cpus), size=12))
        body.append(
            svg.line(
                x(1),
                y(1),
                x(most_workers),
                y(most_workers),
                stroke="currentColor",
                stroke_dasharray="2 4",
                stroke_opacity="0.6",
            )
        )
        body.append(svg.line(left, bottom, right, bottom, stroke="currentColor"))
        for n, executor in enumerate(executors):
            colour = svg.COLOURS[n % len(svg.COLOURS)]
            points = sorted(
                (t.workers, t.speed_up) for t in timings if (t.work, t.executor) == (work, executor)
            )
            path = " ".join(f"{x(w):.1f},{y(s):.1f}" for w, s in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3" '
                f'stroke-dasharray="{_DASHES[n % len(_DASHES)]}"/>'
            )
            body.extend(_marker(n, x(w), y(s), colour) for w, s in points)
            described.append(
                f"{_title(EXECUTORS, executor, language)}: "
                + ", ".join(f"{w} — {number(s, language)}×" for w, s in points)
                + ";"
            )
    total = legend_height + 10 + len(works) * (height + gap) + 10
    drawing = svg.document(uid, width, total, text["speed-up"], " ".join(described), "".join(body))
    return _figure(drawing, text["speed-up"])


_DASHES = ("none", "8 4", "2 3")


def _seconds_axis(scale, x, left, right, top, bottom, language, decimals, title) -> list[str]:
    """A horizontal axis of seconds along `bottom`: grid lines up to `top`, tick values
    with `decimals` digits, and `title` under them."""
    axis = [svg.line(left, bottom, right, bottom, stroke="currentColor")]
    for tick in scale:
        axis.append(
            svg.line(x(tick), top, x(tick), bottom, stroke="currentColor", stroke_opacity="0.15")
        )
        axis.append(
            svg.text(
                x(tick), bottom + 16, number(tick, language, decimals), size=12, anchor="middle"
            )
        )
    axis.append(svg.text((left + right) / 2, bottom + 34, title, size=12, anchor="middle"))
    return axis


def _legend_row(left: float, y: float, label: str, marker: str, **line) -> list[str]:
    """A short sample of a line (and its marker), then what it stands for."""
    return [svg.line(left, y - 4, left + 28, y - 4, **line), marker, svg.text(left + 36, y, label)]


def _marker(n: int, cx: float, cy: float, colour: str) -> str:
    """Circles, squares, diamonds: the lines differ by shape too, not by colour alone."""
    if n % 3 == 0:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}"/>'
    if n % 3 == 1:
        return f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    return (
        f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{colour}" '
        f'transform="rotate(45 {cx:.1f} {cy:.1f})"/>'
    )


def _figure(drawing: str, caption: str) -> str:
    # The figure scrolls sideways inside itself on a narrow screen, as code blocks do
    return (
        f'<figure class="snippet-figure"><div class="snippet-figure__scroll">{drawing}</div>'
        f"<figcaption>{escape(caption, quote=False)}</figcaption></figure>"
    )


FIGURES: dict[str, Callable[[str, str, str], str]] = {
    "timeline": timeline,
    "speed-up": speed_up,
    "bars": bars,
}
