"""The answer in large type with its confidence; a blank canvas gets a prompt, not a guess."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

PROMPT = "Draw a digit"


class DigitPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelDigit")
        self.caption = QLabel("LeNet reads")
        self.digit = QLabel()
        self.digit.setObjectName("predictedDigit")
        self.confidence = QLabel()
        self.confidence.setObjectName("confidence")
        for label in (self.caption, self.digit, self.confidence):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.digit.font()
        font.setPointSize(96)
        font.setBold(True)
        self.digit.setFont(font)
        self.digit.setMinimumWidth(150)
        font = self.confidence.font()
        font.setPointSize(14)
        self.confidence.setFont(font)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.digit)
        layout.addWidget(self.confidence)
        layout.addStretch(2)
        self.set_result(None, None)

    def set_result(self, digit: int | None, confidence: float | None) -> None:
        if digit is None:
            self.caption.setText("")
            self.digit.setText("?")
            self.digit.setStyleSheet("color: #4a505a;")
            self.confidence.setText(PROMPT)
            return
        self.caption.setText("LeNet reads")
        self.digit.setText(str(digit))
        self.digit.setStyleSheet("color: #22c3ee;")
        self.confidence.setText(f"{confidence:.1%} confident")
