# nbconvert settings for the notebooks mkdocs-jupyter executes during the build;
# the notebooks plugin puts this folder on JUPYTER_CONFIG_PATH.
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

c = get_config()  # noqa: F821  (provided by traitlets when it loads this file)


def merge_streams(cell, cell_index, execute_reply):
    # Child processes write in tiny pieces; merged, a cell's output reads like a terminal.
    CoalesceStreamsPreprocessor().preprocess_cell(cell, {}, cell_index)


c.NotebookClient.timeout = 120  # seconds per cell; a hung cell fails the build
c.NotebookClient.on_cell_executed = merge_streams
c.NotebookClient.extra_arguments = [
    "--IPKernelApp.log_level=ERROR",  # no kernel chatter
    # Plain tracebacks: terminal colours are unreadable on the page's dark palette
    "--InteractiveShell.colors=NoColor",
]
# Once the last cell has run the outputs are complete; a graceful shutdown only adds ~2.5 s.
c.NotebookClient.shutdown_kernel = "immediate"
