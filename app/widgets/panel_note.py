"""The note a panel shows in place of its plot when the active design lacks what it draws
("This network has no convolution…"): one look for every panel that can be empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def panel_note(text: str = "") -> QLabel:
    """A hidden, centred, word-wrapped label; the panel shows it instead of its plot."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.hide()
    return note
