"""HTML for a snippet's captured output, in the page's language. Output is always escaped."""

from __future__ import annotations

import re
from html import escape

from snippet_engine.process import OUTPUT_LIMIT, Run

LABELS = {
    "en": {
        "output": "Output",
        "captured": "Output, captured {when}",
        "skipped": "Not run in this build (SNIPPETS_EXECUTE=0).",
        "run": "Run {n}",
        "empty": "The program printed nothing.",
        "truncated": f"Output cut after {OUTPUT_LIMIT:,} bytes.",
        "failed": "This snippet failed while the site was built",
        "download": "Download {name}",
    },
    "ru": {
        "output": "Вывод",
        "captured": "Вывод, получен {when}",
        "skipped": "В этой сборке не запускался (SNIPPETS_EXECUTE=0).",
        "run": "Запуск {n}",
        "empty": "Программа ничего не вывела.",
        "truncated": f"Вывод обрезан после {OUTPUT_LIMIT:,} байт.".replace(",", "\u00a0"),
        "failed": "Этот пример упал при сборке сайта",
        "download": "Скачать {name}",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def outputs_html(
    snippet: str,
    runs: list[Run],
    language: str,
    uid: str,
    figures: list[str] = (),
    tab_labels: list[str] | None = None,
    selected: int = 0,
) -> str:
    """One output block, or one tab per run when the snippet was run several times;
    a run's figure (HTML made by figures.py) goes under its output.

    `tab_labels` names the tabs ("Python 3.13.0") instead of "Run 1", "Run 2"...;
    the tab at index `selected` shows first.
    """
    text = labels(language)
    blocks = [
        _output_block(run, text) + (figures[n] if n < len(figures) else "")
        for n, run in enumerate(runs)
    ]
    if tab_labels is None:
        tab_labels = [text["run"].format(n=n) for n in range(1, len(runs) + 1)]
    if len(runs) == 1:
        body = blocks[0]
    else:
        body = _tabs(uid, list(zip(tab_labels, blocks, strict=True)), selected)
    return f'<div class="snippet-output" data-snippet="{escape(snippet)}">{body}</div>'


def with_download_links(html: str, page_url: str, language: str) -> str:
    """Turn each snippet source block's file name into a link that downloads the file.

    `page_url` is the page's URL from the site root ("en/threads/"); the files are
    copied to `snippets/` at the site root.
    """
    up = "../" * page_url.count("/")

    def link(match: re.Match) -> str:
        title = match[1]
        label = escape(labels(language)["download"].format(name=title))
        return (
            f'<span class="filename"><a class="snippet-download" href="{up}{title}" download '
            f'title="{label}" aria-label="{label}">{title}</a></span>'
        )

    return _SOURCE_TITLE.sub(link, html)


_SOURCE_TITLE = re.compile(r'<span class="filename">(snippets/[\w./-]+\.py)</span>')


def error_html(snippet: str, message: str, language: str) -> str:
    title = f"{labels(language)['failed']}: {snippet}"
    return (
        '<div class="admonition failure snippet-error">'
        f'<p class="admonition-title">{escape(title)}</p>'
        f"<pre><code>{escape(message, quote=False)}</code></pre></div>"
    )


def _output_block(run: Run, text: dict[str, str]) -> str:
    if run.skipped:
        return f'<p class="snippet-output__empty">{escape(text["skipped"])}</p>'
    title = text["captured"].format(when=run.captured) if run.captured else text["output"]
    if not run.output:
        return f'<p class="snippet-output__empty">{escape(text["empty"])}</p>'
    note = (
        f'<p class="snippet-output__note">{escape(text["truncated"])}</p>' if run.truncated else ""
    )
    # <samp>, not <code>: it is what the program printed. Material's script sets up
    # `pre > code` blocks only, so an output costs the reader no copy button and no
    # scripted layout; tabindex lets a keyboard scroll a wide output.
    return (
        f'<div class="highlight"><span class="filename">{escape(title)}</span>'
        f'<pre><samp tabindex="0">{escape(run.output, quote=False)}</samp></pre></div>{note}'
    )


def _tabs(uid: str, tabs: list[tuple[str, str]], selected: int = 0) -> str:
    """The markup pymdownx.tabbed (alternate style) makes, which Material styles."""
    name = f"__tabbed_{uid}"
    inputs = "".join(
        f'<input {"checked " if n == selected + 1 else ""}id="{name}_{n}" name="{name}" '
        'type="radio">'
        for n in range(1, len(tabs) + 1)
    )
    tab_labels = "".join(
        f'<label for="{name}_{n}">{escape(label)}</label>' for n, (label, _) in enumerate(tabs, 1)
    )
    blocks = "".join(f'<div class="tabbed-block">{html}</div>' for _, html in tabs)
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{uid}:{len(tabs)}">{inputs}'
        f'<div class="tabbed-labels">{tab_labels}</div>'
        f'<div class="tabbed-content">{blocks}</div></div>'
    )
