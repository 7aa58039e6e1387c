"""`python -m snippet_engine run`: run every snippet the pages show, into the cache.

The same planning and store the MkDocs plugin uses, without MkDocs: a later build (with
MkDocs, ProperDocs, or the fence on its own) shows these runs without running anything.
Exit status 1 if a fence is broken or a run is not what its block expects, each named
with its page and snippet file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from snippet_engine import interpreters
from snippet_engine.plan import plan_pages
from snippet_engine.project import SettingsError, find_pythons, open_store, read_settings

log = logging.getLogger("snippet_engine")


def run(config_file: Path) -> int:
    try:
        settings, docs_dir = read_settings(config_file)
    except (OSError, SettingsError) as error:
        log.error("%s", error)
        return 1
    root = config_file.resolve().parent
    store = open_store(settings, root, log)
    others, _ = find_pythons(settings, store, log)
    # The pages MkDocs builds: not those in dot folders or the theme's templates/
    pages = [
        (path.relative_to(root).as_posix(), path)
        for path in sorted(docs_dir.rglob("*.md"))
        if not any(p.startswith(".") or p == "templates" for p in path.relative_to(docs_dir).parts)
    ]
    snippets_dir = root / settings.snippets_dir
    plan = plan_pages(pages, snippets_dir, store, settings.timeout, others)
    for problem in plan.problems:
        log.error(problem)
    store.prefetch(plan.jobs)
    failures = []
    for fence in plan.fences:
        for job in fence.jobs:
            detail = fence.options.failure(store.get(job), job.timeout)
            if detail is not None:
                python = job.interpreter or interpreters.current()
                python = f"with Python {python.label}: " if fence.options.versions else ""
                failures.append(f"{fence.page}: snippets/{fence.snippet}: {python}{detail}")
    for failure in dict.fromkeys(failures):
        log.error(failure)
    store.finish_build()
    log.info(
        "%d page(s), %d snippet block(s), %d run(s) in the cache at %s",
        len(pages),
        len(plan.fences),
        len(set(plan.jobs)),
        settings.cache_dir,
    )
    return 1 if plan.problems or failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m snippet_engine", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    stage = commands.add_parser("run", help="run every snippet the pages show, into the cache")
    stage.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return run(arguments.config_file)


if __name__ == "__main__":
    sys.exit(main())
