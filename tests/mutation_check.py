"""Plant known bugs one at a time in a throwaway copy and run the tests that guard each.

`make mutation-check` (or `.venv/bin/python -m tests.mutation_check`). Each bug is a
plausible one-line mistake in the engine; the tests named with it must fail once it is
planted. Prints caught or survived per bug, and exits 1 if any survived or if the tests
fail before any bug is planted. Only fast tests (no full site build): a few minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from build_benchmark.live_server import copy_project

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Bug:
    what: str
    file: str
    old: str  # must occur exactly once in the file
    new: str
    tests: tuple[str, ...]  # pytest arguments


BUGS = [
    Bug(
        "snippets left ignoring Ctrl+C when the build does",
        "snippet_engine/process.py",
        "        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:\n",
        "        if False:\n",
        ("tests/test_runner.py", "-k", "ctrl_c"),
    ),
    Bug(
        "the process-group kill removed",
        "snippet_engine/process.py",
        "        _kill_group(proc.pid)\n",
        "",
        ("tests/test_runner.py", "-k", "marker"),
    ),
    Bug(
        "a timed-out snippet never killed",
        "snippet_engine/process.py",
        "        _kill_group(proc.pid)\n        _kill_marked(marker)\n",
        "",
        ("tests/test_runner.py", "-k", "killed_at_once"),
    ),
    Bug(
        "a detached process left running",
        "snippet_engine/process.py",
        "        _kill_marked(marker)\n",
        "",
        ("tests/test_failures.py", "-k", "naming_page and daemon"),
    ),
    Bug(
        "the run number left out of the cache key",
        "snippet_engine/cache.py",
        "            str(number),\n",
        "",
        ("tests/test_cache.py", "-k", "run_of_its_own"),
    ),
    Bug(
        "another Python's runs cached as the build's",
        "snippet_engine/cache.py",
        "            interpreter or sys.version,\n",
        "            sys.version,\n",
        ("tests/test_cache.py", "-k", "interpreter_and_the_start_method"),
    ),
    Bug(
        "the start method left out of the cache key",
        "snippet_engine/cache.py",
        "        if start_method is not None:",
        "        if False:",
        ("tests/test_cache.py", "-k", "interpreter_and_the_start_method"),
    ),
    Bug(
        "a versions block's other Pythons run with the build's",
        "snippet_engine/process.py",
        "    python = interpreter.python if interpreter is not None else sys.executable\n",
        "    python = sys.executable\n",
        ("tests/test_failures.py", "-k", "another_python"),
    ),
    Bug(
        "the snippet's source left out of the cache key",
        "snippet_engine/cache.py",
        "        digest.update(script.read_bytes())\n",
        "",
        ("tests/test_cache.py", "-k", "edit_reruns"),
    ),
    Bug(
        "the speed-up figure's panels swapped",
        "snippet_fence/figures.py",
        "        title = _title(WORKS, work, language)\n",
        "        title = _title(WORKS, works[-1 - panel], language)\n",
        ("tests/test_figures.py",),
    ),
    Bug(
        "the speed-up figure's series swapped",
        "snippet_fence/figures.py",
        "            colour = svg.COLOURS[n % len(svg.COLOURS)]\n            points",
        "            colour = svg.COLOURS[(n + 1) % len(executors)]\n            points",
        ("tests/test_figures.py",),
    ),
    Bug(
        "the CPU line drawn one worker off",
        "snippet_fence/figures.py",
        "                    x(cpus),\n                    top,\n",
        "                    x(cpus + 1),\n                    top,\n",
        ("tests/test_figures.py",),
    ),
    Bug(
        "the virtualenv's path not scrubbed",
        "snippet_engine/process.py",
        "        (Path(sys.prefix), venv),\n",
        "",
        ("tests/test_runner.py", "-k", "scrubbed"),
    ),
    Bug(
        "the home folder not scrubbed",
        "snippet_engine/process.py",
        '        (Path.home(), "~"),\n',
        "",
        ("tests/test_runner.py", "-k", "scrubbed"),
    ),
    Bug(
        "output not escaped",
        "snippet_fence/render.py",
        "{escape(run.output, quote=False)}</samp>",
        "{run.output}</samp>",
        ("tests/test_failures.py", "-k", "escaped"),
    ),
    Bug(
        "a non-zero exit taken for success",
        "snippet_engine/options.py",
        "        return not run.timed_out and run.returncode == 0\n",
        "        return not run.timed_out\n",
        ("tests/test_failures.py", "-k", "naming_page"),
    ),
    Bug(
        "an unknown fence option accepted",
        "snippet_engine/options.py",
        "        if inputs:\n",
        "        if False:\n",
        ("tests/test_failures.py", "-k", "before_anything_runs"),
    ),
    Bug(
        "colour codes left in the output",
        "snippet_engine/terminal.py",
        '    text = _ESCAPES.sub("", text)\n',
        "",
        ("tests/test_failures.py", "-k", "hostile"),
    ),
    Bug(
        "an edited snippet not rendered again under mkdocs serve --dirty",
        "site_plugins/dirty.py",
        "                file.is_modified = _always",
        "                pass",
        ("tests/test_failures.py", "-k", "serve"),
    ),
]


def pytest(project: Path, arguments: tuple[str, ...]) -> tuple[bool, float]:
    """Whether the tests passed, and how long they took.

    Anything but passing or failing tests (no test selected, a usage error) is an error
    in this list, not a caught bug.
    """
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *arguments],
        cwd=project,
        # The copy's packages, also in the builds the tests start from other folders
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode not in (0, 1):
        sys.exit(
            f"pytest {' '.join(arguments)} exited with {done.returncode}:\n{done.stdout[-2000:]}"
        )
    return done.returncode == 0, time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mutation-check-") as folder:
        project = copy_project(ROOT, Path(folder) / "project")
        shutil.copytree(
            ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
        every_test = tuple(dict.fromkeys(t for bug in BUGS for t in bug.tests if t.endswith(".py")))
        # The copy is no git repository
        not_git = ("--deselect", "tests/test_cache.py::test_cache_folder_is_ignored_by_git")
        passed, seconds = pytest(project, every_test + not_git)
        print(f"{'passed' if passed else 'FAILED':>8}  unchanged code ({seconds:.0f} s)")
        if not passed:
            return 1
        survivors = 0
        for bug in BUGS:
            path = project / bug.file
            source = path.read_text(encoding="utf-8")
            if source.count(bug.old) != 1:
                print(f"   STALE  {bug.what}: the text to change is not in {bug.file} once")
                survivors += 1
                continue
            path.write_text(source.replace(bug.old, bug.new), encoding="utf-8")
            try:
                passed, seconds = pytest(project, bug.tests)
            finally:
                path.write_text(source, encoding="utf-8")
            survivors += passed
            verdict = "SURVIVED" if passed else "caught"
            print(f"{verdict:>8}  {bug.what} ({' '.join(bug.tests)}; {seconds:.0f} s)")
        print(f"\n{len(BUGS) - survivors} of {len(BUGS)} planted bugs caught")
        return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
