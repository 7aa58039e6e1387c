"""Build-time benchmark: `python -m snippet_runner.benchmark [--rounds N]` from the repo root.

Measures, N times each (medians reported):

- every distinct snippet run standalone, `python snippets/<file>`, one after another;
- a cold build (SNIPPETS_FRESH=1: every snippet and notebook runs), a warm build (all from
  the cache), and a build with execution off (SNIPPETS_EXECUTE=0);
- under `mkdocs serve`, the time from saving a prose edit to the page serving it.

Then prints one table and the ratios the project aims for. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from snippet_runner.fences import find_fences

ROOT = Path.cwd()
PROSE_PAGE = ROOT / "docs" / "en" / "glossary.md"
PROSE_URL = "/en/glossary/"


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


def serve_reload_seconds(rounds: int) -> list[float]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    original = PROSE_PAGE.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}{PROSE_URL}"
    try:
        wait_for(url, "</html>", 300)
        times = []
        for n in range(rounds):
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            started = time.perf_counter()
            PROSE_PAGE.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            wait_for(url, marker, 120)
            times.append(time.perf_counter() - started)
        return times
    finally:
        PROSE_PAGE.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{text!r} did not appear at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    snippets = distinct_snippets()
    standalone = {path: [] for path in snippets}
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
    print("serve: prose edits", file=sys.stderr)
    reloads = serve_reload_seconds(rounds)

    medians = {name: statistics.median(times) for name, times in builds.items()}
    snippet_sum = sum(statistics.median(times) for times in standalone.values())
    reload = statistics.median(reloads)
    rows = [
        *[(f"build, {name}", median, builds[name]) for name, median in medians.items()],
        (f"{len(snippets)} snippets standalone, sum", snippet_sum, None),
        ("serve: prose edit to page served", reload, reloads),
    ]
    print(f"\n{'what':<40} {'median s':>9}  runs (s)")
    for name, median, times in rows:
        runs = ", ".join(f"{t:.2f}" for t in times) if times else ""
        print(f"{name:<40} {median:>9.2f}  {runs}")
    print(f"\n{'ratio':<40} {'value':>9}  goal")
    print(f"{'cold build / snippets standalone':<40} {medians['cold'] / snippet_sum:>9.2f}  <= 0.5")
    warm_ratio = medians["warm"] / medians["execution off"]
    print(f"{'warm build / execution off':<40} {warm_ratio:>9.2f}  <= 1.2")
    print(f"{'serve reload after a prose edit (s)':<40} {reload:>9.2f}  <= 2")
    print(f"\nrounds: {rounds}; Python {sys.version.split()[0]}; CPUs: {os.cpu_count()}")


if __name__ == "__main__":
    main()
