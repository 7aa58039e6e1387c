"""The runs the suite makes beyond the build's, and how it makes them all at once.

Two kinds: each snippet that starts processes under the start methods its interpreter
doesn't default to (the build's Python), and every snippet with each other Python that
mkdocs.yml names and this machine has (its default method). They go through the
build's own RunStore: the snippets that mostly wait run together, the measuring ones
alone after them, so the whole lot takes little more than its measuring runs.
"""

from __future__ import annotations

import multiprocessing
import re

from snippet_engine import interpreters
from snippet_engine.interpreters import Interpreter, Unavailable
from snippet_engine.project import read_settings
from snippet_engine.store import Job, RunStore
from tests.conftest import ThisSessionsRuns
from tests.pages import ROOT, SNIPPETS, fences_by_snippet, measuring_snippets, snippet_files

NAMES = [path.relative_to(SNIPPETS).as_posix() for path in snippet_files()]
SETTINGS, _ = read_settings(ROOT / "mkdocs.yml")  # the snippets plugin's, as a build's
DEFAULT_TIMEOUT = SETTINGS.timeout
PASSED_TO_SNIPPETS = SETTINGS.pass_env  # part of every cache key
CACHE = ROOT / SETTINGS.cache_dir


def session_store(workers: int = 0) -> RunStore:
    """A store over this session's runs, keyed as the build keys them."""
    return RunStore(
        ROOT,
        ThisSessionsRuns(CACHE),
        read_cache=True,
        execute=True,
        workers=workers,
        pass_env=PASSED_TO_SNIPPETS,
    )


# --- start methods, on the build's Python ---

PROCESS_APIS = ("multiprocessing", "multiprocess", "ProcessPoolExecutor", "os.fork")
# The interpreter's default method is what the build's run (test_snippets.py) covers
OTHER_METHODS = [
    method
    for method in ("fork", "spawn", "forkserver")
    if method != multiprocessing.get_start_method()
]
# Creating a process, pool or manager without naming a start method: such a snippet
# follows the default method, which the runs below change
DEFAULT_METHOD_API = re.compile(
    r"\bProcessPoolExecutor\((?![^)]*mp_context)"
    r"|\bmultiprocess(?:ing)?\.(?:Process|Pool|Manager|Queue)\("
    r"|^from multiprocess(?:ing)? import .*\b(?:Process|Pool|Manager|Queue)\b",
    re.M,
)


def starts_processes(name: str) -> bool:
    source = (SNIPPETS / name).read_text(encoding="utf-8")
    return any(api in source for api in PROCESS_APIS)


def follows_the_default_method(name: str) -> bool:
    source = (SNIPPETS / name).read_text(encoding="utf-8")
    return "get_context(" not in source or DEFAULT_METHOD_API.search(source) is not None


# --- other Pythons ---

OTHER_PYTHONS = [name for name in SETTINGS.interpreters if not interpreters.is_current(name)]
# Finding one takes uv milliseconds; making its environment waits for the first test
WHERE = {name: interpreters.locate(name) for name in OTHER_PYTHONS}
FOUND = [name for name in OTHER_PYTHONS if not isinstance(WHERE[name], Unavailable)]
# A measuring (exclusive) snippet runs for seconds to tens of seconds, alone: all 18 of
# them take about 95 s per Python on a 2-CPU machine. So each gets two runs beyond the
# build's, not one per Python: with the last other Python mkdocs.yml names that is here
# (the newest, as it lists them), under spawn, which pickles the target and imports
# the main module again as forkserver does; without another Python, under spawn with
# the build's. The suite then stays within its 15 minutes.
SPAWN_FOR_MEASURING = "spawn" if "spawn" in OTHER_METHODS else None
LAST = FOUND[-1] if FOUND else None


def methods_for(name: str) -> list[str]:
    """The start methods `name` runs under with the build's Python, beyond its default."""
    # A snippet that names the start method of everything it starts (the 059 ones that
    # compare methods or show one method's failure) does the same under every default:
    # the build's run is all it needs
    if not follows_the_default_method(name):
        return []
    if name in measuring_snippets():
        return [SPAWN_FOR_MEASURING] if SPAWN_FOR_MEASURING and not LAST else []
    return OTHER_METHODS


def pythons_for(name: str) -> list[str]:
    """The other Pythons that run `name`: every one found, or the last for a measuring one."""
    if name in measuring_snippets():
        return [LAST] if LAST else []
    return FOUND


def method_with(name: str, python: str) -> str | None:
    """The start method `name` runs under with another Python: its default, but see above."""
    measured = name in measuring_snippets() and follows_the_default_method(name)
    return SPAWN_FOR_MEASURING if measured else None


PROCESS_SNIPPETS = [name for name in NAMES if starts_processes(name)]
PYTHON_RUNS = [(name, python) for python in FOUND for name in NAMES if python in pythons_for(name)]
METHOD_RUNS = [(name, method) for name in PROCESS_SNIPPETS for method in methods_for(name)]


def job(name: str, python: Interpreter | None = None, method: str | None = None) -> Job:
    options = fences_by_snippet()[name][0].options
    timeout = options.timeout or DEFAULT_TIMEOUT
    return Job(SNIPPETS / name, 1, timeout, name in measuring_snippets(), python, method)


def make_runs(pythons: dict[str, Interpreter | Unavailable]) -> RunStore:
    """Every run beyond the build's, made now; `get(job(...))` then reads one.

    A run this session's build already made (a versions="all" block) is reused.
    """
    python_jobs = [
        job(name, python, method_with(name, python.name))
        for python in pythons.values()
        if isinstance(python, Interpreter)
        for name in NAMES
        if python.name in pythons_for(name)
    ]
    method_jobs = [job(name, method=method) for name, method in METHOD_RUNS]
    # Other Pythons' default method is fork on Linux, cheap as in a build: many at once.
    # Spawn and forkserver start a fresh interpreter per worker: a few at a time, or
    # starting them would take the seconds the snippets measure
    for jobs, workers in ((python_jobs, 32), (method_jobs, 3)):
        store = session_store(workers)
        store.prefetch(jobs)
    return store
