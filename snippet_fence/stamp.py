"""The `build-stamp` fence: which Pythons printed this build's outputs, and which were missing."""

from __future__ import annotations

import platform
import sys
from html import escape

from snippet_engine.interpreters import Interpreter, Unavailable, by_version, current

TEXT = {
    "en": {
        "title": "This build",
        "ran": "Every output on this site was printed by Python {build} on {system}, the "
        "Python that built it, except in the tabs of blocks whose output depends on the "
        "version: there each Python that ran in this build has a tab of its own: {all}.",
        "alone": "Every output on this site was printed by Python {build} on {system}, the "
        "Python that built it; no other Python ran in this build.",
        "missing": "Named in the site's configuration but not on the build machine: {names}.",
        "broken": "Found, but its environment could not be made: {names}.",
        "skipped": "No example ran in this build (SNIPPETS_EXECUTE=0): the pages show sources "
        "only.",
    },
    "ru": {
        "title": "Эта сборка",
        "ran": "Весь вывод на этом сайте напечатал Python {build} на {system} — тот, которым "
        "сайт собран, кроме вкладок у примеров, чей вывод зависит от версии: там у каждого "
        "Python, запускавшегося в этой сборке, своя вкладка: {all}.",
        "alone": "Весь вывод на этом сайте напечатал Python {build} на {system} — тот, которым "
        "сайт собран; других версий Python в этой сборке не было.",
        "missing": "Указаны в настройках сайта, но на машине сборки не нашлись: {names}.",
        "broken": "Нашлись, но окружение для них создать не удалось: {names}.",
        "skipped": "В этой сборке примеры не запускались (SNIPPETS_EXECUTE=0): на страницах "
        "только исходный код.",
    },
}


def stamp_html(
    language: str,
    executed: bool,
    others: list[Interpreter],
    unavailable: list[Unavailable],
) -> str:
    text = TEXT.get(language, TEXT["en"])
    if not executed:
        lines = [text["skipped"]]
    else:
        build = current()
        system = f"{sys.platform} {platform.machine()}"
        every = ", ".join(interpreter.label for interpreter in by_version(others))
        key = "ran" if others else "alone"
        lines = [text[key].format(build=build.label, system=system, all=every)]
        for group, wanted in (("missing", False), ("broken", True)):
            names = [item.name for item in unavailable if item.found is wanted]
            if names:
                lines.append(text[group].format(names=", ".join(names)))
    # No admonition title: the page's own titles are those its Markdown writes
    lines[0] = f"<strong>{escape(text['title'])}.</strong> {escape(lines[0])}"
    body = "".join(f"<p>{line if n == 0 else escape(line)}</p>" for n, line in enumerate(lines))
    return f'<div class="admonition info build-stamp">{body}</div>'
