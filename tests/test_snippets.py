"""Every file in snippets/: lint-clean, formatted, and its run matches what its pages say."""

from __future__ import annotations

import ast
import multiprocessing
import re
import subprocess

import pytest
from mkdocs.utils.yaml import yaml_load
from pytest_examples import CodeExample
from ruff.__main__ import find_ruff_bin

from snippet_runner.cache import RunCache
from snippet_runner.plugin import SnippetsConfig
from snippet_runner.process import Run, run_snippet
from tests.conftest import SESSION_STARTED, SHARED_MEMORY, shared_memory_entries
from tests.expected import check_output
from tests.pages import ROOT, SNIPPETS, fences_by_snippet, measuring_snippets, snippet_files

FILES = snippet_files()
NAMES = [path.relative_to(SNIPPETS).as_posix() for path in FILES]
DEFAULT_TIMEOUT = float(SnippetsConfig.timeout.default)
# The plugin's `pass_env` in mkdocs.yml: part of every cache key
PASSED_TO_SNIPPETS = tuple(
    next(
        plugin["snippets"].get("pass_env", [])
        for plugin in yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
        if isinstance(plugin, dict) and "snippets" in plugin
    )
)


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
    cache = RunCache(ROOT / SnippetsConfig.cache_dir.default)
    key = cache.key(SNIPPETS / name, f"snippets/{name}", 1, timeout, PASSED_TO_SNIPPETS)
    entry = cache.folder / f"{key}.json"
    if entry.is_file() and entry.stat().st_mtime >= SESSION_STARTED:
        return cache.load(key)
    return None


PROCESS_APIS = ("multiprocessing", "multiprocess", "ProcessPoolExecutor", "os.fork")


def starts_processes(path) -> bool:
    return any(api in path.read_text(encoding="utf-8") for api in PROCESS_APIS)


# Shows what happens without the guard; its invariant checks that it fails as it should
WITHOUT_GUARD_ON_PURPOSE = {"059/01_no_main_guard.py"}


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_snippet_that_starts_processes_has_a_main_guard(path):
    # Under spawn (Windows, macOS) and forkserver (Linux from 3.14) children import
    # the main module again; without the guard they would start processes themselves.
    source = path.read_text(encoding="utf-8")
    if (
        starts_processes(path)
        and path.relative_to(SNIPPETS).as_posix() not in WITHOUT_GUARD_ON_PURPOSE
    ):
        guards = [
            node
            for node in ast.parse(source).body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"
        ]
        assert guards, f"{path.name} starts processes but has no `if __name__ == '__main__':`"


PROCESS_SNIPPETS = [name for path, name in zip(FILES, NAMES, strict=True) if starts_processes(path)]
# The interpreter's default method is what test_snippet_runs_as_its_pages_say runs
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


def follows_the_default_method(name: str) -> bool:
    source = (SNIPPETS / name).read_text(encoding="utf-8")
    return "get_context(" not in source or DEFAULT_METHOD_API.search(source) is not None


def methods_for(name: str) -> list[str | None]:
    # A snippet that names the start method of everything it starts (the 059 ones that
    # compare methods or show one method's failure) does the same under every default:
    # one run, for the checks below that the build's run can't make
    if not follows_the_default_method(name):
        return [None]
    # A measuring (exclusive) snippet runs for tens of seconds: under spawn only, which
    # pickles the target and imports the main module again as forkserver does
    if name in measuring_snippets():
        return [method for method in OTHER_METHODS if method == "spawn"]
    return OTHER_METHODS


@pytest.mark.parametrize(
    ("name", "method"),
    [(name, method) for name in PROCESS_SNIPPETS for method in methods_for(name)],
)
def test_process_snippet_works_under_every_start_method(name, method):
    # What a reader gets on Linux up to 3.13 (fork), macOS and Windows (spawn), and
    # Linux from 3.14 (forkserver). `None`: the interpreter's default, for a snippet
    # that chooses its methods itself.
    options = fences_by_snippet()[name][0].options
    before = shared_memory_entries()
    run = run_snippet(SNIPPETS / name, ROOT, options.timeout or DEFAULT_TIMEOUT, method)
    # succeeded() also fails a run that left a process behind
    assert options.succeeded(run), f"exit {run.returncode}:\n{run.output}"
    check_output(name, run.output)
    left = shared_memory_entries() - before
    assert not left, f"left in {SHARED_MEMORY}: {sorted(left)}"
