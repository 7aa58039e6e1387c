"""What `mkdocs serve --dirty` renders again besides the Markdown files that changed.

--dirty renders a page only when its source file is newer than the HTML built from it.
A page also shows snippet runs, and its navigation lists the other pages. So a page is
rendered again when the runs it shows are no longer the ones it showed (an edited
snippet has a new cache key: every page that shows it, in every language, and no other
page), and every page of a build is when the set of pages, their titles or the `nav`
change. --dirty does not read the pages it does not render, so their titles would be
missing from the navigation of those it does (MkDocs shows "None"): they are the titles
those pages had when they were last rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# A page's title, as the navigation shows it, comes from its first `# ` heading
_FIRST_HEADING = re.compile(r"^# (.+)$", re.M)


class DirtyPages:
    """Remembers, per built page, the runs it showed and its title; lives as long as the
    server does (MkDocs keeps the plugin between rebuilds)."""

    def __init__(self) -> None:
        self._shown: dict[str, tuple[str, ...]] = {}  # built page -> keys of its runs
        self._sites: dict[str, tuple] = {}  # language -> its pages and nav
        self._titles: dict[str, str] = {}  # built page -> its title when rendered

    def mark(
        self, files: Iterable, shows: dict[str, tuple[str, ...]], language: str, nav
    ) -> str | None:
        """Make --dirty render the pages whose runs or navigation changed; what it did.

        `files` are one language's build, `shows` the keys of the runs each Markdown page
        (by source path) shows now. Returns a line for the log, or None on the first build
        and when nothing besides the edited Markdown needs rendering.
        """
        pages = [file for file in files if file.is_documentation_page() or _is_notebook(file)]
        headings = [
            _FIRST_HEADING.findall(Path(file.abs_src_path).read_text(encoding="utf-8"))[:1]
            for file in sorted(pages, key=lambda file: file.src_uri)
            if file.src_uri.endswith(".md")
        ]
        layout = (tuple(sorted(file.src_uri for file in pages)), repr(nav), repr(headings))
        previous, self._sites[language] = self._sites.get(language), layout
        changed = []
        for file in pages:
            now = shows.get(file.abs_src_path, ())
            if previous != layout or self._shown.get(file.abs_dest_path) != now:
                file.is_modified = _always  # MkDocs asks the File whether to render it
                changed.append(file.src_uri)
            self._shown[file.abs_dest_path] = now
        if previous is None or not changed:
            return None
        if previous != layout:
            return f"{language}: the pages or the nav changed, so every page is rendered again"
        return f"{language}: rendered again, as the runs they show changed: {', '.join(changed)}"

    def remember_title(self, page) -> None:
        self._titles[page.file.abs_dest_path] = page.title

    def restore_titles(self, files: Iterable) -> None:
        """Titles for the pages this build did not read, as they were when rendered."""
        for file in files:
            page = getattr(file, "page", None)
            title = self._titles.get(file.abs_dest_path)
            if page is not None and page.markdown is None and title is not None:
                page.markdown = ""  # read, as far as MkDocs' `title` is concerned
                page.meta = {**page.meta, "title": title}

    def forget(self) -> None:
        """After a failed build nothing is known to be on disk: render everything next."""
        self._shown.clear()
        self._sites.clear()
        self._titles.clear()


def _is_notebook(file) -> bool:
    return file.src_uri.endswith(".ipynb")


def _always() -> bool:
    return True
