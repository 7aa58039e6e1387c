"""The site built with ProperDocs, the maintained fork of MkDocs 1.6, is the MkDocs site.

MkDocs 1.6.1 is MkDocs' last release; ProperDocs runs the same plugins and reads the
same mkdocs.yml. Its build reuses the runs of the session's build (the cache), so every
file must come out as MkDocs made it, apart from the generator's name: then every check
made on the MkDocs site (outputs, parity, paths, links, the browser tests) holds for it.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build
from tests.pages import ROOT
from tests.test_failures import fence, fixture_site

GENERATOR = '<meta name="generator" content="'
NOT_BUILT = ("build.log",)  # written next to the pages by the tests


@pytest.fixture(scope="module")
def properdocs_site(built_site, tmp_path_factory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("properdocs-site")
    result = mkdocs_build(ROOT / "mkdocs.yml", site, fresh=False, generator="properdocs")
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def files(site: Path) -> dict[str, Path]:
    return {
        path.relative_to(site).as_posix(): path
        for path in site.rglob("*")
        if path.is_file() and path.name not in NOT_BUILT
    }


def without_generator(path: Path) -> tuple[bytes, list[bytes]]:
    """The file minus its generator line, and that line (HTML pages have one). The
    sitemap's dates are the build's day, which two builds may not share."""
    data = path.read_bytes()
    if path.name == "sitemap.xml.gz":
        data = gzip.decompress(data)
    if path.name.startswith("sitemap.xml"):
        data = re.sub(rb"<lastmod>[^<]*</lastmod>", b"", data)
    lines = data.splitlines(keepends=True)
    names = [line for line in lines if GENERATOR.encode() in line]
    return b"".join(line for line in lines if line not in names), names


def test_properdocs_builds_cleanly_from_the_same_runs(properdocs_site):
    _, log = properdocs_site
    assert "WARNING" not in log and "ERROR" not in log, log
    assert "snippets: ran " not in log, "every run should have come from the session's build"


def test_properdocs_writes_every_file_mkdocs_writes_and_no_other(properdocs_site, built_site):
    site, _ = properdocs_site
    assert sorted(files(site)) == sorted(files(built_site))


def test_each_file_is_the_mkdocs_one_but_for_the_generators_name(properdocs_site, built_site):
    site, _ = properdocs_site
    theirs = files(built_site)
    differ, named = [], 0
    for name, path in files(site).items():
        ours, generator = without_generator(path)
        expected, _ = without_generator(theirs[name])
        if ours != expected:
            differ.append(name)
        named += any(b"ProperDocs" in line for line in generator)
    assert differ == []
    html_pages = [name for name in files(site) if name.endswith(".html")]
    assert named == len(html_pages), "every page names ProperDocs as its generator"


def test_a_failing_snippet_fails_a_properdocs_build_naming_page_and_snippet(tmp_path):
    config = fixture_site(tmp_path, fence("exits_3.py"))
    # ProperDocs ships no default theme (MkDocs' own is a separate package there)
    config.write_text(config.read_text(encoding="utf-8") + "theme: material\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site", generator="properdocs")
    assert result.returncode == 1
    assert "docs/index.md: snippets/exits_3.py: exited with code 3" in result.stderr
    assert "Traceback" not in result.stderr
