"""Read a figure back into numbers from what it draws, as a reader's eye does.

Positions are turned into values through the axes' own tick labels, and shapes get
their names from the panel titles and the legend drawn beside them. A figure that draws
the right shapes in the wrong place, or under the wrong title or legend entry, reads back
as other numbers than the table it was drawn from.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def _value(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))  # Russian pages write 0,5
    except ValueError:
        return None


def _scale(ticks: list[tuple[float, float]]):
    """position -> value, fitted through the first and last tick label."""
    (p0, v0), (p1, v1) = ticks[0], ticks[-1]
    assert p1 != p0, "an axis needs two ticks to be read"
    return lambda position: v0 + (position - p0) * (v1 - v0) / (p1 - p0)


def _panels(root: ET.Element) -> tuple[list[ET.Element], list[tuple[str, list[ET.Element]]]]:
    """What is drawn before the first panel title, then each title with what follows it."""
    before: list[ET.Element] = []
    panels: list[tuple[str, list[ET.Element]]] = []
    for element in root:
        if element.tag == f"{SVG}text" and element.get("font-weight") == "bold":
            panels.append((element.text or "", []))
        elif panels:
            panels[-1][1].append(element)
        else:
            before.append(element)
    return before, panels


def _tick_labels(elements: list[ET.Element], anchor: str, coordinate: str) -> list:
    """(position, value) of each numeric text label with that anchor, in order."""
    found = []
    for element in elements:
        if element.tag == f"{SVG}text" and element.get("text-anchor") == anchor:
            value = _value(element.text or "")
            if value is not None and element.get("transform") is None:
                found.append((float(element.get(coordinate)), value))
    return found


def read_speed_up(root: ET.Element) -> tuple[dict[tuple[str, str], list], list[float]]:
    """{(panel title, legend label): [(workers, speed-up), ...]} and where CPU lines stand."""
    legend, panels = _panels(root)
    samples = [e for e in legend if e.tag == f"{SVG}line"]
    labels = [e.text or "" for e in legend if e.tag == f"{SVG}text"]
    series_name = {
        line.get("stroke"): label
        for line, label in zip(samples, labels, strict=True)
        if line.get("stroke") != "currentColor"  # the ideal line's sample
    }
    data, cpu_lines = {}, []
    for title, elements in panels:
        # y tick labels sit 4 px below their line
        y_ticks = [(y - 4, v) for y, v in _tick_labels(elements, "end", "y")]
        speed = _scale(y_ticks)
        workers = _scale(_tick_labels(elements, "middle", "x"))
        for element in elements:
            if element.tag == f"{SVG}polyline":
                points = [p.split(",") for p in element.get("points").split()]
                data[(title, series_name[element.get("stroke")])] = [
                    (round(workers(float(x))), speed(float(y))) for x, y in points
                ]
            elif element.tag == f"{SVG}line" and element.get("stroke-dasharray") == "6 3":
                cpu_lines.append(workers(float(element.get("x1"))))
    return data, cpu_lines


def read_timeline(root: ET.Element) -> dict[str, list[tuple[str, float, float]]]:
    """{panel heading: [(bar label, start s, end s), ...]} in the order drawn."""
    axis, panels = _panels(root)
    seconds = _scale(_tick_labels(axis, "middle", "x"))
    data = {}
    for heading, elements in panels:
        bars, label = [], None
        for element in elements:
            if element.tag == f"{SVG}text":
                label = element.text or ""
            elif element.tag == f"{SVG}rect":
                x, width = float(element.get("x")), float(element.get("width"))
                bars.append((label, seconds(x), seconds(x + width)))
        data[heading] = bars
    return data


def read_bars(root: ET.Element) -> tuple[list[tuple[str, float]], float]:
    """[(label, seconds), ...], each bar with the label drawn on its row, top to bottom,
    and the seconds one pixel of the axis stands for (a bar is at least 1 px long).

    A bar must start at 0 on the axis; a label belongs to the bar whose row its
    baseline falls in.
    """
    elements = list(root)
    seconds = _scale(_tick_labels(elements, "middle", "x"))
    labels = [
        (float(e.get("y")), e.text or "")
        for e in elements
        if e.tag == f"{SVG}text" and e.get("text-anchor") == "end"
    ]
    bars = []
    for rect in sorted(
        (e for e in elements if e.tag == f"{SVG}rect"), key=lambda e: float(e.get("y"))
    ):
        x, width = float(rect.get("x")), float(rect.get("width"))
        top, height = float(rect.get("y")), float(rect.get("height"))
        assert abs(seconds(x)) < 1e-9, f"a bar starts at {seconds(x)} s, not at 0"
        (label,) = [text for y, text in labels if top <= y <= top + height + 4]
        bars.append((label, seconds(x + width) - seconds(x)))
    return bars, seconds(1) - seconds(0)
