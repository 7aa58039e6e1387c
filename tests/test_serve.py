"""The author's loop: `mkdocs serve --dirty`, as `make serve` runs it, on a throwaway copy.

One server for the module; each test edits the copy, waits for the pages to show the
edit, and undoes it. The copy starts with the cache the session's build filled, so its
first build runs nothing that build ran.
"""

from __future__ import annotations

import json
import re
import time
from html import unescape

import pytest

from build_benchmark.live_server import LiveServer, copy_project
from tests.pages import ROOT

SNIPPET = "053/02_two_threads.py"  # shown once on the threads page of each language
PAGES = {"ru": "/threads/", "en": "/en/threads/"}
FAILED = {
    "ru": "Этот пример упал при сборке сайта",
    "en": "This snippet failed while the site was built",
}
WAIT = 120  # seconds; an edit takes a few, the limit is for a slow machine
RAN = re.compile(r"ran (snippets/\S+) \(run \d+\)")


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_site):
    return copy_project(ROOT, tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def server(project):
    with LiveServer(project) as server:
        for path in PAGES.values():
            server.wait_for(path, "</html>", 600)
        yield server


def outputs(page: str) -> list[str]:
    """The text of every output block on a page, in order."""
    blocks = re.findall(r'<samp tabindex="0">(.*?)</samp>', page, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def navigation(page: str) -> list[str]:
    """The titles a page's navigation and footer show for the pages, in order."""
    return [unescape(t) for t in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page)]


def text_of(page: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", page))


def edit(path, text: str) -> str:
    """Write `text` to `path`; the old text, to put back."""
    old = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return old


def test_an_edited_snippet_reaches_both_languages_and_no_other_page(server, project):
    snippet = project / "snippets" / SNIPPET
    before = {path: outputs(server.page(path)) for path in PAGES.values()}
    titles = {path: navigation(server.page(path)) for path in PAGES.values()}
    assert all(len(shown) > 8 and "None" not in shown for shown in titles.values())
    marker = f"edited-{time.time_ns()}"
    start = len(server.log)
    original = edit(snippet, f"{snippet.read_text(encoding='utf-8')}print({marker!r})\n")
    try:
        for path in PAGES.values():
            page = server.wait_for(path, marker, WAIT)
            assert f"print({marker!r})" in text_of(page), f"{path}: the new source"
            changed = [a for a, b in zip(outputs(page), before[path], strict=True) if a != b]
            assert len(changed) == 1 and changed[0].rstrip().endswith(marker), path
            # The pages this rebuild did not read keep their titles in its navigation
            assert navigation(page) == titles[path], path
        log = server.log[start:]
        assert RAN.findall(log) == [f"snippets/{SNIPPET}"], "that snippet ran, once for both"
        for language in PAGES:
            line = f"{language}: rendered again, as the runs they show changed: "
            assert f"{line}{language}/threads.md\n" in log, f"the {language} threads page only"
    finally:
        edit(snippet, original)
    for path in PAGES.values():
        server.wait_for(path, marker, WAIT, gone=True)
        assert outputs(server.page(path)) == before[path], "back to the cached runs"


def test_a_broken_edit_shows_on_both_pages_and_so_does_its_fix(server, project):
    snippet = project / "snippets" / SNIPPET
    before = {path: outputs(server.page(path)) for path in PAGES.values()}
    original = edit(snippet, f"{snippet.read_text(encoding='utf-8')}raise SystemExit(3)\n")
    try:
        for language, path in PAGES.items():
            page = server.wait_for(path, FAILED[language], WAIT)
            assert "exited with code 3" in page, path
        assert server.process.poll() is None, "the server is still up"
    finally:
        edit(snippet, original)
    for language, path in PAGES.items():
        server.wait_for(path, FAILED[language], WAIT, gone=True)
        assert outputs(server.page(path)) == before[path]
    assert f"docs/en/threads.md: snippets/{SNIPPET}: exited with code 3" in server.log


def test_a_page_added_to_nav_is_in_every_pages_navigation(server, project):
    config = project / "mkdocs.yml"
    marker = f"added-{time.time_ns()}"
    added = [project / "docs" / language / f"{marker}.md" for language in PAGES]
    for page in added:
        page.write_text(f"# {marker}\n\nA page added while the server runs.\n", encoding="utf-8")
    original = edit(
        config,
        config.read_text(encoding="utf-8").replace(
            "  - glossary.md\n", f"  - glossary.md\n  - {marker}.md\n", 1
        ),
    )
    try:
        server.wait_for(f"/en/{marker}/", marker, WAIT)
        for path in PAGES.values():  # pages whose own source did not change
            server.wait_for(path, f'href="../{marker}/"', WAIT)
    finally:
        edit(config, original)
        for page in added:
            page.unlink()
    for path in PAGES.values():
        server.wait_for(path, marker, WAIT, gone=True)


def search_entries(server: LiveServer) -> list[dict]:
    return json.loads(server.page("/search/search_index.json"))["docs"]


def test_the_search_index_stays_whole_and_current(server, project):
    """Rebuild after rebuild: every page's entries once, the edited one's newest text."""
    before = sorted(entry["location"] for entry in search_entries(server))
    assert len(before) == len(set(before)) > 100
    # Each rebuild used to double the index. A home page's location is a prefix of
    # every other location of its language
    for n, (name, url) in enumerate([("glossary", "/en/glossary/"), ("index", "/en/")] * 2):
        page = project / "docs" / "en" / f"{name}.md"
        marker = f"indexed-{n}-{time.time_ns()}"
        original = edit(page, f"{page.read_text(encoding='utf-8')}\n{marker}\n")
        try:
            server.wait_for(url, marker, WAIT)
            server.wait_idle(WAIT)
            entries = search_entries(server)
        finally:
            edit(page, original)
        assert sorted(entry["location"] for entry in entries) == before
        assert len([entry for entry in entries if marker in entry["text"]]) == 1
        server.wait_for(url, marker, WAIT, gone=True)
        server.wait_idle(WAIT)


def test_a_new_title_shows_in_every_pages_navigation(server, project):
    page = project / "docs" / "en" / "glossary.md"
    text = page.read_text(encoding="utf-8")
    old = re.search(r"^# (.+)$", text, re.M)[1]
    new = f"Glossary {time.time_ns()}"
    original = edit(page, text.replace(f"# {old}", f"# {new}", 1))
    try:
        server.wait_for(PAGES["en"], new, WAIT)  # a page whose own source did not change
    finally:
        edit(page, original)
    server.wait_for(PAGES["en"], new, WAIT, gone=True)
    server.wait_idle(WAIT)


def test_an_edit_to_the_runner_restarts_the_server_with_the_new_code(server, project):
    module = project / "site_plugins" / "restart.py"
    marker = f"runner-edit-{time.time_ns()}"
    start = len(server.log)
    original = edit(module, f"{module.read_text(encoding='utf-8')}\nlog.info({marker!r})\n")
    try:
        deadline = time.monotonic() + WAIT
        while marker not in server.log[start:] and time.monotonic() < deadline:
            time.sleep(0.1)
        log = server.log[start:]
        assert "the site's code changed on disk: restarting the server" in log
        assert marker in log, "the new process imported the edited module"
        for path in PAGES.values():  # served again once the new process has built the site
            server.wait_for(path, "</html>", WAIT)
    finally:
        edit(module, original)
    # Putting it back restarts the server once more
    deadline = time.monotonic() + WAIT
    while server.log[start:].count("restarting the server") < 2:
        assert time.monotonic() < deadline, "no restart after the edit was undone"
        time.sleep(0.1)
    server.wait_idle(WAIT)
    for path in PAGES.values():
        server.wait_for(path, "</html>", WAIT)


def test_a_runner_edit_that_does_not_import_keeps_the_old_server(server, project):
    module = project / "snippet_engine" / "store.py"
    start = len(server.log)
    original = edit(module, f"{module.read_text(encoding='utf-8')}\nthis is not Python\n")
    try:
        deadline = time.monotonic() + WAIT
        while "does not import" not in server.log[start:]:
            assert time.monotonic() < deadline, "the broken code was not reported"
            time.sleep(0.1)
        assert "restarting the server" not in server.log[start:]
        server.wait_idle(WAIT)
        assert "</html>" in server.page(PAGES["en"]), "still serving"
    finally:
        edit(module, original)
    server.wait_idle(WAIT)
