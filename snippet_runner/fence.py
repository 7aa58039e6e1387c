"""The `snippet` fence: a snippet file's source, then what running it printed.

A page writes

    ```snippet runs="3"
    053/threads_dict.py
    ```

and gets the source of `snippets/053/threads_dict.py` with the output of three real
runs of it under the source. Options are checked before anything runs.
"""

from __future__ import annotations

import itertools
import logging
import signal
from pathlib import Path
from typing import Any

from markdown_exec import base_format

from snippet_runner.options import FenceOptions, OptionError
from snippet_runner.process import Run
from snippet_runner.render import error_html, outputs_html
from snippet_runner.store import RunStore

log = logging.getLogger("mkdocs.plugins.snippets")
TAIL_LINES = 15


class SnippetFence:
    """Superfences validator and formatter, told by the plugin which page is rendering."""

    def __init__(self, snippets_dir: Path, store: RunStore, default_timeout: float) -> None:
        self.snippets_dir = snippets_dir
        self.store = store
        self.default_timeout = default_timeout
        self.page = "?"
        self.language = "en"
        self.failures: list[str] = []
        self._ids = itertools.count(1)

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
            script = self._resolve(name)
            code = script.read_text(encoding="utf-8")
            _check_python(code, name)
        except OptionError as error:
            return self._fail(name, str(error))
        fence: FenceOptions = options["parsed"]
        timeout = fence.timeout or self.default_timeout
        runs = [self.store.get(script, n, timeout) for n in range(1, fence.runs + 1)]
        for run in runs:
            if not fence.succeeded(run):
                return self._fail(name, _failure(run, fence, timeout))
        html = outputs_html(name, runs, self.language, uid=f"snippet{next(self._ids)}")
        return base_format(
            language="python",
            run=lambda *_args, **_kwargs: html,
            code=code,
            md=md,
            html=True,
            source="above",
            extra={"title": f"snippets/{name}"},
            update_toc=False,
        )

    def _resolve(self, name: str) -> Path:
        if not name or "\n" in name or not name.endswith(".py"):
            raise OptionError(f"the block must hold one path to a .py file, got {name!r}")
        script = (self.snippets_dir / name).resolve()
        if not script.is_relative_to(self.snippets_dir.resolve()):
            raise OptionError(f"{name!r} is outside {self.snippets_dir.name}/")
        if not script.is_file():
            raise OptionError(f"no such snippet file: {self.snippets_dir.name}/{name}")
        return script

    def _fail(self, name: str, detail: str) -> str:
        message = f"{self.page}: snippets/{name}: {detail}"
        log.error(message)
        self.failures.append(message)
        return error_html(f"snippets/{name}", detail, self.language)


def _check_python(code: str, name: str) -> None:
    if not code.strip():
        raise OptionError(f"snippets/{name} is empty")
    try:
        compile(code, name, "exec")
    except SyntaxError as error:
        raise OptionError(f"snippets/{name} is not valid Python: {error}") from None


def _failure(run: Run, fence: FenceOptions, timeout: float) -> str:
    if run.timed_out:
        what = f"timed out after {timeout:g} s; its process group was killed"
    elif run.returncode is not None and run.returncode < 0:
        what = f"was killed by signal {signal.Signals(-run.returncode).name}"
    else:
        what = f"exited with code {run.returncode}"
    if fence.expect is not None:
        what = f"was expected to fail with {fence.expect}, but {what}"
    tail = "\n".join(run.output.rstrip().splitlines()[-TAIL_LINES:])
    return f"{what}\n{tail}" if tail else what
