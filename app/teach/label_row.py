"""The "That was a…" row under the answer: ten buttons that keep the drawing with a label.

A plain digit key on the canvas would be too easy to hit by accident, so labelling is a
deliberate click here (or Ctrl+digit, app/teach/teacher.py). The row only emits `chosen`; the
teacher does the keeping, so the buttons, the shortcuts and `MainWindow.teach` share one path.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

BUTTON_SPACING = 2
MARGINS = (8, 0, 8, 2)


class LabelRow(QWidget):
    """Ten digit buttons, `teachButton0`…`teachButton9`; `chosen(digit)` when one is clicked."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachRow")
        # two short lines, so the row fits under the narrowest canvas (280 px)
        self.top = QHBoxLayout()
        self.top.setContentsMargins(0, 0, 0, 0)
        self.top.addStretch(1)
        self.caption = QLabel(self.tr("That was a…"))
        self.top.addWidget(self.caption)
        self.top.addStretch(1)
        # the buttons in one row of ten, or two rows of five where the canvas area is short
        # (app/draw/canvas_area.py picks the arrangement that leaves the largest canvas)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(BUTTON_SPACING)
        self.buttons: list[QToolButton] = []
        for digit in range(10):
            button = QToolButton()
            button.setText(str(digit))
            button.setObjectName(f"teachButton{digit}")
            button.setFixedSize(26, 26)
            button.setToolTip(
                self.tr("Keep this drawing as a {0} in your collection (Ctrl+{0})").format(digit)
            )
            button.clicked.connect(lambda _checked=False, d=digit: self.chosen.emit(d))
            self.buttons.append(button)
        self.columns = 0
        self.set_columns(10)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addLayout(self.grid)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*MARGINS)
        layout.setSpacing(2)
        layout.addLayout(self.top)
        layout.addLayout(row)

    def set_columns(self, columns: int) -> None:
        """The buttons in rows of `columns` (10: one row; 5: two rows)."""
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons:
            self.grid.removeWidget(button)
        for digit, button in enumerate(self.buttons):
            self.grid.addWidget(button, digit // columns, digit % columns)
        self.updateGeometry()

    def size_for(self, columns: int) -> QSize:
        """The size the row asks for with its buttons in rows of `columns`."""
        side = self.buttons[0].width()
        rows = -(-len(self.buttons) // columns)
        grid = QSize(
            columns * side + (columns - 1) * BUTTON_SPACING,
            rows * side + (rows - 1) * BUTTON_SPACING,
        )
        top = self.top.sizeHint()
        left, top_margin, right, bottom = MARGINS
        return QSize(
            max(grid.width(), top.width()) + left + right,
            top.height() + 2 + grid.height() + top_margin + bottom,
        )

    def add_to_caption_line(self, widget: QWidget) -> None:
        """Put a widget (the teacher's Undo button) beside the caption."""
        self.top.insertWidget(self.top.count() - 1, widget)

    def set_available(self, available: bool) -> None:
        """Enabled only when there is a drawing (strokes) to keep."""
        for button in self.buttons:
            button.setEnabled(available)


class AnswerBox(QWidget):
    """The answer panel with the label row beneath it (or beside it, the buttons in two rows,
    where that leaves the canvas more room), as one widget for the canvas area."""

    #: arrangement name -> (box direction, label-row columns)
    ARRANGEMENTS = {
        "stacked": (QBoxLayout.Direction.TopToBottom, 10),
        "stacked, two rows": (QBoxLayout.Direction.TopToBottom, 5),
        "side by side": (QBoxLayout.Direction.LeftToRight, 5),
    }

    def __init__(self, answer: QWidget, row: LabelRow) -> None:
        super().__init__()
        self.setObjectName("answerBox")
        self.answer, self.row = answer, row
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.box.addWidget(answer)
        self.box.addWidget(row)
        self.arrangement = "stacked"

    def arrangements(self) -> dict[str, QSize]:
        """The size each arrangement asks for (app/draw/canvas_area.py chooses)."""
        answer = self.answer.sizeHint()
        sizes = {}
        for name, (direction, columns) in self.ARRANGEMENTS.items():
            row = self.row.size_for(columns)
            spacing = self.box.spacing()
            if direction == QBoxLayout.Direction.TopToBottom:
                sizes[name] = QSize(
                    max(answer.width(), row.width()), answer.height() + spacing + row.height()
                )
            else:
                sizes[name] = QSize(
                    answer.width() + spacing + row.width(), max(answer.height(), row.height())
                )
        return sizes

    def fit(self, width: int, height: int) -> None:
        """Let the answer fit `width`, and `height` with the buttons beneath it (presentation
        mode's type in a small centre)."""
        fit = getattr(self.answer, "fit", None)
        if fit is None:
            return
        one_row = self.row.size_for(10)
        row = one_row if one_row.width() <= width else self.row.size_for(5)
        fit(width, height - self.box.spacing() - row.height())

    def arrange(self, name: str) -> None:
        if name == self.arrangement:
            return
        self.arrangement = name
        direction, columns = self.ARRANGEMENTS[name]
        self.box.setDirection(direction)
        self.row.set_columns(columns)
        self.updateGeometry()


def answer_with_row(answer: QWidget, row: LabelRow) -> AnswerBox:
    """The answer panel with the label row beneath it, as one widget for the canvas area."""
    return AnswerBox(answer, row)
