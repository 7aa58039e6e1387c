"""How a build treats snippets that fail, hang or print markup (fixtures outside docs/)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

import pytest

from build_benchmark.live_server import LiveServer
from snippet_engine import interpreters
from tests.conftest import mkdocs_build, processes_running
from tests.more_runs import FOUND

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_site(
    tmp_path: Path, page: str, snippets_dir: Path | None = None, interpreters: str = "[]"
) -> Path:
    """A one-page site whose snippets come from tests/fixtures/snippets."""
    snippets_dir = snippets_dir or FIXTURES / "snippets"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: fixture\n"
        f"watch: [{snippets_dir}]\n"
        "plugins:\n"
        f"  - snippets:\n      snippets_dir: {snippets_dir}\n      timeout: 20\n"
        f"      interpreters: {interpreters}\n"
        "markdown_extensions:\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return config


def fence(snippet: str, header: str = "") -> str:
    return f"# Page\n\n```snippet {header}\n{snippet}\n```\n"


def test_output_is_escaped_and_declared_failures_are_shown(tmp_path):
    page = (
        fence("prints_html.py")
        + fence("raises.py", 'expect="ZeroDivisionError"')
        + fence("exits_3.py", 'expect="exit 3"')
    )
    result = mkdocs_build(fixture_site(tmp_path, page), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "&lt;/code&gt;&lt;/pre&gt;&lt;b&gt;not bold&lt;/b&gt;" in html
    assert 'File "snippets/raises.py", line 2' in html  # repo-relative, not absolute
    assert "ZeroDivisionError: division by zero" in html
    assert "leaving with code 3" in html
    assert str(FIXTURES) not in html


@pytest.mark.parametrize(
    ("snippet", "header", "message"),
    [
        ("raises.py", "", "exited with code 1"),
        ("exits_3.py", "", "exited with code 3"),
        ("prints_ok.py", 'expect="ValueError"', "was expected to fail with ValueError"),
        ("raises.py", 'expect="exit 2"', "was expected to fail with exit 2"),
        ("killed_by_signal.py", "", "was killed by signal SIGKILL"),
        ("hard_exit.py", "", "exited with code 1"),
        ("daemon_grandchild.py", "", "leaving 1 process(es) running (killed)"),
        ("prints_ok.py", 'figure="timeline"', "figure='timeline' needs lines"),
        ("prints_ok.py", 'figure="speed-up"', "figure='speed-up' needs lines"),
    ],
)
def test_build_fails_naming_page_and_snippet(tmp_path, snippet, header, message):
    result = mkdocs_build(fixture_site(tmp_path, fence(snippet, header)), tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md: snippets/{snippet}: " in result.stderr
    assert message in result.stderr
    if snippet == "raises.py":
        assert "ZeroDivisionError: division by zero" in result.stderr  # the traceback's end
    # Nothing it started outlives the build; the detached one names itself in its code
    assert processes_running(snippet) == processes_running("# daemon_grandchild") == []


@pytest.mark.parametrize(
    ("snippet", "header", "message"),
    [
        ("prints_ok.py", 'timeout="soon"', "timeout='soon': expected seconds"),
        ("prints_ok.py", 'timeout="0"', "timeout='0': expected seconds"),
        ("prints_ok.py", 'runs="9"', "runs='9': expected a whole number from 1 to 5"),
        ("prints_ok.py", 'colour="red"', "unknown option(s): colour"),
        ("prints_ok.py", 'expect="exit three"', "expect='exit three': use 'exit N'"),
        ("prints_ok.py", 'figure="pie"', "figure='pie': expected one of timeline, speed-up"),
        ("prints_ok.py", 'versions="3.13"', "versions='3.13': expected 'all'"),
        ("prints_ok.py", 'versions="all" runs="2"', "versions='all' shows one run per Python"),
        ("missing.py", "", "no such snippet file: snippets/missing.py"),
        ("empty.py", "", "snippets/empty.py is empty"),
        ("not_python.py", "", "snippets/not_python.py is not valid Python"),
        ("../raises.py", "", "'../raises.py' is outside snippets/"),
    ],
)
def test_broken_block_stops_the_build_before_anything_runs(tmp_path, snippet, header, message):
    page = fence("prints_ok.py") + "\nSome text.\n\n" + fence(snippet, header)
    result = mkdocs_build(fixture_site(tmp_path, page), tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md:11: {message}" in result.stderr  # the page and the fence's line
    assert "ran snippets/" not in result.stderr, "nothing ran"


def test_timeout_kills_the_snippet_and_its_children(tmp_path):
    marker = "hangs_with_child.py"
    assert processes_running(marker) == []
    started = time.monotonic()
    result = mkdocs_build(
        fixture_site(tmp_path, fence(marker, 'timeout="2"')), tmp_path / "site", timeout=120
    )
    elapsed = time.monotonic() - started
    assert result.returncode != 0
    assert f"docs/index.md: snippets/{marker}: timed out after 2 s" in result.stderr
    assert "child started" in result.stderr  # what it printed before the kill
    assert elapsed < 60
    assert processes_running(marker) == []


def notebook_site(tmp_path: Path, source: str, tags: list[str]) -> Path:
    """A site whose one page is a notebook with one code cell."""
    notebook = {
        "cells": [
            {"cell_type": "markdown", "id": "title", "metadata": {}, "source": "# Notebook"},
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "only",
                "metadata": {"tags": tags},
                "outputs": [],
                "source": source,
            },
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "nb.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: fixture\n"
        "plugins:\n"
        "  - mkdocs-jupyter:\n"
        '      include: ["*.ipynb"]\n      execute: true\n      allow_errors: false\n'
        "      cache: false\n"
        "  - notebooks\n",
        encoding="utf-8",
    )
    return config


def test_notebook_cell_that_stops_raising_fails_the_build(tmp_path):
    config = notebook_site(tmp_path, 'print("no error after all")', ["raises-exception"])
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/nb.ipynb: cell 2 is tagged raises-exception but raised no error" in (result.stderr)


def test_notebook_cell_that_raises_as_declared_builds(tmp_path):
    config = notebook_site(tmp_path, "1 / 0", ["raises-exception"])
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "ZeroDivisionError" in (tmp_path / "site" / "nb" / "index.html").read_text()


def test_unexpected_notebook_cell_error_fails_the_build(tmp_path):
    result = mkdocs_build(notebook_site(tmp_path, "1 / 0", []), tmp_path / "site")
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.stderr


@pytest.mark.parametrize(
    ("snippet", "marker"),
    [
        ("sleeps_forever.py", "going to sleep"),
        ("ignores_sigterm.py", "child ignores SIGTERM"),
        ("double_fork.py", "parent done"),
        ("thread_left_running.py", "main thread done"),
    ],
)
def test_runaway_snippet_is_killed_at_its_timeout(tmp_path, snippet, marker):
    started = time.monotonic()
    result = mkdocs_build(fixture_site(tmp_path, fence(snippet, 'timeout="2"')), tmp_path / "s")
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    assert f"docs/index.md: snippets/{snippet}: timed out after 2 s" in result.stderr
    assert marker in result.stderr
    assert processes_running(snippet) == []


def test_huge_output_is_cut_and_marked(tmp_path):
    started = time.monotonic()
    result = mkdocs_build(fixture_site(tmp_path, fence("prints_a_lot.py")), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    output = html.split('class="snippet-output"', 1)[1]
    assert "Output cut after 200,000 bytes." in output
    assert 200_000 < len(html) < 400_000
    assert "the end" not in output


def test_hostile_text_is_shown_as_text(tmp_path):
    result = mkdocs_build(fixture_site(tmp_path, fence("prints_hostile_text.py")), tmp_path / "s")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    code = html.split('class="snippet-output"', 1)[1].split("</samp>", 1)[0]
    text = code.split('<samp tabindex="0">', 1)[1]
    assert text.splitlines() == [
        "bad utf-8: \ufffd\ufffd end",
        "red and plain",
        "progress 100%",
        "nul:\u2400 bell:\u2407 end",
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/code&gt;&lt;/pre&gt; **not bold** [link](x)",
    ]
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", html)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_snippet_cannot_change_the_repository(tmp_path):
    before = tree_digest(FIXTURES)
    result = mkdocs_build(fixture_site(tmp_path, fence("writes_files.py")), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "wrote and deleted files in" in (tmp_path / "site" / "index.html").read_text()
    assert tree_digest(FIXTURES) == before
    assert not (tmp_path / "written.txt").exists()


def test_serve_shows_a_broken_snippet_and_recovers_when_it_is_fixed(tmp_path):
    """Under `mkdocs serve --dirty`, as `make serve` runs it; tests/test_serve.py has more."""
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    snippet = snippets / "flaky.py"
    snippet.write_text('print("about to fail")\nraise SystemExit(2)\n', encoding="utf-8")
    fixture_site(tmp_path, fence("flaky.py"), snippets_dir=snippets)
    with LiveServer(tmp_path) as server:
        page = server.wait_for("/", "This snippet failed while the site was built", 60)
        assert "exited with code 2" in page and "about to fail" in page
        snippet.write_text('print("all good now")\n', encoding="utf-8")
        page = server.wait_for("/", '<samp tabindex="0">all good now', 60)  # the output
        assert "This snippet failed" not in page
        assert server.process.poll() is None, "the server kept running"
        log = server.log
    assert "docs/index.md: snippets/flaky.py: exited with code 2" in log


@pytest.mark.skipif(not FOUND, reason="needs a Python other than the build's (see README)")
def test_a_failure_with_another_python_names_that_python(tmp_path):
    other = interpreters.prepare(FOUND[0])
    assert isinstance(other, interpreters.Interpreter), other
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    # Fine on the build's Python, exit 5 on any other
    (snippets / "only_here.py").write_text(
        f"import sys\nprint(sys.version)\nsys.exit(0 if sys.version == {sys.version!r} else 5)\n",
        encoding="utf-8",
    )
    config = fixture_site(
        tmp_path, fence("only_here.py", 'versions="all"'), snippets, f'["{FOUND[0]}"]'
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert (
        f"docs/index.md: snippets/only_here.py: with Python {other.label}: exited with code 5"
        in result.stderr
    ), result.stderr


def test_an_interpreter_name_that_is_not_a_version_stops_the_build(tmp_path):
    config = fixture_site(tmp_path, fence("prints_ok.py"), interpreters='["python3"]')
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "interpreters: 'python3': expected a version such as '3.13'" in result.stderr
