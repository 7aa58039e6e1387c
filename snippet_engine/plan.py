"""What the pages need run: every `snippet` fence of every page, checked, as jobs.

The MkDocs plugin plans this way before any page renders, and so does
`python -m snippet_engine run` without MkDocs: both give the store the same jobs, so a
run made by one is the run the other shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from snippet_engine.fences import find_fences
from snippet_engine.interpreters import Interpreter, by_version, current
from snippet_engine.options import FenceOptions, OptionError
from snippet_engine.store import Job, RunStore


@dataclass(frozen=True)
class PlannedFence:
    page: str
    line: int
    snippet: str  # the path under snippets/
    options: FenceOptions
    jobs: tuple[Job, ...]


@dataclass
class Plan:
    fences: list[PlannedFence] = field(default_factory=list)
    # "docs/en/threads.md:42: unknown option(s): colour", for each broken fence
    problems: list[str] = field(default_factory=list)
    # page -> the cache keys of the runs it shows (a broken fence's error in its place)
    shows: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def jobs(self) -> list[Job]:
        """Every run the pages need, in page order."""
        return [job for fence in self.fences for job in fence.jobs]


def plan_pages(
    pages: Iterable[tuple[str, Path]],
    snippets_dir: Path,
    store: RunStore,
    default_timeout: float,
    others: Iterable[Interpreter] = (),
) -> Plan:
    """`pages`: (name for messages, Markdown file). `others`: the Pythons besides the
    build's that versions="all" fences run with."""
    plan, others = Plan(), list(others)
    for page, path in pages:
        keys = []
        for fence in find_fences(path.read_text(encoding="utf-8")):
            try:
                if fence.error:
                    raise OptionError(fence.error)
                script, _ = load_snippet(snippets_dir, fence.snippet)
            except OptionError as error:
                plan.problems.append(f"{page}:{fence.line}: {error}")
                keys.append(str(error))
                continue
            options = fence.options
            wanted = jobs_for(script, options, options.timeout or default_timeout, others)
            plan.fences.append(
                PlannedFence(page, fence.line, fence.snippet, options, tuple(wanted))
            )
            keys.extend(store.key(job) for job in wanted)
        plan.shows[page] = tuple(keys)
    return plan


def jobs_for(
    script: Path, options: FenceOptions, timeout: float, others: list[Interpreter]
) -> list[Job]:
    """The runs a fence shows, in the order it shows them: its runs 1 to N, or for
    versions="all" one per Python by version, the build's own (interpreter None) among
    them."""
    if not options.versions:
        return [Job(script, n, timeout, options.exclusive) for n in range(1, options.runs + 1)]
    build = current()
    return [
        Job(script, 1, timeout, options.exclusive, None if python is build else python)
        for python in by_version(others)
    ]


def load_snippet(snippets_dir: Path, name: str) -> tuple[Path, str]:
    """The file a fence names and its source, or OptionError saying what is wrong."""
    if not name or "\n" in name or not name.endswith(".py"):
        raise OptionError(f"the block must hold one path to a .py file, got {name!r}")
    script = (snippets_dir / name).resolve()
    if not script.is_relative_to(snippets_dir.resolve()):
        raise OptionError(f"{name!r} is outside {snippets_dir.name}/")
    if not script.is_file():
        raise OptionError(f"no such snippet file: {snippets_dir.name}/{name}")
    try:
        code = script.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise OptionError(f"{snippets_dir.name}/{name} is not UTF-8 text: {error}") from None
    if not code.strip():
        raise OptionError(f"{snippets_dir.name}/{name} is empty")
    try:
        compile(code, name, "exec")
    except SyntaxError as error:
        raise OptionError(f"{snippets_dir.name}/{name} is not valid Python: {error}") from None
    return script, code
