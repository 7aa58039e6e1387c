"""How a build treats snippets that fail, hang or print markup (fixtures outside docs/)."""

from __future__ import annotations

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
        ("prints_ok.py", 'timeout="soon"', "timeout='soon'"),
        ("prints_ok.py", 'colour="red"', "unknown option(s): colour"),
        ("missing.py", "", "no such snippet file"),
    ],
)
def test_build_fails_naming_page_and_snippet(tmp_path, snippet, header, message):
    result = mkdocs_build(fixture_site(tmp_path, fence(snippet, header)), tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md: snippets/{snippet}: " in result.stderr
    assert message in result.stderr
    if snippet == "raises.py":
        assert "ZeroDivisionError: division by zero" in result.stderr  # the traceback's end


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
