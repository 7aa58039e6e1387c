"""Build-time benchmark: `python -m build_benchmark.benchmark [--rounds N]` from the repo root.

Measures, N times each (medians reported):

- every distinct snippet run standalone, `python snippets/<file>`, one after another;
- a cold build (SNIPPETS_FRESH=1: every snippet and notebook runs), a warm build (all from
  the cache), and a build with execution off (SNIPPETS_EXECUTE=0);
- under `mkdocs serve --dirty`, on a copy of the project, the time from saving an edit
  to the pages showing it: a snippet (both languages' pages), a paragraph, a notebook's
  code cell (both languages' notebooks) and a new page in `nav` (every page lists it).

Then prints one table and the ratios the project aims for. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_benchmark.live_server import LiveServer, copy_project
from snippet_engine.fences import find_fences

ROOT = Path.cwd()


def environment(**switches: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "SNIPPETS_FRESH")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **switches}


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def build(site: Path, **switches: str) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    return timed(command, environment(**switches))


def distinct_snippets() -> list[Path]:
    names = {
        fence.snippet
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for fence in find_fences(page.read_text(encoding="utf-8"))
    }
    return [ROOT / "snippets" / name for name in sorted(names)]


def serve_cases(rounds: int) -> dict[str, list[float]]:
    """The author's edits under `mkdocs serve --dirty`, on a copy of the project.

    Each round makes each edit anew (a new marker, so nothing comes from the cache),
    waits for the pages to show it, and undoes it. Also records how long the edited
    snippet's own run took, as the server logged it.
    """
    times: dict[str, list[float]] = {case: [] for case in [*SERVE_CASES, SNIPPET_RUN]}
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(ROOT, Path(folder) / "project")
        with LiveServer(project) as server:
            server.wait_for("/", "</html>", 900)
            server.wait_idle(300)
            for n in range(rounds):
                print(f"round {n + 1}/{rounds}: serve", file=sys.stderr)
                marker = f"benchmark-{n}-{time.time_ns()}"
                for case, edit in SERVE_CASES.items():
                    times[case].append(edit(server, project, marker))
                ran = re.findall(
                    rf"ran snippets/{re.escape(SERVE_SNIPPET)} \(run 1\) in ([\d.]+) s", server.log
                )
                times[SNIPPET_RUN].append(float(ran[-1]))
    return times


def _timed_edit(
    server: LiveServer, files: dict[Path, str], waits: list[tuple[str, str]], undone: int = 0
) -> float:
    """Write `files`, wait until every page shows its text, put the files back; seconds.

    Before the next edit, the pages from `waits[undone:]` must no longer show theirs.
    """
    originals = {
        path: path.read_text(encoding="utf-8") if path.exists() else None for path in files
    }
    started = time.perf_counter()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    try:
        for url, text in waits:
            server.wait_for(url, text, 300)
        return time.perf_counter() - started
    finally:
        for path, text in originals.items():
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
        for url, text in waits[undone:]:
            server.wait_for(url, text, 300, gone=True)
        server.wait_idle(300)  # the next edit starts on an idle server


def _snippet_edit(server: LiveServer, project: Path, marker: str) -> float:
    snippet = project / "snippets" / SERVE_SNIPPET
    text = f"{snippet.read_text(encoding='utf-8')}print({marker!r})\n"
    return _timed_edit(server, {snippet: text}, [("/threads/", marker), ("/en/threads/", marker)])


def _prose_edit(server: LiveServer, project: Path, marker: str) -> float:
    page = project / "docs" / "en" / "glossary.md"
    text = f"{page.read_text(encoding='utf-8')}\n{marker}\n"
    return _timed_edit(server, {page: text}, [("/en/glossary/", marker)])


def _notebook_edit(server: LiveServer, project: Path, marker: str) -> float:
    """The same code cell edited in both languages' notebooks, as an author does."""
    edits = {}
    for language in ("ru", "en"):
        path = project / "docs" / language / "jupyter.ipynb"
        notebook = json.loads(path.read_text(encoding="utf-8"))
        last = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"][-1]
        last["source"] = "".join(last["source"]) + f"\nprint({marker!r})"
        edits[path] = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    return _timed_edit(server, edits, [("/jupyter/", marker), ("/en/jupyter/", marker)])


def _page_added(server: LiveServer, project: Path, marker: str) -> float:
    """A new page in both languages and in `nav`: it is served, and other pages list it."""
    config = project / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8").replace(
        "  - glossary.md\n", f"  - glossary.md\n  - {marker}.md\n", 1
    )
    edits = {project / "docs" / lang / f"{marker}.md": f"# {marker}\n" for lang in ("ru", "en")}
    edits[config] = nav
    link = f'href="../{marker}/"'
    # Once removed, the new page's HTML stays in the served folder (--dirty deletes nothing)
    waits = [(f"/en/{marker}/", marker), ("/threads/", link)]
    return _timed_edit(server, edits, waits, undone=1)


def _runner_edit(server: LiveServer, project: Path, marker: str) -> float:
    """The server restarts itself: from saving to a new process serving the pages."""
    module = project / "site_plugins" / "restart.py"
    original = module.read_text(encoding="utf-8")
    times = []
    for text in (f"{original}# {marker}\n", original):  # the edit, then its undo
        restarts = server.log.count("restarting the server")
        started = time.perf_counter()
        module.write_text(text, encoding="utf-8")
        while server.log.count("restarting the server") == restarts:
            time.sleep(0.05)
        server.wait_idle(300)
        server.wait_for("/threads/", "</html>", 300)
        times.append(time.perf_counter() - started)
    return times[0]


SERVE_SNIPPET = "053/02_two_threads.py"
SNIPPET_RUN = "that snippet's own run (logged)"
SERVE_CASES = {
    "snippet edit to both pages": _snippet_edit,
    "prose edit to its page": _prose_edit,
    "notebook cell edit to both pages": _notebook_edit,
    "page added to nav, to every page": _page_added,
    "site code edit, served again": _runner_edit,
}


def measure_builds(rounds: int) -> tuple[dict[str, list[float]], dict[Path, list[float]]]:
    snippets = distinct_snippets()
    standalone: dict[Path, list[float]] = {path: [] for path in snippets}
    builds: dict[str, list[float]] = {"cold": [], "warm": [], "execution off": []}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        for n in range(rounds):
            print(f"round {n + 1}/{rounds}: builds", file=sys.stderr)
            builds["cold"].append(build(site, SNIPPETS_FRESH="1"))
            builds["warm"].append(build(site))
            builds["execution off"].append(build(site, SNIPPETS_EXECUTE="0"))
            print(f"round {n + 1}/{rounds}: {len(snippets)} snippets standalone", file=sys.stderr)
            for path in snippets:
                command = [sys.executable, str(path.relative_to(ROOT))]
                standalone[path].append(timed(command, environment()))
    return builds, standalone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=["builds", "serve"], help="measure only these")
    options = parser.parse_args()
    rounds = options.rounds

    rows, ratios = [], []
    if options.only != "serve":
        builds, standalone = measure_builds(rounds)
        medians = {name: statistics.median(times) for name, times in builds.items()}
        snippet_sum = sum(statistics.median(times) for times in standalone.values())
        rows += [(f"build, {name}", median, builds[name]) for name, median in medians.items()]
        rows.append((f"{len(standalone)} snippets standalone, sum", snippet_sum, None))
        ratios += [
            ("cold build / snippets standalone", medians["cold"] / snippet_sum, "<= 0.5"),
            ("warm build / execution off", medians["warm"] / medians["execution off"], "<= 1.2"),
        ]
    if options.only != "builds":
        serve = serve_cases(rounds)
        served = {case: statistics.median(times) for case, times in serve.items()}
        rows += [(f"serve: {case}", served[case], times) for case, times in serve.items()]
        overhead = served["snippet edit to both pages"] - served[SNIPPET_RUN]
        ratios += [
            ("serve: snippet edit - its run (s)", overhead, "<= 2"),
            ("serve: prose edit (s)", served["prose edit to its page"], "<= 2"),
        ]
    print(f"\n{'what':<44} {'median s':>9}  runs (s)")
    for name, median, times in rows:
        runs = ", ".join(f"{t:.2f}" for t in times) if times else ""
        print(f"{name:<44} {median:>9.2f}  {runs}")
    print(f"\n{'ratio':<44} {'value':>9}  goal")
    for name, value, goal in ratios:
        print(f"{name:<44} {value:>9.2f}  {goal}")
    print(f"\nrounds: {rounds}; Python {sys.version.split()[0]}; CPUs: {os.cpu_count()}")


if __name__ == "__main__":
    main()
