"""Run one snippet file as its own process, the way a reader runs it in a terminal.

The snippet gets a pseudo-terminal for stdout and stderr: Python line-buffers a
terminal, so lines from threads and child processes interleave exactly as a reader
would see them, and both streams keep the order they were written in.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path

# Only these variables reach a snippet: the build's secrets stay out of the pages.
PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "SYSTEMROOT")
FIXED_ENV = {
    "PYTHONIOENCODING": "utf-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "TERM": "dumb",
    "COLUMNS": "80",
    "NO_COLOR": "1",
}
# Runs a snippet as __main__ after choosing the default start method (tests only)
_WITH_START_METHOD = """\
import multiprocessing, runpy, sys
path, method = sys.argv[1:]
multiprocessing.set_start_method(method)
try:
    import multiprocess
    multiprocess.set_start_method(method)
except ImportError:
    pass
sys.argv = [path]
runpy.run_path(path, run_name="__main__")
"""
OUTPUT_LIMIT = 200_000  # bytes kept; the rest is dropped and the cut is marked
EXIT_GRACE = 1.0  # seconds to wait for the terminal to close after the main process ends


@dataclass(frozen=True)
class Run:
    """What one execution of a snippet printed and how it ended."""

    output: str
    returncode: int | None  # None: killed at the timeout
    duration: float
    timed_out: bool = False
    truncated: bool = False


def run_snippet(script: Path, root: Path, timeout: float, start_method: str | None = None) -> Run:
    """Run `script` (a file under `root`) with this interpreter, from `root`.

    The whole process group is killed when the run ends, and at `timeout` seconds.
    `start_method` makes fork, spawn or forkserver the default for multiprocessing
    (and multiprocess), as it is on another platform or Python version.
    """
    relative = script.resolve().relative_to(root.resolve())
    command = [sys.executable, str(relative)]
    if start_method is not None:
        command = [sys.executable, "-c", _WITH_START_METHOD, str(relative), start_method]
    primary, secondary = pty.openpty()
    _make_raw(secondary)
    started = time.monotonic()
    proc = subprocess.Popen(
        command,
        cwd=root,
        env=_environment(),
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        start_new_session=True,  # its own process group, so one kill reaches every child
    )
    os.close(secondary)
    try:
        raw, timed_out, truncated = _collect(proc, primary, started + timeout)
    finally:
        _kill_group(proc.pid)
        proc.wait()
        os.close(primary)
    duration = time.monotonic() - started
    return Run(
        output=scrub_paths(raw.decode("utf-8", errors="replace"), root),
        returncode=None if timed_out else proc.returncode,
        duration=duration,
        timed_out=timed_out,
        truncated=truncated,
    )


def _collect(proc: subprocess.Popen, fd: int, deadline: float) -> tuple[bytes, bool, bool]:
    chunks: list[bytes] = []
    size = 0
    truncated = False
    while True:
        now = time.monotonic()
        if proc.poll() is not None:
            deadline = min(deadline, now + EXIT_GRACE)
        elif now >= deadline:
            return b"".join(chunks), True, truncated
        if now >= deadline:
            break
        ready, _, _ = select.select([fd], [], [], min(deadline - now, 0.1))
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: every process holding the terminal has closed it
            break
        if not data:
            break
        if size < OUTPUT_LIMIT:
            chunks.append(data[: OUTPUT_LIMIT - size])
        truncated = truncated or size + len(data) > OUTPUT_LIMIT
        size += len(data)
    return b"".join(chunks), False, truncated


def _make_raw(fd: int) -> None:
    """No echo and no newline translation: the bytes read are the bytes written."""
    attrs = termios.tcgetattr(fd)
    attrs[1] &= ~termios.OPOST
    attrs[3] &= ~(termios.ECHO | termios.ICANON)
    termios.tcsetattr(fd, termios.TCSANOW, attrs)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(pgid, signal.SIGKILL)


def _environment() -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
    env.update(FIXED_ENV)
    return env


def scrub_paths(text: str, root: Path, *, html: bool = False) -> str:
    """Replace the build machine's absolute paths with neutral ones.

    With `html`, `text` is markup and the neutral names are escaped.
    """
    python, venv = ("&lt;python&gt;", "&lt;venv&gt;") if html else ("<python>", "<venv>")
    replacements = {}
    for path, shown in (
        (Path.home(), "~"),
        (Path(sys.base_prefix), python),
        (Path(sys.prefix), venv),
        (root, ""),
    ):
        for variant in {path, path.resolve()}:
            replacements[f"{variant}{os.sep}"] = f"{shown}{os.sep}" if shown else ""
    for path in sorted(replacements, key=len, reverse=True):
        text = text.replace(path, replacements[path])
    return text
