"""The Pythons a build runs snippets with besides its own.

`mkdocs.yml` names them as `interpreters: ["3.12", "3.13", "3.14t"]` (a trailing `t`:
the free-threaded build). uv's finder looks for each, never downloading one: uv's own
installations (`uv python install 3.14`), pyenv's and the `PATH`. Each one found gets
an environment made from the project's `requirements.lock` (this project installed in
it too) under `.cache/interpreters/<name>/` on first use, and remade when the lock
changes, so its snippets import what the build's do. Every site this plugin builds, a
test's throwaway one included, shares those environments.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

NAME = re.compile(r"(3)\.(\d{1,2})(t?)")
PROJECT = Path(__file__).resolve().parent.parent  # holds the lock (an editable install)
ENVIRONMENTS = PROJECT / ".cache" / "interpreters"
_DESCRIBE = (
    "import json, platform, sys, sysconfig; print(json.dumps([platform.python_version(), "
    "bool(sysconfig.get_config_var('Py_GIL_DISABLED')), sys.version, sys.prefix, "
    "sys.base_prefix]))"
)


class InterpreterError(ValueError):
    """A name in `interpreters:` that is not a version such as 3.13 or 3.14t."""


@dataclass(frozen=True)
class Interpreter:
    name: str  # as mkdocs.yml names it: "3.13", "3.14t"
    python: str  # the executable snippets run with
    version: str  # "3.13.0"
    free_threaded: bool
    identity: str  # what a cached run is keyed by: sys.version and where it lives
    prefix: str
    base_prefix: str

    @property
    def label(self) -> str:
        return f"{self.version} free-threaded" if self.free_threaded else self.version

    @property
    def order(self) -> tuple[int, ...]:
        return (*map(int, self.version.split(".")[:3]), self.free_threaded)


@dataclass(frozen=True)
class Unavailable:
    name: str
    reason: str  # e.g. uv's "No interpreter found for Python 3.14 ..."
    found: bool = False  # found, but its environment could not be made


def check_names(names: list[str]) -> None:
    for name in names:
        if not NAME.fullmatch(name):
            raise InterpreterError(
                f"interpreters: {name!r}: expected a version such as '3.13', or '3.14t' "
                "for a free-threaded build"
            )


@functools.cache
def current() -> Interpreter:
    """The build's own interpreter: the one that runs every snippet a page shows."""
    return _describe("", sys.executable)


def by_version(others: list[Interpreter]) -> list[Interpreter]:
    """The build's own Python and `others`, oldest first: the order of version tabs."""
    return sorted([current(), *others], key=lambda interpreter: interpreter.order)


def is_current(name: str) -> bool:
    major, minor, threaded = NAME.fullmatch(name).groups()
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    return sys.version_info[:2] == (int(major), int(minor)) and bool(threaded) == free_threaded


def locate(name: str) -> str | Unavailable:
    """The base interpreter uv finds for `name`, or why there is none. Never downloads."""
    uv = _uv()
    if uv is None:
        return Unavailable(name, "uv is not installed in the build's environment")
    result = subprocess.run(
        [uv, "python", "find", "--system", "--no-project", "--no-config", name],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": _search_path(name), "UV_PYTHON_DOWNLOADS": "never"},
        timeout=60,
    )
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        return Unavailable(name, lines[0].removeprefix("error: ") if lines else "not found")
    return result.stdout.strip()


def prepare(name: str) -> Interpreter | Unavailable:
    """`name` with its environment made (or reused), ready to run snippets."""
    if is_current(name):
        return current()
    base = locate(name)
    if isinstance(base, Unavailable):
        return base
    folder = ENVIRONMENTS / name
    folder.parent.mkdir(parents=True, exist_ok=True)
    # A build and a test session may prepare the same environment at once
    with open(folder.parent / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            _make_environment(folder, base)
        except (OSError, subprocess.SubprocessError) as error:
            return Unavailable(name, f"its environment could not be made: {error}", found=True)
    return _describe(name, str(folder / "bin" / "python"))


def _make_environment(folder: Path, base: str) -> None:
    stamp = folder / ".installed"
    wanted = _digest(base)
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    shutil.rmtree(folder, ignore_errors=True)
    uv = _uv()
    quiet = {"capture_output": True, "text": True, "check": True, "timeout": 900}
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    try:
        make = [uv, "venv", "--no-project", "--python", base, str(folder)]
        subprocess.run(make, env=env, **quiet)
        python = str(folder / "bin" / "python")
        lock = str(PROJECT / "requirements.lock")
        install = [uv, "pip", "install", "--python", python]
        subprocess.run([*install, "--require-hashes", "-r", lock], env=env, **quiet)
        # The project itself too: the site can then be built with this interpreter
        subprocess.run([*install, "--no-deps", "-e", str(PROJECT)], env=env, **quiet)
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or "").strip().splitlines()[-3:]
        raise subprocess.SubprocessError(" ".join(detail) or str(error)) from None
    stamp.write_text(wanted)


def _digest(base: str) -> str:
    digest = hashlib.sha256(base.encode())
    for file in ("requirements.lock", "pyproject.toml"):
        digest.update((PROJECT / file).read_bytes())
    return digest.hexdigest()


def _describe(name: str, python: str) -> Interpreter:
    version, free_threaded, full, prefix, base_prefix = json.loads(
        subprocess.run(
            [python, "-I", "-c", _DESCRIBE], capture_output=True, text=True, check=True, timeout=60
        ).stdout
    )
    return Interpreter(
        name=name or f"{sys.version_info[0]}.{sys.version_info[1]}",
        python=python,
        version=version,
        free_threaded=free_threaded,
        identity=full if not name else f"{full}\0{python}",
        prefix=prefix,
        base_prefix=base_prefix,
    )


def _uv() -> str | None:
    with contextlib.suppress(ImportError, FileNotFoundError):
        from uv import find_uv_bin

        return find_uv_bin()
    return shutil.which("uv")


def _search_path(name: str) -> str:
    """The PATH uv searches: pyenv's versions of that minor version, then the PATH itself.

    pyenv's shims are left out: a shim for a version that is installed but not selected
    fails when run, and uv then stops its search.
    """
    major, minor, _ = NAME.fullmatch(name).groups()
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = sorted(pyenv.glob(f"{major}.{minor}.*/bin")) if pyenv.is_dir() else []
    rest = [
        entry
        for entry in os.environ.get("PATH", "").split(os.pathsep)
        if entry and Path(entry).name != "shims"
    ]
    return os.pathsep.join([*map(str, found), *rest])
