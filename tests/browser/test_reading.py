"""What a reader touches, in a real browser: language switch, copy, download, search,
phones; and that no page asks anything of another host while being read."""

from __future__ import annotations

import contextlib
import functools
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from snippet_engine.process import run_snippet
from tests.browser.conftest import go, open_context, site_path
from tests.browser.page_visit import DEVICES, SCHEMES, in_language, language_of, outside, read_page
from tests.more_runs import DEFAULT_TIMEOUT
from tests.pages import (
    LANGUAGES,
    SNIPPETS,
    fences_by_snippet,
    measuring_snippets,
    page_url,
    site_pages,
)

PAGES = [page for language in LANGUAGES for page in site_pages(language)]
URLS = [page_url(page) for page in PAGES]


def home_of(url: str) -> str:
    """The home page in the language of `url`."""
    return in_language("/", language_of(url))


@pytest.fixture(scope="session")
def visit(browser, site_url):
    """`visit(url)`: the one reading of that page the tests below share."""
    return functools.cache(lambda url: read_page(browser, site_url, url))


@pytest.mark.parametrize("url", URLS)
def test_language_switch_lands_on_the_same_page_and_back(visit, url):
    here = language_of(url)
    other = next(language for language in LANGUAGES if language != here)
    assert visit(url).switched == [(in_language(url, other), other), (url, here)]


def shown_snippets(url: str) -> set[str]:
    """Every snippet shown on the page at `url`, as docs/ says."""
    return {
        name
        for name, fences in fences_by_snippet().items()
        for fence in fences
        if page_url(fence.page) == url
    }


@pytest.mark.parametrize("url", URLS)
def test_every_snippet_has_a_copy_button_that_copies_its_file(visit, url):
    clipboard = visit(url).copied
    assert set(clipboard) == shown_snippets(url)
    for name, text in clipboard.items():
        expected = (SNIPPETS / name).read_text(encoding="utf-8")
        assert text.rstrip("\n") == expected.rstrip("\n"), name


@pytest.mark.parametrize("url", URLS)
def test_each_snippet_downloads_as_its_file(visit, url):
    downloaded = visit(url).downloaded
    assert set(downloaded) == shown_snippets(url)
    for name, (attribute, saved) in downloaded.items():
        assert attribute is not None, name
        assert saved == (SNIPPETS / name).read_bytes(), name


def test_copied_snippets_run_as_their_pages_say(visit, tmp_path):
    clipboard = {(url, name): text for url in URLS for name, text in visit(url).copied.items()}
    # What a reader pastes into a file and runs; several at once, only exit codes matter.
    # The measuring (exclusive) snippets are left out: their copied text equals their
    # file (the test above), which the build and the snippet tests run with the machine
    # to themselves
    measuring = measuring_snippets()
    texts = {name: text for (_, name), text in clipboard.items() if name not in measuring}
    for name, text in texts.items():
        (tmp_path / "snippets" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "snippets" / name).write_text(text + "\n", encoding="utf-8")

    def run(name: str):
        options = fences_by_snippet()[name][0].options
        result = run_snippet(
            tmp_path / "snippets" / name, tmp_path, options.timeout or DEFAULT_TIMEOUT
        )
        return name, options.succeeded(result), result

    with ThreadPoolExecutor(max_workers=8) as pool:
        failed = [
            f"{name}: exit {result.returncode}\n{result.output[-500:]}"
            for name, ok, result in pool.map(run, sorted(texts))
            if not ok
        ]
    assert failed == []


# Once its worker is ready, Material runs the empty query, and the line above the
# results changes from "Initializing search" to "Type to start searching".
SEARCH_READY = """() =>
    document.querySelector(".md-search-result__meta").textContent.trim()
    === JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"]"""


def type_on_keyboard(page, text: str) -> None:
    """Types `text` as a keyboard with the text's layout does: a keydown and a keyup for
    every character. (Playwright's own typing sends a character missing from the US
    layout, such as any Cyrillic one, as a bare input event, with no key events.)"""
    keyboard = page.context.new_cdp_session(page)
    for character in text:
        keyboard.send(
            "Input.dispatchKeyEvent", {"type": "keyDown", "key": character, "text": character}
        )
        keyboard.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": character})
        page.wait_for_timeout(20)


# How a reader may enter a query: the search must run for each
WAYS = {
    "typed": "typed key by key once the search is ready",
    "typed early": "typed while the search index is still on its way",
    "pasted": "pasted with the mouse (one input event, no key) once the search is ready",
}
SEARCH_INDEX = "/search/search_index.json"


def search(page, url: str, query: str, way: str = "typed") -> tuple[list[str], str]:
    """The result links Material's search lists for `query` entered on page `url` in one
    of the `WAYS`, and what the page and its search worker did meanwhile, for a
    failure's message."""
    events: list[str] = []
    started = time.monotonic()

    def note(event: str) -> None:
        events.append(f"{time.monotonic() - started:6.2f}s {event}")

    page.on("console", lambda message: note(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: note(f"page error: {error}"))
    page.on("requestfailed", lambda request: note(f"failed {request.url}: {request.failure}"))
    page.on("response", lambda response: note(f"{response.status} {urlsplit(response.url).path}"))
    held = []
    if way == "typed early":
        # The index is held back until the query is typed
        page.route(f"**{SEARCH_INDEX}", lambda route: held.append(route))
    go(page, url)
    note("loaded")
    field = page.locator("input.md-search__input")
    field.click()
    if way == "typed early":
        type_on_keyboard(page, query)
        for _ in range(200):  # the page asks for the index as it starts
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the page never asked for the search index"
        note("index let through")
        held[0].continue_()
    else:
        page.wait_for_function(SEARCH_READY, timeout=60_000)
        note("search ready")
        if way == "pasted":
            page.keyboard.insert_text(query)
        else:
            type_on_keyboard(page, query)
    note(f"field holds {field.input_value()!r}")
    # A query that finds nothing shows no results, and the assertions below say so
    # after this wait runs out (the index takes far longer on a starved machine).
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            "document.querySelectorAll('.md-search-result__item').length > 0", timeout=60_000
        )
    page.wait_for_timeout(300)  # the last keystroke's results replace the previous ones
    note(f"result line {page.locator('.md-search-result__meta').inner_text()!r}")
    results = [
        site_path(href)
        for href in page.locator(".md-search-result__item > a").evaluate_all(
            "links => links.map(a => a.href)"
        )
    ]
    return results, "\n".join(events)


RUSSIAN_QUERIES = [
    ("поток", "/threads/"),
    ("потоки", "/threads/"),
    ("потоков", "/threads/"),
    ("потоками", "/threads/"),
    ("процесс", "/processes/"),
    ("процессы", "/processes/"),
    ("процессами", "/processes/"),
]
ENGLISH_QUERIES = [
    ("threads", "/en/threads/"),
    ("processes", "/en/processes/"),
    ("pool", "/en/pools/"),
]


@pytest.mark.parametrize(("query", "chapter"), RUSSIAN_QUERIES + ENGLISH_QUERIES)
def test_search_finds_the_chapter_in_its_own_language(context, site_url, query, chapter):
    results, events = search(context.new_page(), home_of(chapter), query)
    assert chapter in results, f"{results}, while searching:\n{events}"
    assert {language_of(result) for result in results} == {language_of(chapter)}
    # Searching asks nothing of other hosts either (the index and stemmers are local)
    assert any(address.endswith(SEARCH_INDEX) for address in context.requested)
    assert outside(context.requested, site_url) == []


@pytest.mark.parametrize("way", [way for way in WAYS if way != "typed"])
@pytest.mark.parametrize(
    ("query", "chapter"), [("процессами", "/processes/"), ("pool", "/en/pools/")]
)
def test_search_runs_however_the_query_is_entered(context, query, chapter, way):
    results, events = search(context.new_page(), home_of(chapter), query, way)
    assert chapter in results, f"{WAYS[way]}: {results}, while searching:\n{events}"


# What a reader pastes from an error: the message, or its distinctive part, and the
# section of "When it breaks" that answers it
ERROR_MESSAGES = [
    ("has finished its bootstrapping phase", "bootstrapping"),
    ("Can't get attribute 'square' on <module '__main__'", "cant-get-attribute"),
    ("Can't pickle <function <lambda>", "pickling"),
    ("cannot pickle '_thread.lock' object", "pickling"),
    ("Can't pickle local object", "pickling"),
    ("BrokenProcessPool", "broken-pool"),
    ("A process in the process pool was terminated abruptly", "broken-pool"),
    ("use of fork() may lead to deadlocks in the child", "fork-with-threads"),
    ("Exception in thread Thread-1", "exceptions"),
    ("concurrent.futures.process._RemoteTraceback", "exceptions"),
    ("KeyboardInterrupt", "keyboard-interrupt"),
    ("leaked shared_memory objects to clean up at shutdown", "leaked-shared-memory"),
    ("faulthandler dump_traceback_later", "deadlock"),
    ("QueueHandler QueueListener", "logging"),
]
SHOWN_RESULTS = """() => [...document.querySelectorAll(
    ".md-search-result__item > a, .md-search-result__item > details > a")]
    .map(a => a.href)"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_each_error_message_in_when_it_breaks(context, language):
    # One page per language: each message is pasted over the previous one, as a reader
    # trying one error after another would
    page = context.new_page()
    chapter = in_language("/when-it-breaks/", language)
    _, events = search(page, home_of(chapter), ERROR_MESSAGES[0][0], "pasted")
    field = page.locator("input.md-search__input")
    missing = []
    for query, section in ERROR_MESSAGES:
        field.fill("")
        page.wait_for_function(SEARCH_READY, timeout=10_000)
        page.keyboard.insert_text(query)
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "document.querySelectorAll('.md-search-result__item').length > 0",
                timeout=10_000,
            )
        page.wait_for_timeout(300)
        found = [
            (site_path(href), urlsplit(href).fragment) for href in page.evaluate(SHOWN_RESULTS)
        ]
        if (chapter, section) not in found:
            missing.append(f"{query!r}: no {chapter}#{section} among {len(found)} results")
    assert not missing, "\n".join(missing) + f"\nfirst search:\n{events}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_first_paint_has_the_readers_palette(browser, site_url, scheme):
    """The palette is set before the page is drawn, without Material's script (blocked
    here): the system's on a first visit, and afterwards the one the reader chose."""
    other = next(name for name in SCHEMES if name != scheme)
    context = open_context(browser, site_url, color_scheme=scheme)
    page = context.new_page()
    go(page, "/threads/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[other]

    page.route("**/javascripts/bundle.*.min.js", lambda route: route.abort())
    go(page, "/en/processes/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[other]
    fresh = open_context(browser, site_url, color_scheme=scheme)
    first_visit = fresh.new_page()
    first_visit.route("**/javascripts/bundle.*.min.js", lambda route: route.abort())
    go(first_visit, "/threads/")
    assert first_visit.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    assert first_visit.locator(".md-clipboard, .md-code__nav").count() == 0  # no script ran
    fresh.close()
    context.close()


@pytest.mark.parametrize("url", URLS)
def test_page_in_each_palette_on_phone_and_desktop(visit, url):
    """No sideways scrolling on a phone, no request that leaves 127.0.0.1, no axe-core
    violation in either palette; and a screenshot of each, for people to look at."""
    result = visit(url)
    assert result.palette == {
        (device, scheme): SCHEMES[scheme] for device in DEVICES for scheme in SCHEMES
    }
    assert {place: px for place, px in result.overflow.items() if px > 0} == {}, "scrolls sideways"
    assert result.outside == []
    assert {scheme: found for scheme, found in result.violations.items() if found} == {}
