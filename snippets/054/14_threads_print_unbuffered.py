import subprocess
import sys
from pathlib import Path

# The ten threads of 04_threads_print.py, run by another Python with -u:
# unbuffered output, as PYTHONUNBUFFERED=1 also sets it (many IDEs and
# Docker images do). Each write then goes to the operating system at once.
EXAMPLE = Path(__file__).with_name("04_threads_print.py")
WHOLE = {str(n**2) for n in range(10)} | {"Finished computing!", "{}"}

for run in range(1, 11):
    result = subprocess.run(
        [sys.executable, "-u", EXAMPLE],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    broken = [line for line in lines if line not in WHOLE]
    print(f"run {run}: {len(broken)} of {len(lines)} lines broken")
    if broken:
        print("its output:")
        print(result.stdout, end="")
        break
