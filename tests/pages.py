"""What the pages ask for: every `snippet` fence in docs/, read the way the build reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from snippet_engine.fences import find_fences
from snippet_engine.options import FenceOptions

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"  # served at /, the others at /<language>/


@dataclass(frozen=True)
class Fence:
    page: Path
    snippet: str  # path under snippets/
    options: FenceOptions
    header: str


def fences(page: Path) -> list[Fence]:
    found = find_fences(page.read_text(encoding="utf-8"))
    assert not [f.error for f in found if f.error], page
    return [Fence(page, f.snippet, f.options, f.header) for f in found]


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


def measuring_snippets() -> set[str]:
    """Snippets shown with `exclusive="true"`: they measure speed and run for long."""
    return {name for name, fences in fences_by_snippet().items() if fences[0].options.exclusive}


def page_url(page: Path) -> str:
    """The URL path MkDocs serves `page` at, e.g. /en/threads/."""
    language = page.relative_to(DOCS).parts[0]
    relative = page.relative_to(DOCS / language).with_suffix("")
    prefix = "/" if language == DEFAULT_LANGUAGE else f"/{language}/"
    return prefix if relative.name == "index" else f"{prefix}{relative.as_posix()}/"


def site_pages(language: str) -> list[Path]:
    """Every page of one language: Markdown pages and notebooks."""
    return sorted([*pages(language), *(DOCS / language).rglob("*.ipynb")])
