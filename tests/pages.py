"""What the pages ask for: every `snippet` fence in docs/, read the way the build reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from snippet_runner.options import FenceOptions

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGUAGES = ("ru", "en")

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```snippet(?P<header>[^\n]*)\n(?P<body>.*?)\n(?P=indent)```$",
    re.M | re.S,
)
_OPTION = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Fence:
    page: Path
    snippet: str  # path under snippets/
    options: FenceOptions
    header: str


def fences(page: Path) -> list[Fence]:
    text = page.read_text(encoding="utf-8")
    return [
        Fence(
            page=page,
            snippet=match["body"].strip(),
            options=FenceOptions.parse(dict(_OPTION.findall(match["header"]))),
            header=match["header"].strip(),
        )
        for match in _FENCE.finditer(text)
    ]


def pages(language: str) -> list[Path]:
    return sorted((DOCS / language).rglob("*.md"))


def all_fences() -> list[Fence]:
    return [fence for language in LANGUAGES for page in pages(language) for fence in fences(page)]


def snippet_files() -> list[Path]:
    return sorted(SNIPPETS.rglob("*.py"))


def fences_by_snippet() -> dict[str, list[Fence]]:
    result: dict[str, list[Fence]] = {}
    for fence in all_fences():
        result.setdefault(fence.snippet, []).append(fence)
    return result
