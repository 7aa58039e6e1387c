"""Compare built sites by Lighthouse's mobile performance: interleaved runs, medians.

    .venv/bin/python -m tests.browser.compare_lighthouse /threads/ 7 site/ /tmp/other-site/

Each round runs Lighthouse once on every site in turn, so a busy moment of the machine
hits them alike; it prints every run, then the median score, total blocking time and
largest contentful paint per site. Single runs differ by several points here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from tests.browser.conftest import SUBPATH, _free_port, serve
from tests.browser.test_site_quality import _lighthouse


def measure(url: str) -> tuple[int, int, int]:
    """(performance score, total blocking time ms, largest contentful paint ms)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        score = _lighthouse(url, report, ("performance",))["performance"]
        audits = json.loads(report.read_text(encoding="utf-8"))["audits"]
    return (
        score,
        round(audits["total-blocking-time"]["numericValue"]),
        round(audits["largest-contentful-paint"]["numericValue"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", help="the page, e.g. /threads/")
    parser.add_argument("rounds", type=int)
    parser.add_argument("sites", nargs="+", type=Path, help="built site folders")
    args = parser.parse_args()
    ports = {site: _free_port() for site in args.sites}
    for site, port in ports.items():
        serve(site, port)
    addresses = {site: f"http://127.0.0.1:{port}{SUBPATH}" for site, port in ports.items()}
    runs = {site: [] for site in args.sites}
    for number in range(1, args.rounds + 1):
        for site, address in addresses.items():
            runs[site].append(measure(address + args.path))
        print(f"round {number}: " + "  ".join(f"{s}={runs[s][-1]}" for s in args.sites))
    print("site: median performance (all runs), median TBT ms, median LCP ms")
    for site, results in runs.items():
        scores, blocking, paint = zip(*results, strict=True)
        print(
            f"{site}: {statistics.median(scores)} {sorted(scores)}, "
            f"{statistics.median(blocking):.0f}, {statistics.median(paint):.0f}"
        )


if __name__ == "__main__":
    main()
