"""The whole repository (runner, tests, snippets) passes ruff's lint and format checks."""

import subprocess

from ruff.__main__ import find_ruff_bin

from tests.pages import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([find_ruff_bin(), *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = ruff("format", "--check", "--diff", ".")
    assert result.returncode == 0, result.stdout + result.stderr
