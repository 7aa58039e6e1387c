"""Every run a build shows: from memory, from the disk cache, or by running the snippet.

Before pages render, the plugin hands over every run the pages need. The store runs the
missing ones concurrently (snippets mostly wait, so this is nearly free), then the
exclusive ones one at a time with nothing else running, so the speeds they print are
honest. Both languages then read the same runs.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from snippet_engine.cache import RunCache
from snippet_engine.interpreters import Interpreter
from snippet_engine.process import Run, run_snippet

LOG = logging.getLogger(__name__)
SHARED_NICENESS = 10
NOT_RUN = Run(output="", returncode=0, duration=0.0, skipped=True)


@dataclass(frozen=True)
class Job:
    script: Path
    number: int  # 1 for the first run of a block, 2 for the second...
    timeout: float
    exclusive: bool = False
    interpreter: Interpreter | None = None  # None: the build's own
    start_method: str | None = None  # None: the interpreter's default (tests set others)


class RunStore:
    def __init__(
        self,
        root: Path,
        cache: RunCache,
        *,
        read_cache: bool,
        execute: bool,
        workers: int,
        pass_env: tuple[str, ...] = (),
        log: logging.Logger | logging.LoggerAdapter = LOG,
    ) -> None:
        self.log = log  # the MkDocs plugin passes its own, so that MkDocs shows the lines
        self.root = root  # the folder that holds snippets/
        self.cache = cache
        self.read_cache = read_cache
        self.execute = execute
        self.workers = workers
        self.pass_env = pass_env
        self._runs: dict[str, Run] = {}
        self._timings: list[tuple[str, float]] = []

    def get(self, job: Job, niceness: int = 0) -> Run:
        if not self.execute:
            return NOT_RUN
        key = self.key(job)
        if key not in self._runs:
            run = self.cache.load(key) if self.read_cache else None
            if run is None:
                run = self._run(job, niceness)
                self.cache.save(key, run)
            self._runs[key] = run
        return self._runs[key]

    def prefetch(self, jobs: list[Job], alongside: list[Callable[[], None]] = ()) -> None:
        """Run what the pages will need: together first, then the exclusive ones alone.

        `alongside` is other slow work that may share the machine, run in the first phase.
        """
        jobs = list(dict.fromkeys(jobs))
        # At low priority: the slow work alongside (notebook kernels) gets the CPU first,
        # and sleeping snippets hardly notice. Longest first (by the last recorded run,
        # unknown ones first): the longest snippet decides when this phase ends.
        shared = [
            functools.partial(self.get, job, SHARED_NICENESS)
            for job in sorted(
                (job for job in jobs if not job.exclusive), key=self._last_duration, reverse=True
            )
        ]
        everything = [*alongside, *shared]
        with ThreadPoolExecutor(max_workers=self.workers or max(1, len(everything))) as pool:
            for future in [pool.submit(work) for work in everything]:
                future.result()
        for job in jobs:
            if job.exclusive:
                self.get(job)

    def key(self, job: Job) -> str:
        """The cache key of a job's run: it changes whenever the run's output may."""
        return self.cache.key(
            job.script,
            self._name(job),
            job.number,
            job.timeout,
            self.pass_env,
            None if job.interpreter is None else job.interpreter.identity,
            job.start_method,
        )

    def _name(self, job: Job) -> str:
        """The run's name for people: `snippets/053/x.py`."""
        return job.script.relative_to(self.root).as_posix()

    def _last_duration(self, job: Job) -> float:
        """How long this run took last time it ran, even if this build won't reuse it.
        A run this build may reuse is kept, so `get` does not read the cache again."""
        key = self.key(job)
        previous = self.cache.load(key)
        if previous is not None and self.read_cache:
            self._runs[key] = previous
        return float("inf") if previous is None else previous.duration

    def finish_build(self) -> None:
        """Log where the time went, and forget this build's runs."""
        if self._timings:
            slowest = sorted(self._timings, key=lambda item: -item[1])[:5]
            total = sum(seconds for _, seconds in self._timings)
            self.log.info(
                "ran %d snippet(s), %.1f s in all; slowest: %s",
                len(self._timings),
                total,
                ", ".join(f"{name} {seconds:.1f} s" for name, seconds in slowest),
            )
        self._runs.clear()
        self._timings.clear()

    def _run(self, job: Job, niceness: int) -> Run:
        run = run_snippet(
            job.script,
            self.root,
            job.timeout,
            job.start_method,
            pass_env=self.pass_env,
            niceness=niceness,
            interpreter=job.interpreter,
        )
        captured = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        name = self._name(job)
        if job.interpreter is None and job.start_method is None:
            self.log.info("ran %s (run %d) in %.2f s", name, job.number, run.duration)
            self._timings.append((f"{name}#{job.number}", run.duration))
        else:
            python = "" if job.interpreter is None else f" with Python {job.interpreter.label}"
            method = "" if job.start_method is None else f" under {job.start_method}"
            self.log.info("ran %s%s%s in %.2f s", name, python, method, run.duration)
            self._timings.append((f"{name}{python}{method}", run.duration))
        return dataclasses.replace(run, captured=captured)
