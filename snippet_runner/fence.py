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
import signal
from pathlib import Path
from typing import Any

from markdown_exec import base_format
from mkdocs.plugins import get_plugin_logger

from snippet_runner.figures import FIGURES, FigureError
from snippet_runner.interpreters import Interpreter, by_version, current
from snippet_runner.options import FenceOptions, OptionError
from snippet_runner.process import Run
from snippet_runner.render import error_html, outputs_html
from snippet_runner.store import Job, RunStore

log = get_plugin_logger("snippets")
TAIL_LINES = 15


class SnippetFence:
    """Superfences validator and formatter, told by the plugin which page is rendering."""

    def __init__(self, snippets_dir: Path, store: RunStore, default_timeout: float) -> None:
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
        tab_labels, selected = None, 0
        if fence.versions:
            pythons, build = by_version(self.others), current()
            # None: the build's own Python, its run keyed as every other block's
            jobs = [Job(script, 1, timeout, interpreter=None if p is build else p) for p in pythons]
            runs = [self.store.get(job) for job in jobs]
            tab_labels = [f"Python {p.label}" for p in pythons]
            selected = pythons.index(build)
        else:
            runs = [self.store.get(Job(script, n, timeout)) for n in range(1, fence.runs + 1)]
        for n, run in enumerate(runs):
            if not fence.succeeded(run):
                detail = _failure(run, fence, timeout)
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
        log.error(message)
        self.failures.append(message)
        return error_html(f"snippets/{name}", detail, self.language)


def load_snippet(snippets_dir: Path, name: str) -> tuple[Path, str]:
    """The file a fence names and its source, or OptionError saying what is wrong."""
    if not name or "\n" in name or not name.endswith(".py"):
        raise OptionError(f"the block must hold one path to a .py file, got {name!r}")
    script = (snippets_dir / name).resolve()
    if not script.is_relative_to(snippets_dir.resolve()):
        raise OptionError(f"{name!r} is outside {snippets_dir.name}/")
    if not script.is_file():
        raise OptionError(f"no such snippet file: {snippets_dir.name}/{name}")
    try:
        code = script.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise OptionError(f"{snippets_dir.name}/{name} is not UTF-8 text: {error}") from None
    if not code.strip():
        raise OptionError(f"{snippets_dir.name}/{name} is empty")
    try:
        compile(code, name, "exec")
    except SyntaxError as error:
        raise OptionError(f"{snippets_dir.name}/{name} is not valid Python: {error}") from None
    return script, code


def _failure(run: Run, fence: FenceOptions, timeout: float) -> str:
    if run.timed_out:
        what = f"timed out after {timeout:g} s; it and every process it started were killed"
    elif run.returncode is not None and run.returncode < 0:
        what = f"was killed by signal {signal.Signals(-run.returncode).name}"
    else:
        what = f"exited with code {run.returncode}"
    if run.leftovers and not run.timed_out:
        what += f", leaving {run.leftovers} process(es) running (killed)"
    if fence.expect is not None:
        what = f"was expected to fail with {fence.expect}, but {what}"
    tail = "\n".join(run.output.rstrip().splitlines()[-TAIL_LINES:])
    return f"{what}\n{tail}" if tail else what
