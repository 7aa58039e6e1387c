"""How each snippet's output is checked.

Deterministic output is compared exactly with a golden file under tests/golden/
(`pytest --update-examples` rewrites them). Output that varies from run to run
(timings, thread order) is checked instead by the invariants its page states,
registered here with `@invariant("chapter/file.py")`. What a page says about several
runs of one block ("compare the tabs: the order changes") is checked on all of the
block's runs together, registered with `@across_runs("chapter/file.py")`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.pages import ROOT

GOLDEN = ROOT / "tests" / "golden"
INVARIANTS: dict[str, Callable[[str], None]] = {}
ACROSS_RUNS: dict[str, Callable[[list[str]], None]] = {}


def invariant(snippet: str):
    def register(check: Callable[[str], None]) -> Callable[[str], None]:
        assert snippet not in INVARIANTS, f"two invariants for {snippet}"
        INVARIANTS[snippet] = check
        return check

    return register


def across_runs(snippet: str):
    def register(check: Callable[[list[str]], None]) -> Callable[[list[str]], None]:
        assert snippet not in ACROSS_RUNS, f"two across-runs checks for {snippet}"
        ACROSS_RUNS[snippet] = check
        return check

    return register


def golden_file(snippet: str):
    return GOLDEN / snippet.replace(".py", ".txt")


def check_output(snippet: str, output: str, *, update: bool = False) -> None:
    if snippet in INVARIANTS:
        try:
            INVARIANTS[snippet](output)
        except AssertionError as error:
            # The whole output, untruncated: a varying output is seen only once
            raise AssertionError(f"{error}\n--- what {snippet} printed ---\n{output}") from error
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


def cpus(output: str) -> tuple[int, int]:
    """(usable CPUs, os.cpu_count()) from the line the measuring snippets print."""
    match = re.search(r"^usable CPUs: (\d+) \(os\.cpu_count\(\) says (\d+)\)$", output, re.M)
    assert match, f"no usable CPUs line in:\n{output}"
    usable, machine = int(match[1]), int(match[2])
    assert 1 <= usable <= machine, "affinity can only take CPUs away"
    return usable, machine


def gil_enabled(output: str) -> bool:
    """What the measuring snippets' `GIL enabled: ...` line says."""
    match = re.search(r"^GIL enabled: (True|False)$", output, re.M)
    assert match, "the build the threads ran on"
    return match[1] == "True"


def pool_cpus(output: str) -> int:
    """The CPU count a pool's default size follows on the Python the output names:
    os.cpu_count() up to 3.12, os.process_cpu_count() (the usable CPUs) from 3.13."""
    minor = number(r"^Python 3\.(\d+)$", output)
    usable, machine = cpus(output)
    return usable if minor >= 13 else machine


from tests.expected import (  # noqa: E402,F401  (they register invariants)
    about,
    ch053,
    ch054,
    ch055,
    ch056,
    ch057,
    ch058,
    ch059,
    ch060,
    ch061,
    ch062,
    ch063,
    ch064,
)
