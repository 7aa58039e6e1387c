"""MkDocs plugin: pages that cost a phone less main-thread time, looking the same.

Traces of a chapter page (README, "Page speed") showed the time after the first paint
going to the browser restyling and laying out the whole page for Material's script,
at a cost that grows with the number of elements. Three changes cut it:

- Highlighted code keeps a `<span>` only where it has a colour of its own. Pygments
  wraps every token; names and whitespace are drawn in the text colour anyway, and so
  are punctuation and operators on this site. A chapter page has ~40 % fewer elements.
- Material's palette stylesheet switches transitions off on every element and
  pseudo-element while `data-md-color-switching` is set on the body, which Material's
  script does on every page load: two restyles of the whole page. Without that rule a
  palette switch fades over Material's own short transitions instead.
- Material sets code blocks up as they scroll into view (`content.lazy` in mkdocs.yml);
  until then each is focusable, so a keyboard can scroll a wide one.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

_CODE = re.compile(r"(<code[^>]*>)(.*?)(</code>)", re.S)
# Pygments' classes for names, whitespace, punctuation and operators (not `ow`: and, in)
_PLAIN_TOKEN = re.compile(r'<span class="(?:n|w|p|o)">([^<]*)</span>')
_SWITCHING_RULE = re.compile(r"\[data-md-color-switching\][^{]*\{[^}]*\}")
_PALETTE_CSS = "assets/stylesheets/palette.*.min.css"
_BLOCK_CODE = re.compile(r"(<pre>(?:<span></span>)?)<code>")


def plain_tokens(html: str) -> str:
    """The HTML with uncoloured tokens of highlighted code as bare text."""
    return _CODE.sub(lambda m: m[1] + _PLAIN_TOKEN.sub(r"\1", m[2]) + m[3], html)


def focusable_code_blocks(html: str) -> str:
    """Code blocks a keyboard can reach before Material sets them up. With
    `content.lazy` Material does that when a block first scrolls into view, and then
    keeps `tabindex` only on a block that is wider than the screen."""
    return _BLOCK_CODE.sub(r'\1<code tabindex="0">', html)


def without_switching_rule(css: str) -> tuple[str, int]:
    return _SWITCHING_RULE.subn("", css)


class LeanPagesPlugin(BasePlugin):
    def on_config(self, config):
        # Checked against Material's own file, so a theme update that changes the rule
        # is reported once instead of silently keeping the cost
        sources = [p for d in config.theme.dirs for p in Path(d).glob(_PALETTE_CSS)]
        if sources and not without_switching_rule(sources[0].read_text(encoding="utf-8"))[1]:
            log.warning(f"{sources[0]} has no [data-md-color-switching] rule to remove")
        return config

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return focusable_code_blocks(plain_tokens(html))

    @event_priority(-200)  # after mkdocs-static-i18n's builds of the other languages
    def on_post_build(self, *, config) -> None:
        for css in Path(config.site_dir).glob(_PALETTE_CSS):
            text, removed = without_switching_rule(css.read_text(encoding="utf-8"))
            if removed:
                css.write_text(text, encoding="utf-8")
