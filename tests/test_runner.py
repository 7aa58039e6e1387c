"""The runner shows what a terminal would: both streams in order, child output, no paths."""

from pathlib import Path

from snippet_runner.process import run_snippet

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
