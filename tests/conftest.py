from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from snippet_engine.cache import RunCache
from snippet_engine.process import Run
from tests.pages import ROOT

SESSION_STARTED = time.time()  # cache entries written after this come from this session
# Named semaphores and shared memory blocks live here on Linux until unlinked: no
# snippet, notebook or build may leave any behind, even one that fails on purpose
SHARED_MEMORY = Path("/dev/shm")
LEFT_IN_SHARED_MEMORY = "left-in-dev-shm.txt"  # written next to the built site


class ThisSessionsRuns(RunCache):
    """The snippet cache, minus what earlier sessions left: a test checks a fresh run."""

    def load(self, key: str) -> Run | None:
        entry = self.folder / f"{key}.json"
        if not entry.is_file() or entry.stat().st_mtime < SESSION_STARTED:
            return None
        return super().load(key)


def shared_memory_entries() -> set[str]:
    return set(os.listdir(SHARED_MEMORY)) if SHARED_MEMORY.is_dir() else set()


def mkdocs_build(
    config: Path,
    site_dir: Path,
    timeout: float = 600,
    *,
    fresh: bool = True,
    python: str = sys.executable,
    generator: str = "mkdocs",
    **env_vars: str,
):
    """`mkdocs build --strict` in a child process, as an author or CI runs it.

    `fresh` (the default) runs every snippet again; without it the build may use outputs
    cached by an earlier one, as an author's build does. `python` and `generator`
    ("properdocs") choose another environment or another MkDocs. Keyword arguments set
    environment variables (`SITE_URL="..."`).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "SNIPPETS_FRESH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if fresh:
        env["SNIPPETS_FRESH"] = "1"
    env.update(env_vars)
    return subprocess.run(
        [
            python,
            "-m",
            generator,
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
        ],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def processes_running(tag: str) -> list[str]:
    """Live processes whose command line holds `tag`, as "pid: command line" (Linux).

    Zombies are left out: they are already dead.
    """
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if tag in cmdline and state != "Z":
            found.append(f"{entry.name}: {cmdline}")
    return found


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once for the whole session."""
    site = tmp_path_factory.mktemp("site")
    before = shared_memory_entries()
    result = mkdocs_build(ROOT / "mkdocs.yml", site)
    left = sorted(shared_memory_entries() - before)
    assert result.returncode == 0, result.stdout + result.stderr
    (site / "build.log").write_text(result.stderr, encoding="utf-8")
    (site.parent / LEFT_IN_SHARED_MEMORY).write_text("\n".join(left), encoding="utf-8")
    return site


@pytest.fixture
def update_examples(request) -> bool:
    return bool(request.config.getoption("update_examples"))


@pytest.fixture(scope="session")
def other_pythons():
    """Each other Python mkdocs.yml names that uv finds here, its environment made."""
    from snippet_engine import interpreters
    from tests.more_runs import FOUND

    return {name: interpreters.prepare(name) for name in FOUND}


@pytest.fixture(scope="session")
def more_runs(other_pythons):
    """The runs beyond the build's (tests/more_runs.py), all made before the first is read,
    and what they left in /dev/shm."""
    from tests.more_runs import make_runs

    before = shared_memory_entries()
    store = make_runs(other_pythons)
    return store, sorted(shared_memory_entries() - before)
