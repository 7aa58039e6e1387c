"""The disk cache: reused across builds, keyed by what changes outputs, never trusted blindly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

from snippet_engine.cache import RunCache
from snippet_engine.process import Run
from tests.conftest import mkdocs_build
from tests.pages import ROOT

PAGE = "# Page\n\n```snippet\nfirst.py\n```\n\n```snippet\nsecond.py\n```\n"


def site_with_two_snippets(tmp_path: Path) -> Path:
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    (snippets / "first.py").write_text('print("first")\n', encoding="utf-8")
    (snippets / "second.py").write_text('print("second")\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: cache\nplugins:\n  - snippets\n"
        "markdown_extensions:\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return config


def ran(log: str) -> list[str]:
    """The snippets a build ran, from its progress lines `ran <file> (run N) in S s`."""
    return sorted(re.findall(r" ran (\S+) \(run \d+\) in ", log))


def test_warm_build_reuses_outputs_and_an_edit_reruns_that_snippet_only(tmp_path):
    config = site_with_two_snippets(tmp_path)
    cold = mkdocs_build(config, tmp_path / "site", fresh=False)
    assert cold.returncode == 0, cold.stderr
    assert ran(cold.stderr) == ["snippets/first.py", "snippets/second.py"]
    assert "slowest: " in cold.stderr  # where the time went

    warm = mkdocs_build(config, tmp_path / "site", fresh=False)
    assert warm.returncode == 0 and ran(warm.stderr) == []
    assert '<samp tabindex="0">first\n</samp>' in (tmp_path / "site" / "index.html").read_text()

    (tmp_path / "snippets" / "second.py").write_text('print("edited")\n', encoding="utf-8")
    edited = mkdocs_build(config, tmp_path / "site", fresh=False)
    assert ran(edited.stderr) == ["snippets/second.py"]
    assert '<samp tabindex="0">edited\n</samp>' in (tmp_path / "site" / "index.html").read_text()

    fresh = mkdocs_build(config, tmp_path / "site", fresh=True)
    assert ran(fresh.stderr) == ["snippets/first.py", "snippets/second.py"]


def test_broken_entries_are_ignored_and_run_again(tmp_path):
    config = site_with_two_snippets(tmp_path)
    assert mkdocs_build(config, tmp_path / "site", fresh=False).returncode == 0
    entries = sorted((tmp_path / ".cache" / "snippets").glob("*.json"))
    assert len(entries) == 2
    entries[0].write_text(entries[0].read_text()[:25], encoding="utf-8")  # truncated
    data = json.loads(entries[1].read_text())
    data["run"]["output"] = "forged\n"
    data["key"] = "0" * 64  # an entry that is not what its name promises
    entries[1].write_text(json.dumps(data), encoding="utf-8")

    result = mkdocs_build(config, tmp_path / "site", fresh=False)
    assert ran(result.stderr) == ["snippets/first.py", "snippets/second.py"]
    html = (tmp_path / "site" / "index.html").read_text()
    assert "forged" not in html and '<samp tabindex="0">second\n</samp>' in html


def test_two_builds_at_once_leave_a_sound_cache(tmp_path):
    config = site_with_two_snippets(tmp_path)
    results = {}

    def build(name):
        results[name] = mkdocs_build(config, tmp_path / name, fresh=False)

    threads = [threading.Thread(target=build, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result.returncode == 0 for result in results.values())
    cache = RunCache(tmp_path / ".cache" / "snippets")
    entries = sorted((tmp_path / ".cache" / "snippets").iterdir())
    assert [entry.suffix for entry in entries] == [".json", ".json"]  # no temporary left
    assert all(cache.load(entry.stem) is not None for entry in entries)


def test_concurrent_writers_of_one_entry_never_leave_half_a_file(tmp_path):
    cache = RunCache(tmp_path)
    runs = [Run(output=str(n) * 50_000, returncode=0, duration=0.1) for n in range(8)]

    def write(run):
        for _ in range(20):
            cache.save("k" * 64, run)

    threads = [threading.Thread(target=write, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loaded = cache.load("k" * 64)
    assert loaded in runs


def test_cache_folder_is_ignored_by_git():
    paths = [".cache/snippets/entry.json", ".cache/notebooks/3.11/x.json"]
    result = subprocess.run(
        ["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True
    )
    assert result.stdout.split() == paths


def test_key_follows_the_values_of_passed_variables(tmp_path, monkeypatch):
    # A build against a real Dask cluster must not show a LocalCluster run from the cache.
    script = tmp_path / "snippet.py"
    script.write_text("print(1)\n", encoding="utf-8")
    cache = RunCache(tmp_path / "cache")

    def key() -> str:
        return cache.key(script, "snippet.py", 1, 60.0, ("DASK_SCHEDULER_ADDRESS",))

    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    local = key()
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://127.0.0.1:8786")
    remote = key()
    assert local != remote
    assert key() == remote


def test_each_run_of_a_block_is_a_run_of_its_own(tmp_path):
    """runs="3" shows three runs: three cache entries, three outputs, even from the cache."""
    config = site_with_two_snippets(tmp_path)
    (tmp_path / "snippets" / "first.py").write_text(
        "import uuid\nprint(uuid.uuid4())\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "index.md").write_text(
        '# Page\n\n```snippet runs="3"\nfirst.py\n```\n', encoding="utf-8"
    )
    builds = []
    for fresh in (True, False):  # run, then read back from the cache
        result = mkdocs_build(config, tmp_path / "site", fresh=fresh)
        assert result.returncode == 0, result.stderr
        html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<samp tabindex="0">(.*?)</samp>', html, re.S)
        assert len(shown) == 3 and len(set(shown)) == 3, shown
        builds.append((ran(result.stderr), shown))
    assert builds[0][0] == ["snippets/first.py"] * 3 and builds[1][0] == []
    assert builds[1][1] == builds[0][1], "the cache gives each run back as it was"
    assert len(list((tmp_path / ".cache" / "snippets").glob("*.json"))) == 3


def test_key_changes_with_the_interpreter_and_the_start_method(tmp_path):
    # A run made by one Python (or under one start method) is never served as another's
    script = tmp_path / "snippets" / "x.py"
    script.parent.mkdir()
    script.write_text("print(1)\n", encoding="utf-8")
    cache = RunCache(tmp_path / "cache")
    build = cache.key(script, "snippets/x.py", 1, 60)
    keys = {
        build,
        cache.key(script, "snippets/x.py", 1, 60, interpreter="3.12.1 (main) [GCC]\0/a/python"),
        cache.key(script, "snippets/x.py", 1, 60, interpreter="3.12.2 (main) [GCC]\0/a/python"),
        cache.key(script, "snippets/x.py", 1, 60, interpreter="3.12.1 (main) [GCC]\0/b/python"),
        cache.key(script, "snippets/x.py", 1, 60, start_method="spawn"),
        cache.key(script, "snippets/x.py", 1, 60, start_method="forkserver"),
    }
    assert len(keys) == 6
    # None means the build's own Python and its default method: the keys it always had
    assert cache.key(script, "snippets/x.py", 1, 60, interpreter=sys.version) == build
