"""The runner shows what a terminal would: both streams in order, child output, no paths."""

import contextlib
import os
import signal
import sys
import threading
import uuid
from pathlib import Path

import pytest

from snippet_engine.process import run_snippet
from tests.conftest import processes_running

FIXTURES = Path(__file__).parent / "fixtures"


def test_streams_keep_their_order_and_child_output_is_kept():
    run = run_snippet(FIXTURES / "snippets" / "mixed_streams.py", FIXTURES, timeout=30)
    assert run.returncode == 0
    assert run.output == "stdout 1\nstderr 2\nstdout 3\nchild process line\nstdout 4"


def test_stdin_is_empty_and_secrets_stay_out(tmp_path, monkeypatch):
    monkeypatch.setenv("DEPLOY_TOKEN", "s3cret")
    script = tmp_path / "snippets" / "peek.py"
    script.parent.mkdir()
    script.write_text(
        "import os, sys\nprint(repr(sys.stdin.read()))\nprint(os.environ.get('DEPLOY_TOKEN'))\n"
        "print(__file__)\n",
        encoding="utf-8",
    )
    run = run_snippet(script, tmp_path, timeout=30)
    assert run.output.splitlines() == ["''", "None", "snippets/peek.py"]


def test_reading_stdin_gets_end_of_file_at_once(tmp_path):
    script = tmp_path / "snippets" / "asks.py"
    script.parent.mkdir()
    script.write_text("name = input('name? ')\n", encoding="utf-8")
    run = run_snippet(script, tmp_path, timeout=30)
    assert run.returncode == 1 and "EOFError" in run.output
    assert run.duration < 5


def test_a_variable_passes_only_when_allowed(tmp_path, monkeypatch):
    monkeypatch.setenv("GREETING", "hello")
    script = tmp_path / "snippets" / "greets.py"
    script.parent.mkdir()
    script.write_text("import os\nprint(os.environ.get('GREETING'))\n", encoding="utf-8")
    assert run_snippet(script, tmp_path, 30).output == "None\n"
    assert run_snippet(script, tmp_path, 30, pass_env=("GREETING",)).output == "hello\n"


def write_snippet(tmp_path: Path, name: str, source: str) -> Path:
    script = tmp_path / "snippets" / name
    script.parent.mkdir(exist_ok=True)
    script.write_text(source, encoding="utf-8")
    return script


def kill_named(tag: str) -> None:
    for line in processes_running(tag):
        with contextlib.suppress(OSError):
            os.kill(int(line.split(":")[0]), signal.SIGKILL)


# A child started with an empty environment lacks the run's marker: only the kill of the
# snippet's process group reaches it
UNMARKED_CHILD = """\
import subprocess, sys, time
subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(600)", "{tag}"],
    env={{}},
    stdin=subprocess.DEVNULL,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
print("child started", flush=True)
{then}
"""


@pytest.mark.parametrize("then", ["time.sleep(600)", "pass"], ids=["times out", "ends"])
def test_a_child_without_the_marker_dies_with_the_snippet(tmp_path, then):
    tag = f"unmarked-{uuid.uuid4().hex}"
    script = write_snippet(tmp_path, "leaves_a_child.py", UNMARKED_CHILD.format(tag=tag, then=then))
    try:
        run = run_snippet(script, tmp_path, timeout=3)
        assert "child started" in run.output
        assert processes_running(tag) == [], "the child outlived its snippet"
    finally:
        kill_named(tag)


def test_a_timed_out_snippet_is_killed_at_once(tmp_path):
    """Fails within seconds, not at some outer limit, if the runner does not kill it."""
    tag = f"sleeper_{uuid.uuid4().hex}"
    script = write_snippet(tmp_path, f"{tag}.py", "import time\ntime.sleep(600)\n")
    runs = []
    worker = threading.Thread(target=lambda: runs.append(run_snippet(script, tmp_path, 1)))
    worker.start()
    worker.join(timeout=15)
    stuck = worker.is_alive()
    kill_named(tag)  # lets a runner that never killed it return
    worker.join()
    assert not stuck, "the runner was still waiting for the snippet 14 s after its timeout"
    assert runs[0].timed_out and runs[0].returncode is None


def test_every_kind_of_machine_path_is_scrubbed(tmp_path):
    script = write_snippet(
        tmp_path,
        "paths.py",
        "import os, sys\nfrom pathlib import Path\n"
        "print(os.path.join(sys.prefix, 'lib'))\n"
        "print(os.path.join(sys.base_prefix, 'bin'))\n"
        "print(Path.home() / 'notes.txt')\n"
        "print(os.path.abspath(__file__))\n",
    )
    run = run_snippet(script, tmp_path, timeout=30)
    # Outside a virtual environment the interpreter's folder is the environment's
    interpreter = "<python>" if sys.prefix != sys.base_prefix else "<venv>"
    expected = ["<venv>/lib", f"{interpreter}/bin", "~/notes.txt", "snippets/paths.py"]
    assert run.output.splitlines() == expected


def test_a_snippet_gets_ctrl_c_even_when_the_build_ignores_it(tmp_path):
    # As under `make test &` or nohup: SIGINT ignored, which children inherit
    script = tmp_path / "snippets" / "sigint.py"
    script.parent.mkdir()
    script.write_text(
        "import signal\nprint(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n",
        encoding="utf-8",
    )
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        run = run_snippet(script, tmp_path, timeout=30)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert run.output.strip() == "True"
