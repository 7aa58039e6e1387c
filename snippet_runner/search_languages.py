"""MkDocs plugin: search that understands Russian word forms and keeps languages apart.

mkdocs-static-i18n builds one search index holding every language. This plugin points
each page's search at `assets/javascripts/workers/search-languages.js`, a wrapper around
Material's worker that also searches each term's stems and keeps only the results of the
page's language (see that file).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

WRAPPER = "search-languages.js"
_WORKER = re.compile(r'("search":\s*"[^"]*?workers/)(search\.[0-9a-f]+\.min\.js)"')


class SearchLanguagesPlugin(BasePlugin):
    def on_post_page(self, output: str, *, page, config) -> str:
        locale = getattr(page.file, "locale", None)
        languages = config.plugins["i18n"].config.languages if "i18n" in config.plugins else []
        others = [f"{lang.locale}/" for lang in languages if not lang.default]
        if locale is None or not others:
            return output
        default = next(lang.locale for lang in languages if lang.default)
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
            raise PluginError(f"search_languages: no search worker in {page.file.src_uri}")
        return output
