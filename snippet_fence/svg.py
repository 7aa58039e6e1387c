"""Small SVG drawing helpers for figures inlined into pages.

Text and axes use `currentColor`, so they follow the page's palette; data colours are
mid-tones that stay visible on Material's light and dark backgrounds.
"""

from __future__ import annotations

import math
from html import escape

# Mid-tone colours with at least 3:1 contrast on both #ffffff and Material's slate
# background (tests/test_figures.py checks it): graphics must be visible in both palettes.
COLOURS = ("#2f7fd8", "#d9730d", "#2e9a4a", "#9c5bd4", "#d6455d", "#13949a")
FONT = 'font-family="var(--md-text-font-family, sans-serif)"'


def text(x: float, y: float, content: str, size: int = 13, anchor: str = "start", **attrs) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="currentColor"{extra}>{escape(content, quote=False)}</text>'
    )


def line(x1: float, y1: float, x2: float, y2: float, **attrs) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in attrs.items())
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"{extra}/>'


def document(uid: str, width: int, height: int, title: str, description: str, body: str) -> str:
    """An accessible inline SVG: its title and description are what a screen reader says."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" {FONT}>'
        f'<title id="{uid}-title">{escape(title, quote=False)}</title>'
        f'<desc id="{uid}-desc">{escape(description, quote=False)}</desc>'
        f"{body}</svg>"
    )


def ticks(maximum: float, wanted: int = 6) -> list[float]:
    """Round tick values from 0 to at least `maximum`: steps of 1, 2 or 5 times 10^k."""
    raw = max(maximum, 1e-9) / wanted
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if raw <= f * magnitude)
    # A hair over a round value (5.003 s) should not add a whole step
    count = max(1, math.ceil(maximum / step - 0.05))
    return [round(step * n, 10) for n in range(count + 1)]
