"""The snippets settings of a site, and the store and Pythons they give.

The MkDocs plugin gets the settings from MkDocs; `python -m snippet_engine run` and the
fence used outside MkDocs read them from `mkdocs.yml` themselves (`read_settings`), with
no MkDocs installed. Both then open the same store and find the same other Pythons.
"""

from __future__ import annotations

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
    timeout: float = 60.0
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


class _Tagged:
    """A value mkdocs.yml gives through a tag (`!ENV`, `!!python/name:`): known to MkDocs
    only. No setting the engine reads may be one."""

    def __repr__(self) -> str:
        return "a tagged value (!ENV...), which only MkDocs reads"


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda *_: _Tagged())
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: _Tagged())

# What MkDocs' config_options accept for each (the plugin's SnippetsConfig)
_TYPES = {
    "snippets_dir": str,
    "timeout": (int, float),
    "cache_dir": str,
    "workers": int,
    "pass_env": list,
    "interpreters": list,
}


def read_settings(config_file: Path) -> tuple[Settings, Path]:
    """(the snippets plugin's settings, the docs folder) from a site's `mkdocs.yml`,
    checked as MkDocs checks them."""
    where = f"{config_file.name}: snippets"
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError as error:
        raise SettingsError(f"{config_file.name}: not YAML: {error}") from None
    plugins = (config or {}).get("plugins") or []
    # A list of names and {name: options}, or one mapping of name: options
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (
            next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
            for entry in plugins
        )
    )
    options = next((dict(value or {}) for name, value in entries if name == "snippets"), None)
    if options is None:
        raise SettingsError(f"{config_file.name}: no `snippets` plugin in `plugins`")
    if options.pop("enabled", True) is not True:
        raise SettingsError(f"{where}: the plugin is not enabled")
    unknown = sorted(set(options) - set(_TYPES))
    if unknown:
        raise SettingsError(f"{where}: unknown option(s) {', '.join(unknown)}")
    for name, value in options.items():
        kind = _TYPES[name]
        items = value if isinstance(value, list) else []
        if (
            not isinstance(value, kind)
            or isinstance(value, bool)
            or not all(isinstance(item, str) for item in items)
        ):
            raise SettingsError(f"{where}: {name}={value!r}: not what MkDocs accepts")
    for name in ("pass_env", "interpreters"):
        options[name] = tuple(options.get(name, ()))
    # A float, as the plugin passes it: the timeout is part of every run's cache key
    options["timeout"] = float(options.get("timeout", DEFAULTS.timeout))
    docs_dir = (config or {}).get("docs_dir", "docs")
    if not isinstance(docs_dir, str):
        raise SettingsError(f"{config_file.name}: docs_dir={docs_dir!r}: expected a folder")
    root = config_file.resolve().parent
    settings = Settings(**options)
    settings.check(root)
    return settings, root / docs_dir


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
    settings: Settings, store: RunStore, log: logging.Logger | logging.LoggerAdapter
) -> tuple[list[interpreters.Interpreter], list[interpreters.Unavailable]]:
    """(the other Pythons found, each with its environment; those named but not usable).
    None when the store runs nothing: their environments would serve no run."""
    others, unavailable = [], []
    if not store.execute:
        return others, unavailable
    for name in settings.interpreters:
        found = interpreters.prepare(name)
        if isinstance(found, interpreters.Unavailable):
            log.info("Python %s: not used in this build: %s", name, found.reason)
            unavailable.append(found)
        elif found is not interpreters.current():
            log.info("Python %s: %s, %s", name, found.label, found.python)
            others.append(found)
    return others, unavailable
