"""The `snippet` fence: a snippet file's source, then what running it printed.

A page writes

    ```snippet runs="3"
    053/04_hundred_threads.py
    ```

and gets the source of `snippets/053/04_hundred_threads.py` with the output of three real
runs of it under the source. Options are checked before anything runs.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

from markdown_exec import base_format

from snippet_engine.interpreters import Interpreter, Unavailable, current
from snippet_engine.options import FenceOptions, OptionError
from snippet_engine.plan import jobs_for, load_snippet
from snippet_engine.project import Settings, find_pythons, open_store
from snippet_engine.store import RunStore
from snippet_fence.figures import FIGURES, FigureError
from snippet_fence.render import error_html, outputs_html

LOG = logging.getLogger(__name__)


class SnippetFence:
    """Superfences validator and formatter, told by the plugin which page is rendering."""

    def __init__(
        self,
        snippets_dir: Path,
        store: RunStore,
        default_timeout: float,
        log: logging.Logger | logging.LoggerAdapter = LOG,
    ) -> None:
        self.log = log  # the MkDocs plugin passes its own, so that MkDocs counts errors
        self.snippets_dir = snippets_dir
        self.store = store
        self.default_timeout = default_timeout
        self.page = "?"
        self.language = "en"
        self.shown: set[str] = set()  # snippet files the site offers for download
        self.failures: list[str] = []
        self._ids = itertools.count(1)
        # The other Pythons versions="all" blocks run with (interpreters.py), by version
        self.others: list[Interpreter] = []

    @classmethod
    def for_settings(
        cls, settings: Settings, root: Path, log: logging.Logger | logging.LoggerAdapter = LOG
    ) -> tuple[SnippetFence, list[Unavailable]]:
        """The fence over the site's runs, and the Pythons named but not usable here."""
        store = open_store(settings, root, log)
        fence = cls(root / settings.snippets_dir, store, settings.timeout, log)
        fence.others, unavailable = find_pythons(settings, store, log)
        return fence, unavailable

    def validator(
        self, language: str, inputs: dict[str, str], options: dict[str, Any], *_: Any
    ) -> bool:
        try:
            options["parsed"] = FenceOptions.parse(inputs)
        except OptionError as error:
            options["error"] = str(error)
        inputs.clear()
        return True

    def formatter(
        self, source: str, language: str, css_class: str, options: dict[str, Any], md, **_: Any
    ) -> str:
        name = source.strip()
        try:
            if "error" in options:
                raise OptionError(options["error"])
            script, code = load_snippet(self.snippets_dir, name)
        except OptionError as error:
            return self._fail(name, str(error))
        fence: FenceOptions = options["parsed"]
        timeout = fence.timeout or self.default_timeout
        jobs = jobs_for(script, fence, timeout, self.others)
        runs = [self.store.get(job) for job in jobs]
        tab_labels, selected = None, 0
        if fence.versions:
            pythons = [job.interpreter or current() for job in jobs]
            tab_labels = [f"Python {python.label}" for python in pythons]
            selected = pythons.index(current())
        for n, run in enumerate(runs):
            detail = fence.failure(run, timeout)
            if detail is not None:
                if tab_labels:
                    detail = f"with {tab_labels[n]}: {detail}"
                return self._fail(name, detail)
        uid = f"snippet{next(self._ids)}"
        figures = []
        if fence.figure is not None:
            draw = FIGURES[fence.figure]
            try:
                figures = [
                    "" if run.skipped else draw(run.output, self.language, f"{uid}-{n}")
                    for n, run in enumerate(runs, 1)
                ]
            except FigureError as error:
                return self._fail(name, str(error))
        html = outputs_html(
            name, runs, self.language, uid, figures, tab_labels=tab_labels, selected=selected
        )
        block = base_format(
            language="python",
            run=lambda *_args, **_kwargs: html,
            code=code,
            md=md,
            html=True,
            source="above",
            extra={"title": f"snippets/{name}"},
            update_toc=False,
        )
        self.shown.add(name)
        return block

    def _fail(self, name: str, detail: str) -> str:
        message = f"{self.page}: snippets/{name}: {detail}"
        self.log.error(message)
        self.failures.append(message)
        return error_html(f"snippets/{name}", detail, self.language)
