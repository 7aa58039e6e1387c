"""MkDocs plugin: what each language's pages need beyond mkdocs-static-i18n.

- Search understands Russian word forms and keeps languages apart. The i18n plugin builds
  one index holding every language; each page's search is pointed at
  `assets/javascripts/workers/search-languages.js`, a wrapper around Material's worker that
  also searches each term's stems and keeps only the page's language (see that file).
- The `<link rel="alternate" hreflang>` tags leave the page head. The sitemap already
  lists every page's languages for search engines, and Material fetches a sitemap next
  to each of those links, which for any page but a home page does not exist.
- The search dialog has a name in the page's language, for screen readers.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

WRAPPER = "search-languages.js"
_WORKER = re.compile(r'("search":\s*"[^"]*?workers/)(search\.[0-9a-f]+\.min\.js)"')
_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[\w-]+">')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"ru": "Поиск по сайту", "en": "Search this site"}


def site_languages(config) -> tuple[str | None, list[str]]:
    """mkdocs-static-i18n's default language (served at the root) and the others."""
    languages = config.plugins["i18n"].config.languages if "i18n" in config.plugins else []
    default = next((lang.locale for lang in languages if lang.default), None)
    return default, [lang.locale for lang in languages if not lang.default]


class LanguagesPlugin(BasePlugin):
    def on_post_page(self, output: str, *, page, config) -> str:
        locale = getattr(page.file, "locale", None)
        default, others = site_languages(config)
        others = [f"{other}/" for other in others]
        if locale is None or not others:
            return output
        scope = (
            [("skip", prefix) for prefix in others]
            if locale == default
            else [("only", f"{locale}/")]
        )

        def wrap(match: re.Match) -> str:
            query = urlencode([("worker", match[2]), *scope], safe="/")
            return f'{match[1]}{WRAPPER}?{query}"'  # raw text: a <script> holds the JSON

        output, count = _WORKER.subn(wrap, output, count=1)
        if count != 1:
            raise PluginError(f"languages: no search worker in {page.file.src_uri}")
        output = _ALTERNATE.sub("", output)
        name = SEARCH_NAME.get(locale, SEARCH_NAME["en"])
        return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)
