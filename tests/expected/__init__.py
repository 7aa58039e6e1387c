"""How each snippet's output is checked.

Deterministic output is compared exactly with a golden file under tests/golden/
(`pytest --update-examples` rewrites them). Output that varies from run to run
(timings, thread order) is checked instead by the invariants its page states,
registered here with `@invariant("chapter/file.py")`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.pages import ROOT

GOLDEN = ROOT / "tests" / "golden"
INVARIANTS: dict[str, Callable[[str], None]] = {}


def invariant(snippet: str):
    def register(check: Callable[[str], None]) -> Callable[[str], None]:
        assert snippet not in INVARIANTS, f"two invariants for {snippet}"
        INVARIANTS[snippet] = check
        return check

    return register


def golden_file(snippet: str):
    return GOLDEN / snippet.replace(".py", ".txt")


def check_output(snippet: str, output: str, *, update: bool = False) -> None:
    if snippet in INVARIANTS:
        INVARIANTS[snippet](output)
        return
    golden = golden_file(snippet)
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
        return
    assert golden.exists(), (
        f"{snippet} has no invariant and no golden file {golden.relative_to(ROOT)}; "
        "for deterministic output run `pytest --update-examples` once"
    )
    assert output == golden.read_text(encoding="utf-8")


def number(pattern: str, text: str) -> float:
    """The number captured by `pattern` (one group) on a line of `text`."""
    match = re.search(pattern, text, re.M)
    assert match, f"no line matches {pattern!r} in:\n{text}"
    return float(match[1])


from tests.expected import (  # noqa: E402,F401  (they register invariants)
    about,
    ch053,
    ch054,
    ch055,
    ch056,
    ch057,
    ch058,
)
