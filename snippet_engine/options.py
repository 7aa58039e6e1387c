"""The options a `snippet` fence accepts, checked before anything runs."""

from __future__ import annotations

import re
import signal
from dataclasses import dataclass

from snippet_engine.process import Run

MAX_RUNS = 5
TAIL_LINES = 15  # of a failed run's output, in the message that fails the build
# The pictures snippet_fence/figures.py draws (a test checks both lists agree)
FIGURES = ("timeline", "speed-up", "bars")
_EXIT = re.compile(r"exit (\d{1,3})")
_EXCEPTION = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class OptionError(ValueError):
    """A fence option has a value the runner cannot use."""


@dataclass(frozen=True)
class Expectation:
    """The failure a block declares: an exit code, or an exception's class name."""

    exit_code: int | None = None
    exception: str | None = None

    @classmethod
    def parse(cls, text: str) -> Expectation:
        if match := _EXIT.fullmatch(text):
            return cls(exit_code=int(match[1]))
        if _EXCEPTION.fullmatch(text):
            return cls(exception=text)
        raise OptionError(
            f"expect={text!r}: use 'exit N' or an exception class name such as 'ZeroDivisionError'"
        )

    def met_by(self, run: Run) -> bool:
        if run.timed_out:
            return False
        if self.exit_code is not None:
            return run.returncode == self.exit_code
        # The traceback's last line names the exception, maybe module-qualified.
        last_line = rf"^(?:[\w.]+\.)?{re.escape(self.exception or '')}(?::.*)?$"
        return run.returncode != 0 and re.search(last_line, run.output, re.M) is not None

    def __str__(self) -> str:
        return f"exit {self.exit_code}" if self.exception is None else self.exception


@dataclass(frozen=True)
class FenceOptions:
    runs: int = 1
    timeout: float | None = None  # None: the plugin's default
    expect: Expectation | None = None
    exclusive: bool = False  # runs with the machine to itself: it measures speed
    figure: str | None = None  # a picture drawn from the output, see figures.py
    # versions="all": one run with each interpreter mkdocs.yml names that the build found,
    # shown as a tab each, since its output depends on the Python version
    versions: bool = False

    @classmethod
    def parse(cls, inputs: dict[str, str]) -> FenceOptions:
        """Build options from a fence's `key="value"` pairs; unknown keys are errors."""
        inputs = dict(inputs)
        runs = _integer(inputs.pop("runs", "1"), "runs", 1, MAX_RUNS)
        timeout = inputs.pop("timeout", None)
        expect = inputs.pop("expect", None)
        exclusive = inputs.pop("exclusive", "false")
        if exclusive not in ("true", "false"):
            raise OptionError(f"exclusive={exclusive!r}: expected 'true' or 'false'")
        figure = inputs.pop("figure", None)
        if figure is not None and figure not in FIGURES:
            raise OptionError(f"figure={figure!r}: expected one of {', '.join(FIGURES)}")
        versions = inputs.pop("versions", None)
        if versions not in (None, "all"):
            raise OptionError(f"versions={versions!r}: expected 'all'")
        if versions and runs > 1:
            raise OptionError("versions='all' shows one run per Python: leave out runs")
        if inputs:
            names = ", ".join(sorted(inputs))
            raise OptionError(
                f"unknown option(s): {names}; "
                "known: runs, timeout, expect, exclusive, figure, versions"
            )
        return cls(
            runs=runs,
            timeout=None if timeout is None else _seconds(timeout),
            expect=None if expect is None else Expectation.parse(expect),
            exclusive=exclusive == "true",
            figure=figure,
            versions=versions == "all",
        )

    def succeeded(self, run: Run) -> bool:
        if run.skipped:
            return True
        if run.leftovers:  # a snippet is done when all of its processes are
            return False
        if self.expect is not None:
            return self.expect.met_by(run)
        return not run.timed_out and run.returncode == 0

    def failure(self, run: Run, timeout: float) -> str | None:
        """None if the run is what the block expects; else what went wrong, with the
        end of its output (the traceback)."""
        if self.succeeded(run):
            return None
        if run.timed_out:
            what = f"timed out after {timeout:g} s; it and every process it started were killed"
        elif run.returncode is not None and run.returncode < 0:
            what = f"was killed by signal {signal.Signals(-run.returncode).name}"
        else:
            what = f"exited with code {run.returncode}"
        if run.leftovers and not run.timed_out:
            what += f", leaving {run.leftovers} process(es) running (killed)"
        if self.expect is not None:
            what = f"was expected to fail with {self.expect}, but {what}"
        tail = "\n".join(run.output.rstrip().splitlines()[-TAIL_LINES:])
        return f"{what}\n{tail}" if tail else what


def _integer(text: str, name: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise OptionError(f"{name}={text!r}: expected a whole number from {low} to {high}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise OptionError(f"timeout={text!r}: expected seconds, more than 0, at most 3600")
    return value
