"""The search worker wrapper still finds pages when lunr fails on a prefix term."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material

from tests.browser.conftest import require
from tests.pages import ROOT

WRAPPER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "search-languages.js"
WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_a_query_lunr_fails_on_is_run_again_with_whole_words():
    # A build's search once found nothing for "Exception in thread Thread-1": lunr
    # expanded "1*" to a word its index lacked and threw. The fixture makes lunr fail
    # on "1*", so only the wrapper's retry can find anything for it; a query that does
    # not fail must keep searching by prefix
    require(shutil.which("node") is not None, "Node.js", "install Node.js")
    (worker,) = WORKERS.glob("search.*.min.js")
    run = subprocess.run(
        [
            "node",
            str(ROOT / "tests" / "fixtures" / "search_worker_retry.js"),
            str(worker),
            str(WRAPPER),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found == {"typed": ["exceptions"], "built": ["exceptions"], "prefix": ["other"]}
