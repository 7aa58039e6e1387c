"""Every snippet with every other Python that mkdocs.yml names and this machine has.

The pages show the build's Python; readers run others. Each other Python runs every
snippet once, with its default start method (the fork/spawn/forkserver matrix runs on
the build's Python, test_snippets.py), and the run must pass the same checks. The
measuring snippets, which run alone for seconds each, run with the last of them only,
under spawn (more_runs.py says why).
"""

from __future__ import annotations

import os

import pytest

from snippet_engine.interpreters import Interpreter, Unavailable
from tests.expected import check_output
from tests.more_runs import OTHER_PYTHONS, PYTHON_RUNS, WHERE, job, method_with
from tests.pages import fences_by_snippet


def usable(python: Interpreter | Unavailable) -> Interpreter:
    if isinstance(python, Unavailable):
        # Found but unusable: the machine has it, so CI must not pass without it
        if os.environ.get("CI"):
            pytest.fail(f"Python {python.name}: {python.reason}")
        pytest.skip(f"Python {python.name}: {python.reason}")
    return python


@pytest.mark.parametrize("name", OTHER_PYTHONS)
def test_each_python_named_is_found_and_is_what_it_is_called(name, other_pythons):
    if name not in other_pythons:  # a visible skip, listed in the summary (-ra)
        pytest.skip(f"Python {name} is named in mkdocs.yml but not here: {WHERE[name].reason}")
    python = usable(other_pythons[name])
    assert python.version.startswith(name.rstrip("t") + "."), python
    assert python.free_threaded == name.endswith("t"), python


@pytest.mark.parametrize(("name", "python"), PYTHON_RUNS)
def test_snippet_passes_its_checks_with_each_python(name, python, other_pythons, more_runs):
    interpreter = usable(other_pythons[python])
    store, _ = more_runs
    method = method_with(name, python)
    run = store.get(job(name, interpreter, method))
    ran = f"Python {interpreter.label} ({method or 'default method'}): exit {run.returncode}"
    assert fences_by_snippet()[name][0].options.succeeded(run), f"{ran}:\n{run.output}"
    check_output(name, run.output)
