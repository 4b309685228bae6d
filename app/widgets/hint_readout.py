"""A panel's hint and hover readout, in a fixed number of lines.

Fixed, because a readout that changed height on hover would move the plots under the pointer;
a few lines, because a three-line hint took a small dock's room from its plots (800x600,
presentation mode). It shows its full text where that fits its lines at the present width and
font, else the short one, and chooses again on every resize and font change. A one-line readout
whose short text still does not fit cuts it with an ellipsis (so a short text puts what matters
first); a wrapped second line would be clipped without one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class HintReadout(QLabel):
    def __init__(
        self, full: str, short: str | None = None, lines: int = 2, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.lines = lines
        self.texts = (full, short or full)
        self._fit_height()
        self._choose()

    def show_text(self, full: str, short: str | None = None) -> None:
        """`full` where it fits the readout's lines, else `short` (default: `full`, wrapped)."""
        self.texts = (full, short or full)
        self._choose()

    def _fit_height(self) -> None:
        """`lines` lines as drawn (a Chinese fallback font's lines are taller than the main
        font's line spacing says)."""
        self.setText(self.texts[1])
        line = self.heightForWidth(100_000)
        self.setFixedHeight(self.lines * max(line, self.fontMetrics().height()))

    def _choose(self) -> None:
        full, short = self.texts
        width = max(1, self.width())
        for text in dict.fromkeys((full, short)):
            self.setText(text)
            if self.heightForWidth(width) <= self.height():
                return
        if self.lines == 1:
            self.setText(self.fontMetrics().elidedText(short, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._fit_height()
            self._choose()
