"""Run one snippet file as its own process, the way a reader runs it in a terminal.

The snippet gets a pseudo-terminal for stdout and stderr: Python line-buffers a
terminal, so lines from threads and child processes interleave exactly as a reader
would see them, and both streams keep the order they were written in. It runs in a
throwaway copy of the snippets folder, with empty stdin and a short list of
environment variables, and every process it started is killed when it ends.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from snippet_engine.interpreters import Interpreter
from snippet_engine.terminal import terminal_text

# Only these variables reach a snippet: the build's secrets stay out of the pages.
PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT")
FIXED_ENV = {
    "PYTHONIOENCODING": "utf-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "TERM": "dumb",
    "COLUMNS": "80",
    "NO_COLOR": "1",
}
# Inherited by every descendant, even one that leaves the process group
RUN_MARKER = "SNIPPET_RUN_ID"
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
# A program started in the background (`command &` in a script, nohup) ignores Ctrl+C,
# and so would every snippet it starts, since an ignored signal stays ignored across
# exec; a reader's terminal leaves SIGINT alone. This puts the default back before the
# snippet's own interpreter starts (in the same process: exec keeps the pid)
_DEFAULT_SIGINT = """\
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])
"""
OUTPUT_LIMIT = 200_000  # bytes kept; the rest is dropped and the cut is marked


@dataclass(frozen=True)
class Run:
    """What one execution of a snippet printed and how it ended."""

    output: str
    returncode: int | None  # None: killed at the timeout
    duration: float
    timed_out: bool = False
    truncated: bool = False
    leftovers: int = 0  # processes still running after it ended, then killed
    captured: str = ""  # when it ran, UTC
    skipped: bool = False  # not run: execution is switched off for this build


def run_snippet(
    script: Path,
    root: Path,
    timeout: float,
    start_method: str | None = None,
    pass_env: tuple[str, ...] = (),
    niceness: int = 0,
    interpreter: Interpreter | None = None,
) -> Run:
    """Run `script` (a file under `root`) as `python <path relative to root>`.

    It runs from a temporary copy of its folder, so it can't change the repository.
    Every process it started is killed when it ends, and at `timeout` seconds.
    `start_method` makes fork, spawn or forkserver the default for multiprocessing
    (and multiprocess), as it is on another platform or Python version. `pass_env`
    names variables to pass on beyond the usual few; `niceness` lowers its CPU priority.
    `interpreter` runs it with another Python than the build's.
    """
    python = interpreter.python if interpreter is not None else sys.executable
    relative = script.resolve().relative_to(root.resolve())
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
        work = Path(workdir)
        # Its own folder only: snippets stand alone, and copying is most of the
        # per-run overhead when a build starts dozens of runs at once
        shutil.copytree(root / relative.parent, work / relative.parent)
        command = [python, str(relative)]
        if start_method is not None:
            command = [python, "-c", _WITH_START_METHOD, str(relative), start_method]
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
            command = [sys.executable, "-I", "-c", _DEFAULT_SIGINT, *command]
        marker = uuid.uuid4().hex
        raw, returncode, duration, timed_out, truncated, leftovers = _execute(
            command, work, timeout, marker, pass_env, niceness
        )
        text = terminal_text(raw.decode("utf-8", errors="replace"))
        output = scrub_paths(
            scrub_paths(text, work, interpreter=interpreter), root, interpreter=interpreter
        )
    return Run(output, returncode, duration, timed_out, truncated, leftovers)


def _execute(command, cwd: Path, timeout: float, marker: str, pass_env=(), niceness=0):
    primary, secondary = pty.openpty()
    _make_raw(secondary)
    started = time.monotonic()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env={**_environment(pass_env), RUN_MARKER: marker},
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        start_new_session=True,  # its own process group: one kill reaches its children
    )
    os.close(secondary)
    if niceness:  # set right after start; whatever it starts later inherits it
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, proc.pid, niceness)
    timed_out = True
    try:
        raw, truncated, closed = _collect(primary, started + timeout)
        with contextlib.suppress(subprocess.TimeoutExpired):  # it may outlive its output
            proc.wait(timeout=max(0.0, started + timeout - time.monotonic()))
            timed_out = not closed  # else something it started still held the terminal
    finally:
        leftovers = 0
        if not timed_out:  # a helper process may take a moment to notice its parent left
            _wait_until_gone(marker, min(1.0, max(0.0, started + timeout - time.monotonic())))
            leftovers = len(_marked(marker))
        _kill_group(proc.pid)
        _kill_marked(marker)
        proc.wait()
        os.close(primary)
    duration = time.monotonic() - started
    returncode = None if timed_out else proc.returncode
    return raw, returncode, duration, timed_out, truncated, leftovers


def _collect(fd: int, deadline: float) -> tuple[bytes, bool, bool]:
    """Read until every process holding the terminal has closed it, or the deadline.

    Returns the bytes kept, whether some were dropped, and whether the terminal closed.
    """
    closed = False
    chunks: list[bytes] = []
    size = 0
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.1))
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the last writer has closed the terminal
            data = b""
        if not data:
            closed = True
            break
        if size < OUTPUT_LIMIT:
            chunks.append(data[: OUTPUT_LIMIT - size])
        size += len(data)
    return b"".join(chunks), size > OUTPUT_LIMIT, closed


def _make_raw(fd: int) -> None:
    """No echo and no newline translation: the bytes read are the bytes written."""
    attrs = termios.tcgetattr(fd)
    attrs[1] &= ~termios.OPOST
    attrs[3] &= ~(termios.ECHO | termios.ICANON)
    termios.tcsetattr(fd, termios.TCSANOW, attrs)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(pgid, signal.SIGKILL)


def _wait_until_gone(marker: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while _marked(marker) and time.monotonic() < deadline:
        time.sleep(0.05)


def _kill_marked(marker: str) -> None:
    """Kill the processes that carry the run's marker, including any that left the group."""
    killed: set[int] = set()
    for _ in range(5):  # a process may fork while its siblings are being killed
        found = [pid for pid in _marked(marker) if pid not in killed]
        if not found:
            break
        for pid in found:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
            killed.add(pid)
        time.sleep(0.05)


def _marked(marker: str) -> list[int]:
    needle = f"{RUN_MARKER}={marker}".encode()
    pids = []
    for entry in Path("/proc").glob("[0-9]*"):  # Linux; elsewhere the group kill remains
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":  # zombies are already dead
                    pids.append(int(entry.name))
        except (OSError, IndexError):
            continue
    return pids


def _environment(pass_env: tuple[str, ...] = ()) -> dict[str, str]:
    names = (*PASSED_ENV, *pass_env)
    env = {name: os.environ[name] for name in names if name in os.environ}
    env.update(FIXED_ENV)
    return env


def scrub_paths(
    text: str, root: Path, *, html: bool = False, interpreter: Interpreter | None = None
) -> str:
    """Replace the build machine's absolute paths with neutral ones.

    With `html`, `text` is markup and the neutral names are escaped. The paths of
    `interpreter`, when given, are replaced as the build's own are.
    """
    python, venv = ("&lt;python&gt;", "&lt;venv&gt;") if html else ("<python>", "<venv>")
    prefixes = [(Path(sys.base_prefix), python), (Path(sys.prefix), venv)]
    if interpreter is not None:
        prefixes += [(Path(interpreter.base_prefix), python), (Path(interpreter.prefix), venv)]
    replacements = {}
    for path, shown in ((Path.home(), "~"), *prefixes, (root, "")):
        for variant in {path, path.resolve()}:
            replacements[f"{variant}{os.sep}"] = f"{shown}{os.sep}" if shown else ""
    for path in sorted(replacements, key=len, reverse=True):
        text = text.replace(path, replacements[path])
    return text
