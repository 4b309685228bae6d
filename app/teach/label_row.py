"""The "That was a…" row under the answer: ten buttons that keep the drawing with a label.

A plain digit key on the canvas would be too easy to hit by accident, so labelling is a
deliberate click here (or Ctrl+digit, app/teach/teacher.py). The row only emits `chosen`; the
teacher does the keeping, so the buttons, the shortcuts and `MainWindow.teach` share one path.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class LabelRow(QWidget):
    """Ten digit buttons, `teachButton0`…`teachButton9`; `chosen(digit)` when one is clicked."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(2)
        layout.addStretch(1)
        self.caption = QLabel(self.tr("That was a…"))
        layout.addWidget(self.caption)
        self.buttons: list[QPushButton] = []
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setObjectName(f"teachButton{digit}")
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("8") * 3)
            button.setToolTip(
                self.tr("Keep this drawing as a {0} in your collection (Ctrl+{0})").format(digit)
            )
            button.clicked.connect(lambda _checked=False, d=digit: self.chosen.emit(d))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)

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
