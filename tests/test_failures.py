"""How a build treats snippets that fail, hang or print markup (fixtures outside docs/)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_site(tmp_path: Path, page: str) -> Path:
    """A one-page site whose snippets come from tests/fixtures/snippets."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: fixture\n"
        "plugins:\n"
        f"  - snippets:\n      snippets_dir: {FIXTURES / 'snippets'}\n      timeout: 20\n"
        "markdown_extensions:\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return config


def fence(snippet: str, header: str = "") -> str:
    return f"# Page\n\n```snippet {header}\n{snippet}\n```\n"


def processes_running(marker: str) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in text:
            found.append(f"{cmdline.parent.name}: {text}")
    return found


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
    ],
)
def test_build_fails_naming_page_and_snippet(tmp_path, snippet, header, message):
    result = mkdocs_build(fixture_site(tmp_path, fence(snippet, header)), tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md: snippets/{snippet}: " in result.stderr
    assert message in result.stderr
    if snippet == "raises.py":
        assert "ZeroDivisionError: division by zero" in result.stderr  # the traceback's end


@pytest.mark.parametrize(
    ("snippet", "header", "message"),
    [
        ("prints_ok.py", 'timeout="soon"', "timeout='soon': expected seconds"),
        ("prints_ok.py", 'timeout="0"', "timeout='0': expected seconds"),
        ("prints_ok.py", 'runs="9"', "runs='9': expected a whole number from 1 to 5"),
        ("prints_ok.py", 'colour="red"', "unknown option(s): colour"),
        ("prints_ok.py", 'expect="exit three"', "expect='exit three': use 'exit N'"),
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
