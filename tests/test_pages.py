"""The two languages show the same snippets, every snippet has a page, prose fences run."""

from __future__ import annotations

import re

import pytest
from pytest_examples import find_examples

from tests.pages import DOCS, LANGUAGES, SNIPPETS, all_fences, fences, pages, snippet_files


def _relative(language: str) -> list[str]:
    return [page.relative_to(DOCS / language).as_posix() for page in pages(language)]


def _missing(found: dict[str, list[str]], what: str) -> list[str]:
    """'docs/en/ lacks x.md (docs/ru/ has it)' for each item only some languages have."""
    everything = {item for items in found.values() for item in items}
    return [
        f"{where} lacks {what} {item!r} ({', '.join(w for w in found if item in found[w])} has it)"
        for where, items in found.items()
        for item in sorted(everything - set(items))
    ]


def test_both_languages_have_the_same_pages():
    files = {
        f"docs/{lang}/": [p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.*")]
        for lang in LANGUAGES
    }
    assert _missing(files, "the file") == []


@pytest.mark.parametrize("page", _relative("ru"))
def test_both_languages_show_the_same_snippets_in_the_same_order(page):
    shown = {
        f"docs/{lang}/{page}": [
            f"{f.snippet} {f.header}".strip() for f in fences(DOCS / lang / page)
        ]
        for lang in LANGUAGES
    }
    assert _missing(shown, "the block") == [], "add the block to that page"
    (first, one), (second, other) = shown.items()
    for n, (a, b) in enumerate(zip(one, other, strict=True), 1):
        assert a == b, f"block {n}: {first} shows {a!r}, {second} shows {b!r}"


LINK = re.compile(r"\]\((?!https?:|#)([^)#\s]+)")


@pytest.mark.parametrize("page", _relative("ru"))
def test_both_languages_link_the_same_pages(page):
    """A "Next:" link, a glossary link: what one language links to, so does the other."""
    links = {
        f"docs/{lang}/{page}": LINK.findall((DOCS / lang / page).read_text(encoding="utf-8"))
        for lang in LANGUAGES
    }
    assert _missing(links, "a link to") == []


def test_every_snippet_is_shown_by_a_page():
    shown = {fence.snippet for fence in all_fences()}
    unused = [p.relative_to(SNIPPETS).as_posix() for p in snippet_files()]
    assert sorted(set(unused) - shown) == []


def test_every_fence_names_an_existing_snippet():
    missing = [
        (f.page.name, f.snippet) for f in all_fences() if not (SNIPPETS / f.snippet).is_file()
    ]
    assert missing == []


EXAMPLES = list(find_examples(str(DOCS)))


def test_prose_has_python_examples():
    # The test below must not pass by finding nothing.
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_prose_python_example(example, eval_example):
    eval_example.set_config(target_version="py311", ruff_line_length=79)
    eval_example.lint_ruff(example)
    if eval_example.update_examples:
        eval_example.run_print_update(example)
    else:
        eval_example.run_print_check(example)
