"""The run stage without MkDocs: `python -m snippet_engine run` fills the cache a build reads.

Zensical and other generators run no MkDocs plugin, so running the snippets must not
need MkDocs; the MkDocs plugin must then find those very runs (the same keys).
"""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from snippet_engine import options
from snippet_engine.project import Settings, SettingsError, read_settings
from snippet_fence import figures
from tests.conftest import mkdocs_build
from tests.test_failures import fence, fixture_site

# Any import of these fails in the stage's process: it must not need them
BLOCKED = ("mkdocs", "properdocs", "material", "markdown", "markdown_exec", "pymdownx")
WITHOUT_MKDOCS = f"""
import runpy, sys

class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {BLOCKED!r}:
            raise ImportError(f"{{name}} is not to be imported by the run stage")

sys.meta_path.insert(0, Blocked())
sys.argv = ["snippet_engine", "run"]
runpy.run_module("snippet_engine", run_name="__main__")
"""


def run_stage(config):
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_MKDOCS],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(config.parent)},
    )


def test_the_run_stage_fills_the_cache_a_build_then_reads_without_running(tmp_path):
    page = fence("prints_ok.py", 'runs="2"') + fence("mixed_streams.py")
    config = fixture_site(tmp_path, page)
    stage = run_stage(config)
    assert stage.returncode == 0, stage.stderr
    assert "1 page(s), 2 snippet block(s), 3 run(s)" in stage.stderr
    assert len(list((tmp_path / ".cache" / "snippets").glob("*.json"))) == 3
    build = mkdocs_build(config, tmp_path / "site", fresh=False)
    assert build.returncode == 0, build.stderr
    assert "snippets: ran " not in build.stderr, "the build ran a snippet the stage had run"
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="snippet-output') >= 2


def test_the_run_stage_names_the_page_and_snippet_of_what_fails(tmp_path):
    page = fence("exits_3.py") + fence("prints_ok.py", 'colour="red"') + fence("missing.py")
    stage = run_stage(fixture_site(tmp_path, page))
    assert stage.returncode == 1
    assert "docs/index.md: snippets/exits_3.py: exited with code 3" in stage.stderr
    assert "docs/index.md:8: unknown option(s): colour" in stage.stderr
    assert "docs/index.md:13: no such snippet file: snippets/missing.py" in stage.stderr


def test_the_stage_knows_every_figure_the_fence_draws():
    assert set(options.FIGURES) == set(figures.FIGURES)


def convert(markdown_text: str) -> str:
    """Python-Markdown with the fence given by import path, as Zensical would give it."""
    import markdown

    import snippet_fence

    fence = {
        "name": "snippet",
        "class": "snippet",
        "validator": snippet_fence.validator,
        "format": snippet_fence.formatter,
    }
    return markdown.markdown(
        markdown_text,
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )


@pytest.fixture
def fence_outside_mkdocs(tmp_path, monkeypatch):
    """The fence's settings from a site of our own: `write(page)` gives its config."""
    import snippet_fence

    def write(page: str):
        for switch in ("CI", "SNIPPETS_FRESH"):  # they make the store skip the cache
            monkeypatch.delenv(switch, raising=False)
        config = fixture_site(tmp_path, page)
        monkeypatch.setenv("SNIPPETS_CONFIG", str(config))
        snippet_fence._fence.cache_clear()
        return config

    yield write
    snippet_fence._fence.cache_clear()


def test_the_fence_by_import_path_shows_the_stored_run(fence_outside_mkdocs, caplog):
    page = fence("prints_ok.py")
    config = fence_outside_mkdocs(page)
    assert run_stage(config).returncode == 0
    caplog.set_level(logging.INFO)
    html = convert(page)
    assert 'class="snippet-output' in html and "snippets/prints_ok.py" in html
    assert "ran snippets/" not in caplog.text, "the run should have come from the stage"


def test_the_fence_by_import_path_stops_the_conversion_naming_the_snippet(fence_outside_mkdocs):
    import snippet_fence

    page = fence("exits_3.py")
    fence_outside_mkdocs(page)
    expected = r"snippets/exits_3.py: exited with code 3"
    with pytest.raises(snippet_fence.SnippetError, match=expected):
        convert(page)


@pytest.mark.parametrize(
    ("plugins", "settings"),
    [
        ("  - snippets\n", Settings()),
        ("  snippets:\n    timeout: 20\n", Settings(timeout=20.0)),
        (
            "  - search\n  - snippets:\n      pass_env: [A]\n      cache_dir: .x\n",
            Settings(pass_env=("A",), cache_dir=".x"),
        ),
    ],
)
def test_the_stage_reads_the_settings_mkdocs_gives_the_plugin(tmp_path, plugins, settings):
    (tmp_path / "snippets").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_url: !ENV [SITE_URL, null]\nplugins:\n{plugins}", encoding="utf-8")
    assert read_settings(config) == (settings, tmp_path / "docs")
    assert repr(read_settings(config)[0].timeout) == repr(
        60.0 if "timeout" not in plugins else 20.0
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("pass_env: FOO", "pass_env='FOO': not what MkDocs accepts"),
        ("timeout: '20'", "timeout='20': not what MkDocs accepts"),
        ("workers: true", "workers=True: not what MkDocs accepts"),
        ("cache_dir: !ENV [X, y]", "cache_dir=a tagged value"),
        ("enabled: false", "the plugin is not enabled"),
        ("colour: red", "unknown option(s) colour"),
        ("timeout: 0", "timeout=0.0: expected 0 < seconds <= 3600"),
        ("interpreters: [python3]", "interpreters: 'python3': expected a version"),
    ],
)
def test_the_stage_refuses_settings_mkdocs_would_refuse(tmp_path, options, message):
    (tmp_path / "snippets").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"plugins:\n  - snippets:\n      {options}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        read_settings(config)
    assert message in str(refused.value)
