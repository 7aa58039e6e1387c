"""The site built by each other Python's environment loads what the build's does.

A newcomer whose `python3` is newer gets the lock's packages for that version, and a
package may then change the pages (mkdocs-jupyter 0.27 loads MathJax from a CDN). Each
other Python found builds the site from its own environment (the lock, this project
included), without running snippets, and the result must pass the same checks. The
last one mkdocs.yml names that is here builds (the newest, as it lists them: the one
whose packages differ most from the build's); a build of it costs about 20 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from snippet_engine.interpreters import Interpreter
from tests.conftest import mkdocs_build
from tests.more_runs import LAST
from tests.pages import ROOT
from tests.site_checks import broken_links, from_other_origins, leaked_paths, loaded_assets
from tests.test_interpreters import usable


@pytest.fixture(scope="module", params=[LAST] if LAST else [])
def built_with(request, other_pythons, tmp_path_factory) -> tuple[Interpreter, Path, str]:
    """(the Python, its site, its build log): `mkdocs build --strict`, no snippet run."""
    python = usable(other_pythons[request.param])
    site = tmp_path_factory.mktemp(f"site-{request.param}")
    result = mkdocs_build(
        ROOT / "mkdocs.yml", site, fresh=False, python=python.python, SNIPPETS_EXECUTE="0"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return python, site, result.stderr


def test_strict_build_is_clean(built_with):
    python, _, log = built_with
    assert "WARNING" not in log and "ERROR" not in log, f"Python {python.label}:\n{log}"


def test_pages_load_what_the_builds_pages_load(built_with, built_site):
    python, site, _ = built_with
    assert from_other_origins(site) == [], f"Python {python.label}"
    assert loaded_assets(site) == loaded_assets(built_site), f"Python {python.label}"


def test_no_machine_path_and_no_broken_link(built_with):
    python, site, _ = built_with
    assert leaked_paths(site, python.prefix, python.base_prefix) == []
    broken, _ = broken_links(site)
    assert broken == [], f"Python {python.label}"
