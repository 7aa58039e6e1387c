"""The run stage without MkDocs: `python -m snippet_engine run` fills the cache a build reads.

Zensical and other generators run no MkDocs plugin, so running the snippets must not
need MkDocs; the MkDocs plugin must then find those very runs (the same keys).
"""

from __future__ import annotations

import subprocess
import sys

from snippet_engine import options
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
