"""The two languages show the same snippets, every snippet has a page, prose fences run."""

from __future__ import annotations

import pytest
from pytest_examples import find_examples

from tests.pages import DOCS, LANGUAGES, SNIPPETS, all_fences, fences, pages, snippet_files


def _relative(language: str) -> list[str]:
    return [page.relative_to(DOCS / language).as_posix() for page in pages(language)]


def test_both_languages_have_the_same_pages():
    ru, en = (
        sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.*"))
        for lang in LANGUAGES
    )
    assert ru == en


@pytest.mark.parametrize("page", _relative("ru"))
def test_both_languages_show_the_same_snippets_in_the_same_order(page):
    ru, en = ([(f.snippet, f.header) for f in fences(DOCS / lang / page)] for lang in LANGUAGES)
    assert ru == en


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
