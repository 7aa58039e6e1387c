"""Compiled theme templates kept for the life of the process (`mkdocs serve`).

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds each
language, so every rebuild compiled Material's templates again, about a second each
time. Jinja's bytecode cache keys an entry by the template's name and checksums its
source, so an edited template in `overrides/` is compiled again.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class TemplateCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
