"""The built site shows, for every fence, the snippet's source and its real output."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from snippet_engine.interpreters import Interpreter, Unavailable, by_version, current
from tests.conftest import LEFT_IN_SHARED_MEMORY, SHARED_MEMORY
from tests.expected import ACROSS_RUNS, check_output
from tests.figure_reading import read_bars, read_speed_up, read_timeline
from tests.more_runs import OTHER_PYTHONS
from tests.pages import (
    DOCS,
    LANGUAGES,
    SNIPPETS,
    Fence,
    all_fences,
    page_url,
    pages,
    site_pages,
)
from tests.site_checks import from_other_origins, leaked_paths


def html_for(page: Path, site: Path) -> BeautifulSoup:
    html = site / page_url(page).lstrip("/") / "index.html"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def outputs_on(page: Path, site: Path) -> list[tuple[str, list[str], str]]:
    """(snippet, output of each run, source shown above) for each output block, in order."""
    result = []
    for block in html_for(page, site).select("div.snippet-output"):
        source = block.find_previous_sibling("div", class_="highlight")
        result.append(
            (
                block["data-snippet"],
                [code.get_text() for code in block.select("pre samp")],
                source.select_one("pre code").get_text() if source else "",
            )
        )
    return result


def test_build_is_clean(built_site):
    log = (built_site / "build.log").read_text(encoding="utf-8")
    assert "WARNING" not in log and "ERROR" not in log, log


def test_build_leaves_nothing_in_shared_memory(built_site):
    # The snippets and the executed notebooks (a notebook kernel killed at once left
    # its pools' named semaphores behind)
    left = (built_site.parent / LEFT_IN_SHARED_MEMORY).read_text(encoding="utf-8")
    assert not left, f"left in {SHARED_MEMORY} by the build:\n{left}"


PAGES = [page for language in LANGUAGES for page in pages(language)]


def version_tabs(other_pythons) -> list[str]:
    """The tabs a versions="all" block must have: each Python the build ran, by version."""
    found = [python for python in other_pythons.values() if isinstance(python, Interpreter)]
    return [f"Python {p.label}" for p in by_version(found)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_shows_each_snippet_with_its_real_output(
    page, built_site, update_examples, other_pythons
):
    expected: list[Fence] = [fence for fence in all_fences() if fence.page == page]
    shown = outputs_on(page, built_site)
    assert [name for name, _, _ in shown] == [fence.snippet for fence in expected]
    tabs = version_tabs(other_pythons)
    for fence, (name, runs, source) in zip(expected, shown, strict=True):
        assert source.strip() == (SNIPPETS / name).read_text(encoding="utf-8").strip()
        assert len(runs) == (len(tabs) if fence.options.versions else fence.options.runs)
        for output in runs:
            check_output(name, output, update=update_examples)


def test_version_tabs_name_each_python_that_ran_and_open_on_the_builds(built_site, other_pythons):
    tabs = version_tabs(other_pythons)
    versioned = {(f.page, f.snippet) for f in all_fences() if f.options.versions}
    assert len(tabs) >= 2 or not other_pythons, "every Python found ran"
    seen = 0
    for page in PAGES:
        for block in html_for(page, built_site).select("div.snippet-output"):
            if (page, block["data-snippet"]) not in versioned:
                continue
            seen += 1
            labels = [label.get_text() for label in block.select(".tabbed-labels label")]
            if len(tabs) == 1:
                assert not labels, "one Python: one output, no tabs"
                continue
            assert labels == tabs
            checked = block.select_one("input[checked]")["id"]
            build = tabs.index(f"Python {current().label}") + 1
            assert checked.endswith(f"_{build}"), "the build's Python shows first"
            # Each such snippet names its Python first: no tab shows another Python's run
            outputs = [samp.get_text() for samp in block.select("samp")]
            assert len(outputs) == len(tabs)
            for label, output in zip(tabs, outputs, strict=True):
                minor = ".".join(label.removeprefix("Python ").split(".")[:2])
                assert re.match(rf"Python {re.escape(minor)}\b", output), (label, output)
    assert seen == len(versioned)


def test_home_page_stamp_lists_the_pythons_that_ran_and_those_missing(built_site, other_pythons):
    for language in LANGUAGES:
        stamp = html_for(DOCS / language / "index.md", built_site).select_one(".build-stamp")
        text = stamp.get_text(" ", strip=True)
        ran = [label.removeprefix("Python ") for label in version_tabs(other_pythons)]
        assert ", ".join(ran) in text or (len(ran) == 1 and ran[0] in text), text
        missing = [name for name in OTHER_PYTHONS if name not in other_pythons]
        broken = [n for n, p in other_pythons.items() if isinstance(p, Unavailable)]
        for names in (missing, broken):
            assert not names or f": {', '.join(names)}." in text, (names, text)


def test_what_pages_say_about_several_runs_holds(built_site):
    blocks = [
        (page, name, runs)
        for page in PAGES
        for name, runs, _ in outputs_on(page, built_site)
        if name in ACROSS_RUNS
    ]
    # Every such claim is about a block that really shows several runs, on both pages
    assert sorted({name for _, name, _ in blocks}) == sorted(ACROSS_RUNS)
    for page, name, runs in blocks:
        assert len(runs) >= 2, f"{page}: {name} shows one run"
        ACROSS_RUNS[name](runs)


def test_each_snippet_ran_once_for_both_languages(built_site):
    seen: dict[str, list[str]] = {}
    for page in PAGES:
        for name, runs, _ in outputs_on(page, built_site):
            seen.setdefault(name, [])
            if seen[name]:
                assert runs == seen[name], f"{name} shows different runs on different pages"
            seen[name] = runs
    assert seen


def test_build_log_lists_each_run_once(built_site):
    log = (built_site / "build.log").read_text(encoding="utf-8")
    expected = {(f.snippet, n) for f in all_fences() for n in range(1, f.options.runs + 1)}
    for name, number in expected:
        assert log.count(f"ran snippets/{name} (run {number}) ") == 1, (name, number)


def test_site_leaks_no_build_machine_path(built_site, other_pythons):
    # The other Pythons' paths too: version tabs show their runs
    others = [p for p in other_pythons.values() if isinstance(p, Interpreter)]
    prefixes = [path for p in others for path in (p.prefix, p.base_prefix)]
    assert leaked_paths(built_site, *prefixes) == []


@pytest.mark.parametrize(
    "page",
    [page for language in LANGUAGES for page in site_pages(language)],
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_language_switch_leads_to_the_same_page(page, built_site):
    here = page_url(page)
    links = {
        a["hreflang"]: urljoin(here, a["href"])
        for a in html_for(page, built_site).select("a.md-select__link[hreflang]")
    }
    relative = page.relative_to(DOCS).parts[1:]
    assert links == {
        language: page_url(DOCS.joinpath(language, *relative)) for language in LANGUAGES
    }


def test_russian_headings_get_readable_anchors(built_site):
    soup = html_for(DOCS / "ru" / "threads.md", built_site)
    ids = [h["id"] for h in soup.select("h2[id]")]
    cyrillic = [i for i in ids if any("CYRILLIC" in unicodedata.name(ch, "") for ch in i)]
    assert len(ids) >= 5 and len(cyrillic) >= len(ids) - 2, ids  # a few are all code


def test_pages_load_nothing_from_other_origins(built_site):
    assert from_other_origins(built_site) == []


FIGURE_FENCES = [fence for fence in all_fences() if fence.options.figure]
AXIS_LABEL = {
    "timeline": {"ru": "секунды от начала", "en": "seconds since the start"},
    "speed-up": {"ru": "потоков или процессов в пуле", "en": "workers"},
    "bars": {"ru": "секунды", "en": "seconds"},
}


def test_pages_have_figures():
    # The test below must not pass by finding nothing.
    assert {fence.options.figure for fence in FIGURE_FENCES} == {"timeline", "speed-up", "bars"}


@pytest.mark.parametrize(
    "fence", FIGURE_FENCES, ids=lambda f: f"{f.page.relative_to(DOCS).as_posix()}:{f.snippet}"
)
def test_figure_is_drawn_from_the_output_shown_above_it(fence, built_site):
    """The figure, read back from where it draws what, says what the table above it says."""
    from snippet_fence.figures import (
        EXECUTORS,
        WAYS,
        WORKS,
        _title,
        parse_bars,
        parse_spans,
        parse_timings,
    )

    language = fence.page.relative_to(DOCS).parts[0]
    block = html_for(fence.page, built_site).select_one(
        f'div.snippet-output[data-snippet="{fence.snippet}"]'
    )
    output = block.select_one("pre samp").get_text()
    svg = block.select_one("figure.snippet-figure svg[role=img]")
    assert svg is not None, "no figure under the output"
    assert AXIS_LABEL[fence.options.figure][language] in svg.get_text()
    root = ET.fromstring(str(svg))
    if fence.options.figure == "timeline":
        drawn = read_timeline(root)
        spans = parse_spans(output)
        ways = list(dict.fromkeys(span.way for span in spans))
        assert [heading.split(" — ")[0] for heading in drawn] == [
            _title(WAYS, way, language) for way in ways
        ]
        step = (
            max(span.end for span in spans) / 200
        )  # 1.75 px of the 350 px axis: a bar is at least 1 px
        for way, bars in zip(ways, drawn.values(), strict=True):
            table = sorted((s for s in spans if s.way == way), key=lambda s: s.call)
            assert len(bars) == len(table), way
            for (label, start, end), span in zip(bars, table, strict=True):
                assert label.split() == [str(span.call), *span.worker.split()], way
                assert abs(start - span.start) < step and abs(end - span.end) < step, (
                    way,
                    span,
                    start,
                    end,
                )
    elif fence.options.figure == "bars":
        drawn, pixel = read_bars(root)
        printed = parse_bars(output)
        assert [label for label, _ in drawn] == [label for label, _ in printed]
        for (label, shown), (_, seconds) in zip(drawn, printed, strict=True):
            assert abs(shown - seconds) < 1.5 * pixel, (label, shown, seconds)
    else:
        drawn, cpu_lines = read_speed_up(root)
        timings, cpus = parse_timings(output)
        table = {}
        for t in timings:
            if t.executor != "sequential":
                key = (_title(WORKS, t.work, language), _title(EXECUTORS, t.executor, language))
                table.setdefault(key, []).append((t.workers, t.speed_up))
        assert sorted(drawn) == sorted(table), "each panel and series, under its own name"
        for key, points in table.items():
            read = drawn[key]
            assert [w for w, _ in read] == sorted(w for w, _ in points), key
            for (_, shown), (_, printed) in zip(read, sorted(points), strict=True):
                assert abs(shown - printed) < 0.03, (key, read, sorted(points))
        most = max(t.workers for t in timings)
        expected_lines = len({t.work for t in timings}) if cpus and cpus <= most else 0
        assert len(cpu_lines) == expected_lines
        assert all(abs(position - cpus) < 0.05 for position in cpu_lines), (cpu_lines, cpus)
