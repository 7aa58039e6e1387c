"""The environment switches authors and CI use to choose how a build treats outputs."""

from __future__ import annotations

import os


def _switch(name: str) -> bool | None:
    """1/true/yes, 0/false/no, or None when unset."""
    value = os.environ.get(name, "").strip().lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no"):
        return False
    return None


def fresh() -> bool:
    """SNIPPETS_FRESH=1, and every CI build: run everything again, ignoring the caches."""
    return bool(_switch("SNIPPETS_FRESH") or _switch("CI"))


def execute() -> bool:
    """SNIPPETS_EXECUTE=0 runs nothing: pages show sources only (for quick prose edits)."""
    return _switch("SNIPPETS_EXECUTE") is not False
