"""Headings, admonition titles and tables of contents show all of their source text.

What a reader sees of a title in the built site must be its source text with only the
Markdown syntax taken away: no backslash escapes shown, no words lost (a code span
dropped from a notebook's table of contents, a title's quotes left escaped).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.pages import DOCS, LANGUAGES, site_pages
from tests.test_build import html_for

FENCE = re.compile(r"^ *(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+\{[^}]*\})?\s*$")
ADMONITION = re.compile(r'^ *(?:!!!|\?\?\?\+?) *[\w-]+ +"(.*)" *$')


def visible(markdown: str) -> str:
    """What a reader sees of an inline Markdown title: code spans lose their backticks."""
    return " ".join(markdown.replace("`", "").split())


def markdown_of(page: Path) -> str:
    if page.suffix == ".ipynb":
        notebook = json.loads(page.read_text(encoding="utf-8"))
        cells = [c for c in notebook["cells"] if c["cell_type"] == "markdown"]
        return "\n\n".join("".join(c["source"]) for c in cells)
    return page.read_text(encoding="utf-8")


def titles_in_source(page: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """(level, text) of each heading, and each admonition title, outside code fences."""
    headings, admonitions, fenced = [], [], False
    for line in markdown_of(page).splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (heading := HEADING.match(line)):
            headings.append((len(heading[1]), visible(heading[2])))
        elif not fenced and (title := ADMONITION.match(line)):
            admonitions.append(visible(title[1]))
    return headings, admonitions


def shown(element) -> str:
    for anchor in element.select("a.headerlink, a.anchor-link"):
        anchor.decompose()
    return " ".join(element.get_text().split())


PAGES = [page for language in LANGUAGES for page in site_pages(language)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_titles_show_their_whole_source_text(page, built_site):
    headings, admonitions = titles_in_source(page)
    html = html_for(page, built_site)
    article = html.select_one("article.md-content__inner")
    built = [
        (int(h.name[1]), shown(h)) for h in article.select("h1, h2, h3, h4, h5, h6") if h.get("id")
    ]
    assert built == headings
    assert [shown(t) for t in article.select(".admonition-title, details > summary")] == (
        admonitions
    )
    toc = html.select_one("nav.md-nav--secondary")
    entries = [shown(a) for a in toc.select("a.md-nav__link")] if toc else []
    assert entries == [text for level, text in headings if level > 1]
    for text in [*entries, *(t for _, t in built), *admonitions]:
        assert "\\" not in text, f"a backslash escape shows: {text!r}"
