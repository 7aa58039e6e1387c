import datetime
import os
import platform
import sys

print(f"Python {platform.python_version()} ({platform.python_implementation()})")
print(f"GIL enabled: {getattr(sys, '_is_gil_enabled', lambda: True)()}")
print(f"OS: {platform.system()} {platform.release()} ({platform.machine()})")
print(f"CPUs: {os.cpu_count()}")
print(f"date (UTC): {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M}")
