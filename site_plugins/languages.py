"""MkDocs plugin: what each language's pages need beyond mkdocs-static-i18n.

- Search understands Russian word forms and keeps languages apart. The i18n plugin builds
  one index holding every language; each page's search is pointed at
  `assets/javascripts/workers/search-languages.js`, a wrapper around Material's worker that
  also searches each term's stems, keeps only the page's language, and runs a query that
  lunr fails on again with whole words instead of prefixes (see that file).
- The `<link rel="alternate" hreflang>` tags leave the page head. The sitemap already
  lists every page's languages for search engines, and Material fetches a sitemap next
  to each of those links, which for any page but a home page does not exist.
- The search dialog has a name in the page's language, for screen readers.
- Under `mkdocs serve --dirty` the search index keeps one entry per location. Material
  carries the index over to the next rebuild and mkdocs-static-i18n appends every
  language's entries to it again, so the index doubled on every rebuild (66,017 entries
  and 132 s a rebuild after eight edits of one page); the newest entry of each stays.
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
    def on_config(self, config):
        search = config.plugins.get("material/search")
        if search is not None and getattr(search, "is_dirty", False):
            index = search.search_index  # a new one for every rebuild
            generate = index.generate_search_index

            def one_entry_per_location(previous):
                generate(previous)  # merges the previous index in, as Material does
                index.entries = list({entry["location"]: entry for entry in index.entries}.values())
                return generate(None)

            index.generate_search_index = one_entry_per_location
        return config

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
