"""The snippets settings of a site, and the store and Pythons they give.

The MkDocs plugin gets the settings from MkDocs; `python -m snippet_engine run` and the
fence used outside MkDocs read them from `mkdocs.yml` themselves (`read_settings`), with
no MkDocs installed. Both then open the same store and find the same other Pythons.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

from snippet_engine import interpreters, switches
from snippet_engine.cache import RunCache
from snippet_engine.store import RunStore


class SettingsError(ValueError):
    """A setting the engine cannot use."""


@dataclass(frozen=True)
class Settings:
    """The snippets plugin's options in `mkdocs.yml`, with their defaults."""

    snippets_dir: str = "snippets"
    timeout: float = 60
    cache_dir: str = ".cache/snippets"
    workers: int = 0  # how many snippets may run at once; 0: all of them (they mostly sleep)
    pass_env: tuple[str, ...] = ()  # variables snippets see beyond PATH, HOME and the locale
    interpreters: tuple[str, ...] = ()  # other Pythons for versions="all" ("3.13", "3.14t")

    def check(self, root: Path) -> None:
        if not 0 < self.timeout <= 3600:
            raise SettingsError(f"timeout={self.timeout!r}: expected 0 < seconds <= 3600")
        if not (root / self.snippets_dir).is_dir():
            raise SettingsError(f"no folder {root / self.snippets_dir}")
        try:
            interpreters.check_names(list(self.interpreters))
        except interpreters.InterpreterError as error:
            raise SettingsError(str(error)) from None


DEFAULTS = Settings()


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's tags (`!ENV`, `!!python/name:`) as nothing: the engine needs
    none of the values they stand for."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def read_settings(config_file: Path) -> tuple[Settings, Path]:
    """(the snippets plugin's settings, the docs folder) from a site's `mkdocs.yml`."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    options = None
    for plugin in config.get("plugins") or []:
        if plugin == "snippets":
            options = {}
        elif isinstance(plugin, dict) and "snippets" in plugin:
            options = plugin["snippets"] or {}
    if options is None:
        raise SettingsError(f"{config_file.name}: no `snippets` plugin in `plugins`")
    known = {field.name: field.type for field in dataclasses.fields(Settings)}
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise SettingsError(f"{config_file.name}: snippets: unknown option(s) {', '.join(unknown)}")
    try:  # as MkDocs' own checks would take them; a timeout of 20 keys as 20.0 does
        for name in ("pass_env", "interpreters"):
            options[name] = tuple(str(item) for item in options.get(name) or ())
        options["timeout"] = float(options.get("timeout", DEFAULTS.timeout))
        options["workers"] = int(options.get("workers", DEFAULTS.workers))
    except (TypeError, ValueError) as error:
        raise SettingsError(f"{config_file.name}: snippets: {error}") from None
    root = config_file.resolve().parent
    settings = Settings(**options)
    settings.check(root)
    return settings, root / config.get("docs_dir", "docs")


def open_store(settings: Settings, root: Path, log: logging.Logger | logging.LoggerAdapter):
    """The store a build reads runs from, as the environment switches set it."""
    return RunStore(
        root / Path(settings.snippets_dir).parent,
        RunCache(root / settings.cache_dir),
        read_cache=not switches.fresh(),
        execute=switches.execute(),
        workers=settings.workers,
        pass_env=settings.pass_env,
        log=log,
    )


def find_pythons(
    settings: Settings, log: logging.Logger | logging.LoggerAdapter
) -> tuple[list[interpreters.Interpreter], list[interpreters.Unavailable]]:
    """(the other Pythons found, each with its environment; those named but not usable)."""
    others, unavailable = [], []
    for name in settings.interpreters:
        found = interpreters.prepare(name)
        if isinstance(found, interpreters.Unavailable):
            log.info("Python %s: not used in this build: %s", name, found.reason)
            unavailable.append(found)
        elif found is not interpreters.current():
            log.info("Python %s: %s, %s", name, found.label, found.python)
            others.append(found)
    return others, unavailable
