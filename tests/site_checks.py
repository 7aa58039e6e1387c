"""Checks of a built site's files that any build must pass, whichever Python made it."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from tests.pages import ROOT


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" or p.parent == site)


def loaded_assets(site: Path) -> dict[str, list[str]]:
    """Per page, the scripts, stylesheets and images it loads, in order."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        urls = []
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and "stylesheet" not in element.get("rel", []):
                    continue
                if element.get(attribute):
                    urls.append(element[attribute])
        found[html.relative_to(site).as_posix()] = urls
    return found


def from_other_origins(site: Path) -> list[str]:
    return [
        f"{page}: {url}"
        for page, urls in loaded_assets(site).items()
        for url in urls
        if url.startswith(("http:", "https:", "//"))
    ]


def leaked_paths(site: Path, *prefixes: str) -> list[str]:
    """Pages that show a path of the build machine: the project's, a Python's, home."""
    private = {str(ROOT), sys.prefix, sys.base_prefix, str(Path.home()) + "/", *prefixes}
    return [
        f"{html.relative_to(site)}: {path}"
        for html in site.rglob("*.html")
        for path in private
        if path in html.read_text(encoding="utf-8")
    ]


def broken_links(site: Path) -> tuple[list[str], set[str]]:
    """Links inside the site that lead to no file or no id, and the external ones."""
    ids: dict[Path, set[str]] = {}
    external, broken = set(), []

    def ids_of(target: Path) -> set[str]:
        if target not in ids:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids[target] = {tag["id"] for tag in soup.select("[id]")}
        return ids[target]

    for html in html_files(site):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            address = tag.get("href") or tag.get("src")
            parts = urlsplit(address)
            if parts.scheme in ("http", "https", "mailto"):
                external.add(address)
                continue
            if parts.scheme:  # data:, javascript:
                continue
            if parts.path.startswith("/"):  # the 404 page links from the site's root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (html.parent / unquote(parts.path)).resolve() if parts.path else html
            if target.is_dir():
                target = target / "index.html"
            where = f"{html.relative_to(site)}: {address}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids_of(target)
            ):
                broken.append(f"{where} (no such anchor)")
    return broken, external
