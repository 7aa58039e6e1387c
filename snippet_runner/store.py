"""Remember each run for the length of one build, so both languages show the same run."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from snippet_runner.process import Run, run_snippet

log = get_plugin_logger("snippets")


class RunStore:
    """Runs each distinct (snippet, run number) once per build, however many pages show it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._runs: dict[tuple[str, str, int, float], Run] = {}

    def get(self, script: Path, number: int, timeout: float) -> Run:
        digest = hashlib.sha256(script.read_bytes()).hexdigest()
        key = (str(script), digest, number, timeout)
        if key not in self._runs:
            run = run_snippet(script, self.root, timeout)
            log.info(
                "ran %s (run %d) in %.2f s", script.relative_to(self.root), number, run.duration
            )
            self._runs[key] = run
        return self._runs[key]

    def clear(self) -> None:
        self._runs.clear()
