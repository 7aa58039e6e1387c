"""MkDocs plugin for the notebook pages that mkdocs-jupyter executes.

- Jupyter reads its settings from `jupyter_config/` here: a timeout for every cell,
  consecutive stream outputs merged (child processes write in tiny pieces), and a
  quiet kernel log.
- mkdocs-static-i18n rebuilds the file list with plain `File` objects, which turns
  `.ipynb` pages into static files (raw JSON); they are made pages again.
- A cell tagged `raises-exception` must show an error: the build fails if it stops
  raising. Any other failing cell already fails mkdocs-jupyter (allow_errors: false).
- Paths of the build machine are taken out of the rendered outputs.
- Notebooks execute while the snippets run (once for all languages: they share their
  code cells), filling mkdocs-jupyter's cache, which is
  kept per interpreter, refilled by fresh builds, and not pruned between languages
  (each language is a build of its own, and mkdocs-jupyter deletes the entries a build
  did not use).
"""

from __future__ import annotations

import functools
import json
import os
import platform
import posixpath
import re
import sys
import tempfile
import time
import types
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path

import nbformat
from markdown.extensions.toc import unique
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url
from mkdocs_jupyter import convert
from mkdocs_jupyter import plugin as jupyter_plugin
from mkdocs_jupyter.nbconvert2 import get_nbconvert_app
from nbconvert.preprocessors import ExecutePreprocessor
from pymdownx.slugs import slugify

from site_plugins.languages import site_languages
from snippet_engine import switches
from snippet_engine.cache import write_atomically
from snippet_engine.process import scrub_paths

log = get_plugin_logger("notebooks")
CONFIG_DIR = Path(__file__).parent / "jupyter_config"
EXPECTED_ERROR_TAG = "raises-exception"
# The mkdocs-jupyter settings its nbconvert app takes
_APP_OPTIONS = (
    "kernel_name",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
)
# The opening tag of each cell (mkdocs-jupyter wraps code cells twice; only one has the id)
_CELL = re.compile(r'<div class="jp-Cell [^"]*" id="cell-id=')
# How IPython shows an exception that a cell raised (not merely text on stderr)
IPYTHON_TRACEBACK = re.compile(r"-{20,}\s+\w+\s+Traceback \(most recent call last\)")


def _is_notebook(file) -> bool:
    return file.src_uri.endswith(".ipynb")


class NotebooksPlugin(BasePlugin):
    def on_config(self, config):
        paths = os.environ.get("JUPYTER_CONFIG_PATH", "")
        if str(CONFIG_DIR) not in paths.split(os.pathsep):
            os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
                filter(None, [str(CONFIG_DIR), paths])
            )
        self.root = Path(config.config_file_path).resolve().parent
        self.jupyter = config.plugins.get("mkdocs-jupyter")
        if self.jupyter is not None:
            if not switches.execute():
                self.jupyter.config["execute"] = False
            self.jupyter.config["cache"] = True
            interpreter = f"{platform.python_version()}-{sys.platform}-{platform.machine()}"
            folder = self.root / ".cache" / "notebooks" / interpreter
            self.jupyter.config["cache_dir"] = str(folder)
        return config

    def shared_work(self, files) -> list[Callable[[], None]]:
        """Notebooks to execute while the snippets run: mkdocs-jupyter then finds them cached.

        Notebooks with the same code cells (one per language) execute once, and every
        language shows that run, as with snippets.
        """
        if self.jupyter is None or not self.jupyter.config["execute"]:
            return []
        settings = self.jupyter.config
        groups: dict[str, list[tuple[str, Path]]] = {}
        for file in files:
            if _is_notebook(file):
                key = jupyter_plugin._compute_cache_key(file.abs_src_path, settings, True)
                entry = jupyter_plugin._get_cache_path(settings["cache_dir"], key)
                if switches.fresh():  # executed again; if that fails, rendering must too
                    entry.unlink(missing_ok=True)
                if not entry.exists():
                    code = _code_of(nbformat.read(file.abs_src_path, as_version=4))
                    groups.setdefault(code, []).append((file.abs_src_path, entry))
        return [functools.partial(self._execute, group) for group in groups.values()]

    def _execute(self, group: list[tuple[str, Path]]) -> None:
        settings = self.jupyter.config
        options = {
            name: settings[name]
            for name in [
                "kernel_name",
                "theme",
                "allow_errors",
                "show_input",
                "no_input",
                "no_prompt",
                "remove_tag_config",
                "highlight_extra_classes",
                "include_requirejs",
                "custom_mathjax_url",
            ]
        }
        started = time.monotonic()
        first = Path(group[0][0])
        try:
            executed = nbformat.read(first, as_version=4)
            app_options = {name: options[name] for name in _APP_OPTIONS}
            app = get_nbconvert_app(execute=True, **app_options)
            ExecutePreprocessor(config=app.config).preprocess(
                executed, {"metadata": {"path": str(first.parent)}}
            )
        except Exception:  # mkdocs-jupyter runs it again while rendering, and reports it
            return
        runs = [cell for cell in executed.cells if cell.cell_type == "code"]
        for notebook, entry in group:
            shown = nbformat.read(notebook, as_version=4)
            for cell, run in zip(
                (c for c in shown.cells if c.cell_type == "code"), runs, strict=True
            ):
                cell.outputs, cell.execution_count = run.outputs, run.execution_count
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / Path(notebook).name
                nbformat.write(shown, copy)
                body = convert.nb2html(str(copy), execute=False, **options)
            toc, title = jupyter_plugin._get_nb_toc_tokens(notebook, settings["toc_depth"])
            write_atomically(
                entry, json.dumps({"content": body, "toc_tokens": toc, "title": title})
            )
        names = ", ".join(str(Path(n).relative_to(self.root)) for n, _ in group)
        log.info("executed %s in %.1f s", names, time.monotonic() - started)

    @event_priority(50)  # before mkdocs-jupyter prunes its cache
    def on_post_build(self, *, config) -> None:
        if self.jupyter is not None and self.jupyter.config["cache"]:
            folder = Path(self.jupyter.config["cache_dir"])
            # mkdocs-jupyter keeps only what this build used; the other language's entry
            # must survive too.
            self.jupyter._used_cache_paths.update(folder.glob("*.json"))

    @event_priority(-200)  # after mkdocs-static-i18n has replaced the File objects
    def on_files(self, files, *, config):
        for file in files:
            if _is_notebook(file) and not file.is_documentation_page():
                file.is_documentation_page = types.MethodType(lambda self: True, file)
        return files

    @event_priority(-100)  # after mkdocs-static-i18n has set the language switch's links
    def on_page_context(self, context, *, page, config, nav):
        """Point the language switch of a notebook page at the same notebook.

        mkdocs-static-i18n finds no alternate for a page it took for a static file.
        """
        # mkdocs-static-i18n sets it as an attribute, which templates read first
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
        locale = getattr(page.file, "locale", None)
        if not _is_notebook(page.file) or not alternates or locale is None:
            return context
        default, _ = site_languages(config)
        path = page.url if locale == default else page.url.removeprefix(f"{locale}/")
        for alternate in alternates:
            language = alternate["lang"]
            alternate["link"] = path if language == default else f"{language}/{path}"
        return context

    def on_page_content(self, html: str, *, page, config, files) -> str:
        if not _is_notebook(page.file):
            return html
        if self.jupyter is None or self.jupyter.config["execute"]:
            for number in _silent_expected_errors(html):
                log.error(
                    "%s: cell %d is tagged %s but raised no error",
                    Path(config.docs_dir, page.file.src_uri).relative_to(self.root),
                    number,
                    EXPECTED_ERROR_TAG,
                )
        html = _readable_heading_ids(html, page.toc)
        html = _page_links(html, page, files)
        html = html.replace('<script src=""> </script>', "")  # an unused MathJax slot
        # A code cell wider than the page scrolls; keyboard users must be able to reach it
        html = html.replace(
            '<div class="highlight-ipynb',
            '<div tabindex="0" class="highlight-ipynb',
        )
        return scrub_paths(html, self.root, html=True)


def _code_of(notebook) -> str:
    """What a notebook runs: its code cells and their tags."""
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    return json.dumps([(c.source, c.metadata.get("tags", [])) for c in cells])


def _silent_expected_errors(html: str) -> list[int]:
    """Numbers (1-based) of the cells tagged to raise whose output shows no exception."""
    # Each cell's div carries its id; the text up to the next one is that cell.
    starts = [match.start() for match in _CELL.finditer(html)]
    silent = []
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(html)], strict=True), 1):
        cell = html[start:end]
        opening = cell[: cell.index(">")]
        if f"celltag_{EXPECTED_ERROR_TAG}" in opening:
            text = unescape(re.sub(r"<[^>]+>", "", cell))
            if not IPYTHON_TRACEBACK.search(text):
                silent.append(number)
    return silent


_HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">', re.S)


def _readable_heading_ids(html: str, toc) -> str:
    """Give notebook headings the site's own anchors (Cyrillic kept, as on other pages),
    and the table of contents their whole text.

    nbconvert drops non-ASCII letters from heading ids, leaving Russian headings with
    empty, duplicate ids that the table of contents ("#_1", "#_2") doesn't match.
    """
    headings: list[tuple[str, str]] = []  # (id, text) of each heading, in order
    taken: set[str] = set()

    def renumber(match: re.Match) -> str:
        text = unescape(re.sub(r"<[^>]+>", "", match[2])).strip()
        new = unique(slugify(case="lower")(text, "-") or "section", taken)  # base, base_1, ...
        headings.append((new, text))
        return f'<h{match[1]} id="{new}">{match[2]}<a class="anchor-link" href="#{new}">'

    html = _HEADING.sub(renumber, html)
    entries = list(_toc_entries(toc.items))
    if len(entries) == len(headings):  # the same headings, in the same order
        for entry, (new, text) in zip(entries, headings, strict=True):
            entry.id = new
            # mkdocs-jupyter takes the entries from a Markdown copy that has lost its
            # inline code ("`multiprocess` sends ..." became "sends ..."); the rendered
            # heading has it all
            entry.title = escape(text, quote=False)
    return html


def _toc_entries(items):
    for item in items:
        yield item
        yield from _toc_entries(item.children)


_MD_LINK = re.compile(r'href="([^":#]+\.md)(#[^"]*)?"')


def _page_links(html: str, page, files) -> str:
    """Links from a notebook's Markdown cells to chapters, as MkDocs writes them on pages.

    mkdocs-jupyter leaves `processes.md#anchor` as it is; the site serves `../processes/`.
    """

    def link(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match[1]))
        file = files.get_file_from_path(target)
        if file is None:
            return match[0]  # left for the link check to report
        return f'href="{get_relative_url(file.url, page.url)}{match[2] or ""}"'

    return _MD_LINK.sub(link, html)
