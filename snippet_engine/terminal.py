"""Turn what a program wrote to its terminal into the text a reader would see there."""

from __future__ import annotations

import re

# Colour and cursor codes (CSI), window titles and links (OSC), other two-byte escapes
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
# Control characters a page can't show; \t and \n stay as they are
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def terminal_text(text: str) -> str:
    """Escape codes removed, carriage returns applied, other controls made visible."""
    text = _ESCAPES.sub("", text)
    text = "\n".join(_overwrite(line) for line in text.split("\n"))
    # NUL becomes ␀ (U+2400), and so on: visible, and valid in HTML
    return _CONTROLS.sub(lambda m: "\u2421" if m[0] == "\x7f" else chr(0x2400 + ord(m[0])), text)


def _overwrite(line: str) -> str:
    """A carriage return sends the cursor back: later text covers earlier text."""
    if "\r" not in line:
        return line
    shown = ""
    for part in line.split("\r"):
        shown = part + shown[len(part) :]
    return shown
