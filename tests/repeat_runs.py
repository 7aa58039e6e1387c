"""Run every snippet as a build does, several times, and check each output's claims.

    python -m tests.repeat_runs [--rounds N] [--busy K]

A build runs one output per block; a claim that holds for it may still fail the next
time on a crowded machine. Each round runs every snippet into a throwaway cache (the
waiting ones together at the build's low priority, the measuring ones alone), with K
busy loops at normal priority beside the first phase, as the notebook kernels are in a
build, then checks every output with the invariant its page states. Prints each failure
with the whole output; exit status 1 if there was one. Nothing is written to .cache/.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

from snippet_engine.cache import RunCache
from snippet_engine.store import RunStore
from tests.expected import check_output
from tests.more_runs import NAMES, PASSED_TO_SNIPPETS, job
from tests.pages import ROOT, fences_by_snippet


def spin() -> None:
    while True:
        pass


def one_round(busy: int) -> list[str]:
    """Every snippet run once; the failures, each with its output."""
    jobs = {name: job(name) for name in NAMES}
    spinners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(busy)]
    for spinner in spinners:
        spinner.start()
    with tempfile.TemporaryDirectory() as folder:
        store = RunStore(
            ROOT,
            RunCache(Path(folder)),
            read_cache=False,
            execute=True,
            workers=0,
            pass_env=PASSED_TO_SNIPPETS,
        )
        # The spinners stop before the measuring snippets run: those have the machine
        # to themselves in a build
        store.prefetch([j for j in jobs.values() if not j.exclusive])
        for spinner in spinners:
            spinner.kill()
        store.prefetch([j for j in jobs.values() if j.exclusive])
        failures = []
        for name, one in jobs.items():
            run = store.get(one)
            try:
                assert fences_by_snippet()[name][0].options.succeeded(run), (
                    f"exit {run.returncode}:\n{run.output}"
                )
                check_output(name, run.output)
            except AssertionError as error:
                failures.append(f"snippets/{name}: {error}")
        return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.repeat_runs", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--busy", type=int, default=1, help="busy loops beside the first phase")
    arguments = parser.parse_args(argv)
    failed = 0
    for number in range(1, arguments.rounds + 1):
        began = time.perf_counter()
        failures = one_round(arguments.busy)
        took = time.perf_counter() - began
        print(f"round {number}: {len(failures)} failure(s) in {took:.0f} s", flush=True)
        for failure in failures:
            print(failure, flush=True)
        failed += len(failures)
    print(f"{failed} failure(s) in {arguments.rounds} round(s) of {len(NAMES)} snippets")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
