"""Under `mkdocs serve`, an edit to the site's code restarts the server.

The site's code: the engine, the fence and these plugins (PACKAGES).

MkDocs keeps plugins and their modules in memory from one rebuild to the next, so an
edited module would go on running its old code, and a run would be cached under a key
computed from code that did not produce it. A new process imports the new code; its
first build renders every page again (runs whose key did not change come from the cache).
Code that no longer imports is reported, and the server goes on with the old code.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("snippets")
# The code a build runs (the benchmark and the tests are not)
PACKAGES = ("snippet_engine", "snippet_fence", "site_plugins")
_PLUGINS = tuple(
    f"site_plugins.{name}" for name in ("snippets", "notebooks", "languages", "lean_pages")
)


def _modules() -> list[Path]:
    """The package's modules this process has loaded (not the benchmark's, say)."""
    return sorted(
        Path(module.__file__)
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in PACKAGES and getattr(module, "__file__", None)
    )


def code_digest() -> str | None:
    """None while a module can't be read (an editor may be replacing it)."""
    digest = hashlib.sha256()
    try:
        for module in _modules():
            digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


_loaded: str | None = None  # the digest of the code this process runs
_refused: str | None = None  # new code that did not import: not tried again


def restart_if_code_changed(site_dir: str) -> None:
    """Re-execute this very command (`mkdocs serve ...`) if the package changed on disk."""
    global _loaded, _refused
    now = code_digest()
    if _loaded is None:
        _loaded = now
    if now is None or now in (_loaded, _refused):
        return
    checked = subprocess.run(
        [sys.executable, "-c", "; ".join(f"import {name}" for name in _PLUGINS)],
        capture_output=True,
        text=True,
    )
    if checked.returncode != 0:
        _refused = now
        log.error("the site's code changed but does not import; still running the old code:")
        log.error(checked.stderr.strip().splitlines()[-1] if checked.stderr.strip() else "?")
        return
    log.warning("the site's code changed on disk: restarting the server to run the new code")
    site = Path(site_dir)
    # The server's temporary site folder (MkDocs makes one per run): the new process
    # makes its own, and nothing else would remove this one
    if site.parent == Path(tempfile.gettempdir()) and site.name.startswith(
        ("mkdocs_", "properdocs_")
    ):
        shutil.rmtree(site, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
