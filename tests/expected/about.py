"""The home page's build information."""

import re

from tests.expected import invariant


@invariant("about/build_info.py")
def build_info_names_python_os_cpus_and_date(output: str) -> None:
    patterns = [
        r"Python 3\.\d+\.\d+\S* \(\w+\)",
        r"GIL enabled: (True|False)",
        r"OS: \w+ \S+ \(\w+\)",
        r"CPUs: \d+",
        r"date \(UTC\): \d{4}-\d\d-\d\d \d\d:\d\d",
    ]
    lines = output.splitlines()
    assert len(lines) == len(patterns)
    for line, pattern in zip(lines, patterns, strict=True):
        assert re.fullmatch(pattern, line), (line, pattern)
