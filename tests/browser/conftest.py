"""The built site served on 127.0.0.1 and read in headless Chromium, as a reader reads it.

Playwright drives the system's Chromium (Debian's `chromium`): Playwright's own browser
download is not used. Without Chromium these tests skip with one line saying how to
enable them, except under CI=true, where they must run.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import mkdocs_build
from tests.pages import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium contacts Google hosts on its own unless every name but ours fails to resolve.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
NODE_TOOLS = ROOT / "node_modules" / ".bin"
SHOTS = ROOT / ".cache" / "screenshots"  # git-ignored: for people to look at
# GitHub Pages serves a project's site under its name: the tests serve the site under a
# subpath too, so that a link or request that assumes the server's root fails them
SUBPATH = "/threads-processes-guide"


def require(available: bool, what: str, how: str) -> None:
    """Skip locally when a tool is missing; under CI a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI", "").lower() in ("1", "true"):
        pytest.fail(f"CI=true but {what} is missing: {how}")
    pytest.skip(f"{what} not found; to run these tests: {how}")


def require_chromium() -> None:
    require(
        Path(CHROMIUM).is_file(),
        f"Chromium ({CHROMIUM})",
        "sudo apt-get install chromium (or set CHROMIUM=/path/to/chromium)",
    )


def require_node_tool(name: str) -> Path:
    tool = NODE_TOOLS / name
    require(
        tool.is_file() and shutil.which("node") is not None,
        f"node_modules/.bin/{name}",
        "install Node.js and run `npm ci` in the repository",
    )
    return tool


def require_validator() -> Path:
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    require(
        jar.is_file() and shutil.which("java") is not None,
        "the Nu HTML validator (node_modules/vnu-jar and Java)",
        "install Java and Node.js and run `npm ci` in the repository",
    )
    return jar


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host does, under SUBPATH: text compressed with gzip; no
    request log; anything outside SUBPATH is not found."""

    def translate_path(self, path: str) -> str:
        inside = path.split("?")[0] == SUBPATH or path.startswith(SUBPATH + "/")
        if not inside:
            return str(Path(self.directory) / "not-under-the-subpath" / "none")
        return super().translate_path(path[len(SUBPATH) :] or "/")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
            or not kind.startswith(_TEXT)
        ):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser that drops a connection early is no failure of the site


_TEXT = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(site: Path, port: int) -> ThreadingHTTPServer:
    """Serve the built `site` at 127.0.0.1:`port`SUBPATH from a background thread."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site_url(built_site: Path, tmp_path_factory) -> Iterator[str]:
    """The site over HTTP at 127.0.0.1:port/threads-processes-guide, built for that address
    (`site_url` makes the language links absolute), as GitHub Pages serves a project's
    site. It reuses the outputs of the session's fresh build."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    site = tmp_path_factory.mktemp("served")
    result = mkdocs_build(ROOT / "mkdocs.yml", site, fresh=False, SITE_URL=url + "/")
    assert result.returncode == 0, result.stderr
    server = serve(site, port)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def open_context(browser, site_url: str, **options):
    """A fresh browser profile on the site; `context.requested` lists every URL it asked
    for, so a test can check that nothing left the site."""
    context = browser.new_context(base_url=site_url + "/", **options)
    context.site_url = site_url
    context.requested = []
    context.on("request", lambda request: context.requested.append(request.url))
    return context


def go(page, path: str) -> None:
    """Open a page of the site by its path from the site's root ("/en/threads/")."""
    page.goto(page.context.site_url + path)


def site_path(address: str) -> str:
    """An address's path from the site's root; one outside the site says so."""
    path = urlsplit(address).path
    if not path.startswith(SUBPATH + "/"):
        return f"outside the site: {path}"
    return path[len(SUBPATH) :]


@pytest.fixture
def context(browser, site_url):
    """A fresh profile per test, allowed to use the clipboard."""
    context = open_context(
        browser,
        site_url,
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
    )
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
