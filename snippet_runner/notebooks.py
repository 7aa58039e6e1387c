"""MkDocs plugin for the notebook pages that mkdocs-jupyter executes.

- Jupyter reads its settings from `jupyter_config/` here: a timeout for every cell,
  consecutive stream outputs merged (child processes write in tiny pieces), and a
  quiet kernel log.
- mkdocs-static-i18n rebuilds the file list with plain `File` objects, which turns
  `.ipynb` pages into static files (raw JSON); they are made pages again.
- A cell tagged `raises-exception` must show an error: the build fails if it stops
  raising. Any other failing cell already fails mkdocs-jupyter (allow_errors: false).
- Paths of the build machine are taken out of the rendered outputs.
"""

from __future__ import annotations

import os
import re
import types
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from snippet_runner.process import scrub_paths

log = get_plugin_logger("notebooks")
CONFIG_DIR = Path(__file__).parent / "jupyter_config"
EXPECTED_ERROR_TAG = "raises-exception"
# How IPython shows an exception that a cell raised (not merely text on stderr)
IPYTHON_TRACEBACK = re.compile(r"-{20,}\s+\w+\s+Traceback \(most recent call last\)")


def _is_notebook(file) -> bool:
    return file.src_uri.endswith(".ipynb")


class NotebooksPlugin(BasePlugin):
    def on_config(self, config):
        paths = os.environ.get("JUPYTER_CONFIG_PATH", "")
        if str(CONFIG_DIR) not in paths.split(os.pathsep):
            os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
                filter(None, [str(CONFIG_DIR), paths])
            )
        self.root = Path(config.config_file_path).parent
        return config

    @event_priority(-200)  # after mkdocs-static-i18n has replaced the File objects
    def on_files(self, files, *, config):
        for file in files:
            if _is_notebook(file) and not file.is_documentation_page():
                file.is_documentation_page = types.MethodType(lambda self: True, file)
        return files

    def on_page_content(self, html: str, *, page, config, files) -> str:
        if not _is_notebook(page.file):
            return html
        soup = BeautifulSoup(html, "html.parser")
        # Only the divs with an id: mkdocs-jupyter's template wraps each code cell twice
        for number, cell in enumerate(soup.select('div.jp-Cell[id^="cell-id="]'), 1):
            expects_error = f"celltag_{EXPECTED_ERROR_TAG}" in cell.get("class", [])
            if expects_error and not IPYTHON_TRACEBACK.search(cell.get_text()):
                log.error(
                    "%s: cell %d is tagged %s but raised no error",
                    Path(config.docs_dir, page.file.src_uri).relative_to(self.root),
                    number,
                    EXPECTED_ERROR_TAG,
                )
        return scrub_paths(html, self.root, html=True)
