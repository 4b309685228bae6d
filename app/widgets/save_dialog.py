"""Every "Save as" of the app asks through here, so the file gets the chosen filter's extension.

Qt's static save dialog returns what was typed: "retrained1" under "LeNet Lens weights (*.pt)"
was written without ".pt", and Load weights' filter then hid the file; the same for collection
exports (.json), predictions (.csv) and images. `ask_save_path` adds the extension of the chosen
filter unless the name already ends in one the dialog offers (a typed ".svg" under the PNG filter
is kept: the user said which format).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_PATTERN = re.compile(r"\*\.([A-Za-z0-9_.]+)")


def filter_suffixes(filter_text: str) -> list[str]:
    """The extensions one filter names, in order: "Images (*.png *.svg)" → [".png", ".svg"]."""
    return ["." + ext.lower() for ext in _PATTERN.findall(filter_text)]


def with_filter_suffix(path: str, chosen_filter: str, filters: str) -> str:
    """`path` with the chosen filter's first extension added where it has none of the offered
    ones; an "All files (*)" filter adds nothing."""
    if not path:
        return path
    wanted = filter_suffixes(chosen_filter)
    if not wanted:
        return path
    offered = {s for f in filters.split(";;") for s in filter_suffixes(f)} | set(wanted)
    name = Path(path).name.lower()
    if any(name.endswith(suffix) and len(name) > len(suffix) for suffix in offered):
        return path
    return path + wanted[0]


def ask_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """The file to save to ("" when cancelled), ending in the chosen filter's extension."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    if not path:
        return ""
    # a dialog that reports no filter (some platforms, tests): the first one offered
    return with_filter_suffix(path, chosen or filters.split(";;")[0], filters)
