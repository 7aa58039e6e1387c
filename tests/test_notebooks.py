"""The notebook page: same code in both languages, outputs from the build, downloadable."""

from __future__ import annotations

import json
import re

import pytest

from tests.pages import DOCS, LANGUAGES
from tests.test_build import html_for, page_url

NAME = "jupyter.ipynb"
CODE_CELLS = 'div.jp-CodeCell[id^="cell-id="]'  # the template wraps each one twice


def cells(language: str) -> list[dict]:
    return json.loads((DOCS / language / NAME).read_text(encoding="utf-8"))["cells"]


def code(language: str) -> list[tuple[str, list[str]]]:
    return [
        ("".join(cell["source"]), cell["metadata"].get("tags", []))
        for cell in cells(language)
        if cell["cell_type"] == "code"
    ]


def test_both_languages_run_the_same_code():
    ru, en = (code(language) for language in LANGUAGES)
    assert ru == en and len(ru) >= 8


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_is_committed_without_outputs(language):
    # Every output on the page must come from the build's own execution.
    for cell in cells(language):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def shown_cells(language: str, site) -> list[str]:
    soup = html_for(DOCS / language / NAME, site)
    return [
        "".join(output.get_text() for output in cell.select(".jp-OutputArea-output"))
        for cell in soup.select(CODE_CELLS)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_page_shows_what_the_kernel_printed(language, built_site):
    shown = shown_cells(language, built_site)
    sources = code(language)
    assert len(shown) == len(sources)

    def output_of(marker: str) -> str:
        found = [text for (source, _), text in zip(sources, shown, strict=True) if marker in source]
        assert len(found) == 1, marker
        return found[0]

    # notebook-defined function, stdlib under spawn: the child can't find it
    assert "BrokenProcessPool" in output_of("mp_context=spawn")
    # ... because pickle sends it by name, which the child can't resolve
    by_name = output_of("pickle.dumps(square)")
    assert re.search(r"b'.*__main__.*square.*'", by_name)
    assert "AttributeError: Can't get attribute 'square' on <module '__main__'" in by_name
    # multiprocess under spawn ships the function with dill
    spawn_ok = output_of("multiprocess, spawn:")
    assert "multiprocess, spawn: [0, 1, 4, 9, 16]" in spawn_ok
    # ... but not the modules it uses, unless told to
    globals_cell = output_of("was imported in the first cell")
    assert "NameError" in globals_cell and "name 'time' is not defined" in globals_cell
    assert output_of("import dill").count("[0, 1, 4, 9, 16]") == 1
    # the notes' example: ten processes writing into one cell output, then [None, ...]
    seed = output_of("from multiprocess import Process")
    assert seed.count("Finished computing!") == 10
    assert "[None, None, None, None, None, None, None, None, None, None]" in seed


@pytest.mark.parametrize("language", LANGUAGES)
def test_child_output_is_merged_into_one_stream(language, built_site):
    soup = html_for(DOCS / language / NAME, built_site)
    seed = soup.select(CODE_CELLS)[-1]
    streams = seed.select("div.jp-OutputArea-child")
    assert len(streams) == 2, "one stdout stream, then the list of None"


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebook_is_offered_for_download(language, built_site):
    page = DOCS / language / NAME
    link = html_for(page, built_site).select_one("a.md-content__button[download]")
    assert link is not None and link["href"] == NAME
    served = built_site / page_url(page).lstrip("/") / NAME
    assert served.read_bytes() == page.read_bytes()


def test_expected_error_cells_are_tagged():
    tagged = [source for source, tags in code("en") if "raises-exception" in tags]
    assert len(tagged) == 3
    assert all(re.search(r"spawn", source) for source in tagged)
