import datetime
import os
import platform
import sys

version = platform.python_version()
implementation = platform.python_implementation()
gil = getattr(sys, "_is_gil_enabled", lambda: True)()  # added in 3.13
system = f"{platform.system()} {platform.release()} ({platform.machine()})"
now = datetime.datetime.now(datetime.UTC)

print(f"Python {version} ({implementation})")
print(f"GIL enabled: {gil}")
print(f"OS: {system}")
print(f"CPUs: {os.cpu_count()}")
print(f"date (UTC): {now:%Y-%m-%d %H:%M}")
