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
# Graceful: the kernel exits as a program does, and its multiprocessing pools release their
# named semaphores; killed at once ("immediate"), it left 18 of them in /dev/shm per build.
c.NotebookClient.shutdown_kernel = "graceful"
