import subprocess
import sys
import tempfile
from pathlib import Path

# The same session, with the function moved to a file of its own, next to
# the notebook or wherever the session runs. A child process imports it by
# name, as it imports any module
MODULE = """
def square(n):
    return n * n
"""
SESSION = """
import multiprocessing
from squares import square

with multiprocessing.get_context("spawn").Pool(2) as pool:
    print(pool.map(square, range(4)))
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "squares.py").write_text(MODULE)
        session = subprocess.run([sys.executable, "-c", SESSION], cwd=folder)
    print(f"the session ended with exit code {session.returncode}")
