"""Render a `snippet` fence from its runs: a markdown-exec formatter.

Under MkDocs (or ProperDocs) the snippets plugin registers the fence itself. Any other
Python-Markdown build (Zensical's custom fences, say) gives it by import path:

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: snippet
              class: snippet
              validator: !!python/name:snippet_fence.validator
              format: !!python/name:snippet_fence.formatter

These two read the snippets settings from `mkdocs.yml` in the working folder (or the file
`SNIPPETS_CONFIG` names) and show the runs `python -m snippet_engine run` stored; a run
missing from the cache runs then. A block that fails raises SnippetError, naming the
snippet file, instead of rendering.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import Any

from pymdownx.superfences import SuperFencesException

from snippet_engine.project import SettingsError, read_settings
from snippet_fence.fence import SnippetFence

__all__ = ["SnippetError", "SnippetFence", "formatter", "validator"]
log = logging.getLogger(__name__)


class SnippetError(SuperFencesException):
    """A snippet block that cannot be shown (a bad option, a failed run). Superfences
    passes this class on (any other exception turns the fence back into plain text)."""


@functools.cache  # an exception is not cached: the next block tries again
def _fence() -> SnippetFence:
    """The fence, made on first use; a setting it cannot use stops the conversion (any
    exception but SnippetError would turn the block back into text, silently)."""
    config = Path(os.environ.get("SNIPPETS_CONFIG", "mkdocs.yml")).resolve()
    try:
        settings, _ = read_settings(config)
    except (OSError, SettingsError) as error:
        raise SnippetError(f"snippet fence: {error}") from None
    fence, _ = SnippetFence.for_settings(settings, config.parent, log)
    fence.page = "(a page: only MkDocs' plugin knows which)"
    return fence


def validator(language: str, inputs: dict[str, str], options: dict[str, Any], *args: Any) -> bool:
    return _fence().validator(language, inputs, options, *args)


def formatter(source: str, language: str, css_class: str, options: dict[str, Any], md, **kwargs):
    fence = _fence()
    html = fence.formatter(source, language, css_class, options, md, **kwargs)
    if fence.failures:
        raise SnippetError(fence.failures.pop())
    return html
