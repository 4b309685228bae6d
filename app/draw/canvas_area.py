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
#: The canvas's raster (280 px): a larger answer (presentation mode) never pushes the canvas
#: below it where the window has the room.
CANVAS_FLOOR = 280


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
        answer = self._arrange_answer()
        answer_h = answer.height()
        side = min(self.width() - 2 * MARGIN, self.height() - 2 * MARGIN - SPACING - answer_h)
        side = max(side, self.canvas.minimumWidth())
        block_h = side + SPACING + answer_h
        top = max(MARGIN, (self.height() - block_h) // 2)
        left = max(MARGIN, (self.width() - side) // 2)
        self.canvas.setGeometry(QRect(left, top, side, side))
        answer_w = max(min(answer.width(), self.width() - 2 * MARGIN), side)  # under the canvas
        self.answer.setGeometry(
            QRect((self.width() - answer_w) // 2, top + side + SPACING, answer_w, answer_h)
        )

    def _arrange_answer(self) -> QSize:
        """Fit the answer to the room (when it offers `fit`) and choose how it is arranged
        (when it offers `arrangements`/`arrange`): of the arrangements that fit the width, the
        one that leaves the largest canvas, the first listed on a tie. Where the height
        is the limit (presentation mode's larger answer, a wide short window) the label row
        goes beside the answer in two rows of buttons, and the canvas keeps its size."""
        room = self.width() - 2 * MARGIN
        fit = getattr(self.answer, "fit", None)
        if fit is not None:  # the answer may take the height the canvas's raster does not need
            fit(room, self.height() - 2 * MARGIN - SPACING - min(CANVAS_FLOOR, room))
        offered = getattr(self.answer, "arrangements", None)
        if offered is None:
            return self.answer.sizeHint()
        sizes: dict[str, QSize] = offered()
        fitting = [name for name, size in sizes.items() if size.width() <= room]
        if fitting:
            order = list(sizes)
            tall = self.height() - 2 * MARGIN - SPACING

            def canvas_side(name: str) -> int:
                return min(room, tall - sizes[name].height())

            best = max(fitting, key=lambda n: (canvas_side(n), -order.index(n)))
        else:
            best = min(sizes, key=lambda n: sizes[n].width())
        self.answer.arrange(best)
        return sizes[best]
