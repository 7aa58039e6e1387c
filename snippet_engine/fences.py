"""Find the `snippet` fences of a Markdown page without rendering it.

The plugin checks every fence this way before anything runs, and the tests use the
same reading to know what each page shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from snippet_engine.options import FenceOptions, OptionError

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```snippet(?P<header>[^\n]*)\n(?P<body>.*?)\n(?P=indent)```[ \t]*$",
    re.M | re.S,
)
_OPTION = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Fence:
    line: int  # 1-based line of the opening ```
    snippet: str  # the path under snippets/, as written
    header: str  # the options as written
    options: FenceOptions | None  # None when they don't parse
    error: str | None = None


def find_fences(markdown: str) -> list[Fence]:
    found = []
    for match in _FENCE.finditer(markdown):
        header = match["header"].strip()
        line = markdown.count("\n", 0, match.start()) + 1
        try:
            options, error = FenceOptions.parse(dict(_OPTION.findall(header))), None
        except OptionError as problem:
            options, error = None, str(problem)
        found.append(Fence(line, match["body"].strip(), header, options, error))
    return found
