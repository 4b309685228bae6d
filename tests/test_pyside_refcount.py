"""Guard against PySide6 builds that leak a reference to None on every void call.

PySide6 6.12.0 does (the process aborts after a few thousand calls); the GUI makes such calls
on every stroke event, so a bad build shows up here before it crashes a user's session.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_void_calls_do_not_leak_none(qapp: QApplication) -> None:
    widget = QWidget()
    for _ in range(200):  # warm up caches
        widget.update()
        QApplication.processEvents()
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.update()
        QApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 100
    widget.deleteLater()
