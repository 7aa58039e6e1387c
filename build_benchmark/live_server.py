"""`mkdocs serve --dirty` on a throwaway copy of the project, as `make serve` runs it.

For the benchmark and the tests of the author's loop: they edit the copy, never the
working tree, and wait for a page to show the edit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

# What a build reads, and the runs cached, so that the copy's first build reuses them
PROJECT_PARTS = (
    "mkdocs.yml",
    "docs",
    "snippets",
    "overrides",
    "snippet_engine",
    "snippet_fence",
    "site_plugins",
    ".cache/snippets",
    ".cache/notebooks",
)


def copy_project(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.tmp", ".#*")
            shutil.copytree(source / part, target / part, ignore=ignore, dirs_exist_ok=True)
        elif (source / part).is_file():
            shutil.copy2(source / part, target / part)
    return target


class LiveServer:
    """`with LiveServer(project) as server:` serves `project` until the block ends.

    `python -m mkdocs` from the project folder: the copy's own packages run,
    so an edit to it is an edit to the server's code.
    """

    def __init__(self, project: Path) -> None:
        self.project = project
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        # A file, as a pipe could fill up; the server appends to it, `log` reads it afresh
        handle, name = tempfile.mkstemp(prefix="mkdocs-serve-", suffix=".log")
        os.close(handle)
        self._log_path = Path(name)
        env = {k: v for k, v in os.environ.items() if k not in ("CI", "SNIPPETS_FRESH")}
        with self._log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                cwd=project,
                env={**env, "NO_MKDOCS_2_WARNING": "1"},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *_) -> None:
        # Ctrl+C, as an author stops it: MkDocs then removes its temporary site folder
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_path.unlink(missing_ok=True)

    @property
    def log(self) -> str:
        return self._log_path.read_text(encoding="utf-8", errors="replace")

    def page(self, path: str) -> str:
        """The page's HTML now; "" while the server is not answering."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_idle(self, seconds: float) -> None:
        """Until every rebuild the server started has ended (MkDocs logs both ends)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            # A process's first build ends with "Serving on" (a restart begins another)
            served, _, since = self.log.rpartition("Serving on")
            ended = since.count("Reloading browsers") + since.count("error happened during")
            if served and since.count("Building documentation...") == ended:
                return
            time.sleep(0.05)
        raise TimeoutError(f"the server was still rebuilding after {seconds:g} s")

    def wait_for(self, path: str, text: str, seconds: float, *, gone: bool = False) -> str:
        """The page once it shows `text` (or, with `gone`, no longer does).

        TimeoutError with the page and the server's log if that does not happen in time.
        """
        deadline = time.monotonic() + seconds
        page = ""
        while time.monotonic() < deadline:
            page = self.page(path)
            if page and (text in page) != gone:
                return page
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise TimeoutError(
            f"{text!r} did not {'go from' if gone else 'appear at'} {path} within {seconds:g} s"
            f" (server exit code: {self.process.poll()});\n"
            f"page tail:\n{page[-1500:]}\nserver log tail:\n{self.log[-3000:]}"
        )
