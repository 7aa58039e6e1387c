"""Under `mkdocs serve`, an edit to this package's code restarts the server.

MkDocs keeps plugins and their modules in memory from one rebuild to the next, so an
edited module would go on running its old code, and a run would be cached under a key
computed from code that did not produce it. A new process imports the new code; its
first build renders every page again (runs whose key did not change come from the cache).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("snippets")
_PACKAGE = Path(__file__).parent


def code_digest() -> str:
    digest = hashlib.sha256()
    for module in sorted(_PACKAGE.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


_LOADED = code_digest()


def restart_if_code_changed(site_dir: str) -> None:
    """Re-execute this very command (`mkdocs serve ...`) if the package changed on disk."""
    if code_digest() == _LOADED:
        return
    log.warning("snippet_runner changed on disk: restarting the server to run the new code")
    site = Path(site_dir)
    # The server's temporary site folder (MkDocs makes one per run): the new process
    # makes its own, and nothing else would remove this one
    if site.parent == Path(tempfile.gettempdir()) and site.name.startswith("mkdocs_"):
        shutil.rmtree(site, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
