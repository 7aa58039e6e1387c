"""One reading of a page in Chromium, on a phone and a desktop, in each palette.

Everything the per-page browser tests check is gathered in that one reading: a page is
loaded four times in all, and axe-core (most of the time) runs once per palette. Tests
then assert on the `Visit`, so each check still has its own test and its own message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.conftest import SHOTS, open_context, site_path
from tests.pages import DEFAULT_LANGUAGE, LANGUAGES

SCHEMES = {"light": "default", "dark": "slate"}  # system preference: Material's palette
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
SOURCE_BLOCKS = ".highlight:has(> .filename > a.snippet-download)"
# The first screen of each page; whole pages with SCREENSHOTS=full (a long chapter's
# whole-page shots took 9.6 s of its 18 s)
FULL_PAGE_SHOTS = os.environ.get("SCREENSHOTS") == "full"


@dataclass
class Visit:
    """What reading one page showed."""

    # by (device, the system's palette): Material's palette shown, px scrolled sideways
    palette: dict[tuple[str, str], str | None] = field(default_factory=dict)
    overflow: dict[tuple[str, str], int] = field(default_factory=dict)
    violations: dict[str, list[str]] = field(default_factory=dict)  # axe, desktop, by palette
    # (path, <html lang>) after choosing the other language, then this one again
    switched: list[tuple[str, str | None]] = field(default_factory=list)
    copied: dict[str, str] = field(default_factory=dict)  # snippet: its copy button's text
    # snippet: (its link's `download` attribute, the bytes the link delivers)
    downloaded: dict[str, tuple[str | None, bytes]] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)  # requests that left the site


def language_of(url: str) -> str:
    first = url.strip("/").split("/")[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def in_language(url: str, language: str) -> str:
    """The same page's URL in another language."""
    rest = url if language_of(url) == DEFAULT_LANGUAGE else url[len(language_of(url)) + 1 :]
    return rest if language == DEFAULT_LANGUAGE else f"/{language}{rest}"


def outside(requested: list[str], site_url: str) -> list[str]:
    """Requests that leave the site: the site must work offline and tell no one."""
    return [
        address
        for address in requested
        if not address.startswith(site_url + "/") and not address.startswith(("data:", "blob:"))
    ]


def read_page(browser, site_url: str, url: str) -> Visit:
    """Load `url` once per device and palette, each time in a fresh browser profile."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit = Visit()
    for scheme in SCHEMES:
        for device, options in DEVICES.items():
            first = scheme == "light" and device == "desktop"
            context = open_context(
                browser,
                site_url,
                color_scheme=scheme,
                permissions=["clipboard-read", "clipboard-write"] if first else [],
                **options,
            )
            page = context.new_page()
            page.goto(site_url + url, wait_until="load")
            visit.palette[device, scheme] = page.locator("body").get_attribute(
                "data-md-color-scheme"
            )
            visit.overflow[device, scheme] = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if device == "desktop":
                visit.violations[scheme] = axe_violations(page)
            page.screenshot(
                path=SHOTS / f"{_slug(url)}-{device}-{scheme}.png", full_page=FULL_PAGE_SHOTS
            )
            if first:  # what a reader does next, once: copy, download, other language
                _use_snippet_blocks(page, visit)
                _switch_language_and_back(page, url, visit)
            visit.outside += outside(context.requested, site_url)
            context.close()
    return visit


def axe_violations(page) -> list[str]:
    """What axe-core finds against WCAG 2 A and AA on the page as it is shown."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def _use_snippet_blocks(page, visit: Visit) -> None:
    for number, block in enumerate(page.locator(SOURCE_BLOCKS).all()):
        name = block.locator(".filename").inner_text().strip().removeprefix("snippets/")
        page.evaluate("navigator.clipboard.writeText('')")
        block.hover()
        block.locator("button[data-md-type=copy]").first.click()
        visit.copied[name] = page.evaluate("navigator.clipboard.readText()")
        link = block.locator("a.snippet-download")
        if number == 0:
            # A real download; Chromium blocks a page's further automatic downloads
            # until the reader allows them, so the other links are fetched directly.
            with page.expect_download() as download:
                link.click()
            assert download.value.suggested_filename == Path(name).name
            saved = Path(download.value.path()).read_bytes()
        else:
            saved = page.request.get(link.evaluate("a => a.href")).body()
        visit.downloaded[name] = (link.get_attribute("download"), saved)


def _switch_language_and_back(page, url: str, visit: Visit) -> None:
    here = language_of(url)
    other = next(language for language in LANGUAGES if language != here)
    for language in (other, here):
        page.hover(".md-header .md-select")
        page.click(f'.md-header a.md-select__link[hreflang="{language}"]')
        page.wait_for_load_state()
        visit.switched.append((site_path(page.url), page.locator("html").get_attribute("lang")))


def _slug(url: str) -> str:
    return url.strip("/").replace("/", "-") or DEFAULT_LANGUAGE
