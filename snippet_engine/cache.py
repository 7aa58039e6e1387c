"""Snippet runs kept on disk between builds.

An entry is keyed by everything that can change a run's output: the snippet's path and
source, the run number and timeout, the values of the variables passed through to it,
the interpreter (the build's or another, see interpreters.py) and platform, and the runner's own
code. A snippet stands alone (it imports nothing from its neighbours), so editing one
snippet re-runs that snippet only. Entries are written atomically; one that can't be
read back as what its name promises is ignored, and the snippet runs again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from snippet_engine import process, terminal
from snippet_engine.process import Run

_RUNNER_SOURCE = b"".join(Path(m.__file__).read_bytes() for m in (process, terminal))
_FIELDS = {field.name for field in dataclasses.fields(Run)}


class RunCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(
        self,
        script: Path,
        name: str,
        number: int,
        timeout: float,
        pass_env: tuple = (),
        interpreter: str | None = None,  # Interpreter.identity; None: the build's
        start_method: str | None = None,  # None: the interpreter's default
    ) -> str:
        digest = hashlib.sha256()
        for part in (
            name,
            str(number),
            repr(timeout),
            # Values too: a build against a real Dask cluster prints other output
            repr(sorted((variable, os.environ.get(variable)) for variable in pass_env)),
            interpreter or sys.version,
            sys.platform,
            platform.machine(),
        ):
            digest.update(part.encode() + b"\0")
        if start_method is not None:  # leaves the keys of the build's runs as they were
            digest.update(f"start method {start_method}".encode() + b"\0")
        digest.update(_RUNNER_SOURCE)
        digest.update(script.read_bytes())
        return digest.hexdigest()

    def load(self, key: str) -> Run | None:
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            if entry["key"] != key or set(entry["run"]) != _FIELDS:
                return None
            return Run(**entry["run"])
        except (OSError, ValueError, KeyError, TypeError):  # missing, truncated, corrupt
            return None

    def save(self, key: str, run: Run) -> None:
        text = json.dumps({"key": key, "run": dataclasses.asdict(run)}, ensure_ascii=False)
        write_atomically(self.folder / f"{key}.json", text)


def write_atomically(path: Path, text: str) -> None:
    """Write aside, then rename: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
