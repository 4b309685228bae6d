"""The "That was a…" row under the answer: ten buttons that keep the drawing with a label.

A plain digit key on the canvas would be too easy to hit by accident, so labelling is a
deliberate click here (or Ctrl+digit, app/teach/teacher.py). The row only emits `chosen`; the
teacher does the keeping, so the buttons, the shortcuts and `MainWindow.teach` share one path.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget


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
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addStretch(1)
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
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 2)
        layout.setSpacing(2)
        layout.addLayout(self.top)
        layout.addLayout(row)

    def add_to_caption_line(self, widget: QWidget) -> None:
        """Put a widget (the teacher's Undo button) beside the caption."""
        self.top.insertWidget(self.top.count() - 1, widget)

    def set_available(self, available: bool) -> None:
        """Enabled only when there is a drawing (strokes) to keep."""
        for button in self.buttons:
            button.setEnabled(available)


def answer_with_row(answer: QWidget, row: QWidget) -> QWidget:
    """The answer panel with the label row beneath it, as one widget for the canvas area."""
    box = QWidget()
    box.setObjectName("answerBox")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(answer)
    layout.addWidget(row)
    return box
