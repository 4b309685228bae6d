"""The central area: the square canvas with the large answer right beneath it.

A box layout would stretch the canvas widget to the full height and leave the answer stranded
at the bottom edge; this lays out the pair by hand so they stay together, centred, with the
canvas as large as the space allows (never below its 280 px minimum).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

MARGIN = 8
SPACING = 4


class CanvasArea(QWidget):
    def __init__(self, canvas: QWidget, answer: QWidget) -> None:
        super().__init__()
        self.setObjectName("canvasArea")
        self.canvas, self.answer = canvas, answer
        canvas.setParent(self)
        answer.setParent(self)

    def minimumSizeHint(self) -> QSize:
        side = self.canvas.minimumWidth()
        answer = self.answer.sizeHint()
        return QSize(
            max(side, answer.width()) + 2 * MARGIN,
            side + SPACING + answer.height() + 2 * MARGIN,
        )

    def sizeHint(self) -> QSize:
        return QSize(560, 700)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        """Place the canvas and the answer (also after the answer's size changed)."""
        answer_h = self.answer.sizeHint().height()
        side = min(self.width() - 2 * MARGIN, self.height() - 2 * MARGIN - SPACING - answer_h)
        side = max(side, self.canvas.minimumWidth())
        block_h = side + SPACING + answer_h
        top = max(MARGIN, (self.height() - block_h) // 2)
        left = max(MARGIN, (self.width() - side) // 2)
        self.canvas.setGeometry(QRect(left, top, side, side))
        self.answer.setGeometry(
            QRect(MARGIN, top + side + SPACING, self.width() - 2 * MARGIN, answer_h)
        )
