import sys
import sysconfig

# 1 on a free-threaded build (python3.13t, python3.14t), 0 or None otherwise
free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
# sys._is_gil_enabled() exists from 3.13; a free-threaded build can still
# switch the GIL back on (PYTHON_GIL=1, or an extension that needs it)
gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()

print(f"Python {sys.version.split()[0]} ({sys.implementation.name})")
print(f"free-threaded build: {free_threaded_build}")
print(f"GIL enabled now: {gil_enabled}")
