"""Every file in snippets/: lint-clean, formatted, and its run matches what its pages say."""

from __future__ import annotations

import ast
import subprocess

import pytest
from pytest_examples import CodeExample
from ruff.__main__ import find_ruff_bin

from snippet_engine.process import Run, run_snippet
from snippet_engine.store import Job
from tests.conftest import SHARED_MEMORY
from tests.expected import check_output
from tests.more_runs import (
    DEFAULT_TIMEOUT,
    METHOD_RUNS,
    job,
    session_store,
    starts_processes,
)
from tests.pages import ROOT, SNIPPETS, fences_by_snippet, snippet_files

FILES = snippet_files()
NAMES = [path.relative_to(SNIPPETS).as_posix() for path in FILES]


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_snippet_passes_ruff_check(path, eval_example):
    eval_example.set_config(target_version="py311", ruff_line_length=79)
    eval_example.lint_ruff(CodeExample.create(path.read_text(encoding="utf-8"), path=path))


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_snippet_is_ruff_formatted(path, update_examples):
    ruff = find_ruff_bin()
    if update_examples:
        subprocess.run([ruff, "format", str(path)], check=True)
    result = subprocess.run(
        [ruff, "format", "--check", "--diff", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_snippet_runs_as_its_pages_say(name, update_examples):
    uses = fences_by_snippet().get(name)
    assert uses, f"snippets/{name} is shown on no page"
    assert len({fence.options for fence in uses}) == 1, "pages show it with different options"
    options = uses[0].options
    timeout = options.timeout or DEFAULT_TIMEOUT
    run = run_of_this_sessions_build(name, timeout) or run_snippet(SNIPPETS / name, ROOT, timeout)
    assert options.succeeded(run), f"exit {run.returncode}:\n{run.output}"
    check_output(name, run.output, update=update_examples)


def run_of_this_sessions_build(name: str, timeout: float) -> Run | None:
    """The first run of `name` that this test session's site build made, if it made one.

    It is the very run the pages show; running the snippet again would double the
    suite's slowest part. Without a build in the session (`pytest tests/test_snippets.py`,
    `make test-one-cpu`) the snippet runs here.
    """
    store = session_store()
    return store.cache.load(store.key(Job(SNIPPETS / name, 1, timeout)))


# Shows what happens without the guard; its invariant checks that it fails as it should
WITHOUT_GUARD_ON_PURPOSE = {"059/01_no_main_guard.py"}


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_snippet_that_starts_processes_has_a_main_guard(path):
    # Under spawn (Windows, macOS) and forkserver (Linux from 3.14) children import
    # the main module again; without the guard they would start processes themselves.
    source = path.read_text(encoding="utf-8")
    if (
        starts_processes(path.relative_to(SNIPPETS).as_posix())
        and path.relative_to(SNIPPETS).as_posix() not in WITHOUT_GUARD_ON_PURPOSE
    ):
        guards = [
            node
            for node in ast.parse(source).body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"
        ]
        assert guards, f"{path.name} starts processes but has no `if __name__ == '__main__':`"


@pytest.mark.parametrize(("name", "method"), METHOD_RUNS)
def test_process_snippet_works_under_every_start_method(name, method, more_runs):
    # What a reader gets on Linux up to 3.13 (fork), macOS and Windows (spawn), and
    # Linux from 3.14 (forkserver); made with the other runs beyond the build's
    store, _ = more_runs
    run = store.get(job(name, method=method))
    options = fences_by_snippet()[name][0].options
    # succeeded() also fails a run that left a process behind
    assert options.succeeded(run), f"{method}: exit {run.returncode}:\n{run.output}"
    check_output(name, run.output)


def test_runs_beyond_the_build_leave_nothing_in_shared_memory(more_runs):
    # Named semaphores and shared memory blocks stay in /dev/shm until unlinked, and
    # failing snippets must clean up too; the build's own runs are checked by test_build
    _, left = more_runs
    assert not left, f"left in {SHARED_MEMORY}: {left}"
