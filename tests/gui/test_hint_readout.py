"""A panel's readout keeps its lines whatever it says: the plots above it must not move under
the pointer, and a narrow panel still shows the part of a reading that matters."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from app.widgets.hint_readout import HintReadout

FULL = "C2 filter 3 (grid column) ← S1 map 9 (grid row), weight row 1, column 4: +0.123"
SHORT = "+0.123  C2 filter 3 ← S1 map 9, (1, 4)"


def readout_width(text: str) -> int:
    return QFontMetrics(QApplication.font()).horizontalAdvance(text)


def _readout(qtbot, width: int) -> HintReadout:
    readout = HintReadout("Hover a weight for its value", lines=1)
    qtbot.addWidget(readout)
    readout.resize(width, readout.height())
    readout.show()
    return readout


def test_a_wide_readout_shows_the_whole_reading_on_its_one_line(qtbot) -> None:
    readout = _readout(qtbot, readout_width(FULL) + 20)
    height = readout.height()
    readout.show_text(FULL, SHORT)
    assert readout.text() == FULL and readout.height() == height


def test_a_narrow_readout_shortens_then_cuts_the_end_never_the_value(qtbot) -> None:
    readout = _readout(qtbot, readout_width(SHORT) + 10)
    height = readout.height()
    readout.show_text(FULL, SHORT)
    assert readout.text() == SHORT and readout.height() == height
    readout.resize(readout_width(SHORT) // 2, height)
    assert readout.text().startswith("+0.123") and readout.text().endswith("…")
    assert readout.fontMetrics().horizontalAdvance(readout.text()) <= readout.width()
    assert readout.height() == height
    readout.show_text("Hover a weight for its value")
    readout.resize(readout_width(FULL) + 20, height)
    assert readout.text() == "Hover a weight for its value"
