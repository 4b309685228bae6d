"""The answer in large type with its confidence; a blank canvas gets a prompt, not a guess."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import palette
from app.panels.contract import ResultOnly
from model.inference import Prediction

PROMPT = "Draw a digit"


class DigitPanel(ResultOnly, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelDigit")
        self.digit = QLabel()
        self.digit.setObjectName("predictedDigit")
        self.digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.digit.font()
        font.setPointSize(64)
        font.setBold(True)
        self.digit.setFont(font)
        self.caption = QLabel()
        self.confidence = QLabel()
        self.confidence.setObjectName("confidence")
        font = self.confidence.font()
        font.setPointSize(16)
        self.confidence.setFont(font)
        self.caption.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        # fixed widths: a changing number must not relayout the central area on every stroke
        # (both dimensions fixed, or Qt still posts a layout request per setText)
        digit = self.digit.fontMetrics()
        self.digit.setFixedSize(digit.horizontalAdvance("8") * 2, digit.height() + 4)
        widest = self.confidence.fontMetrics().horizontalAdvance("100.0% confident  ")
        self.confidence.setFixedSize(widest, self.confidence.fontMetrics().height() + 4)
        self.caption.setFixedSize(widest, self.caption.fontMetrics().height() + 4)
        # optional: a data set sample opened from the Insight gallery shows its true label
        self.truth = QLabel()
        self.truth.setObjectName("trueLabel")
        self.truth.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.truth.setFixedSize(widest, self.caption.fontMetrics().height() + 4)
        self._truth_for: Prediction | None = None
        text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.caption)
        text.addWidget(self.confidence)
        text.addWidget(self.truth)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addStretch(1)
        layout.addWidget(self.digit)
        layout.addLayout(text)
        layout.addStretch(1)
        self._blank: bool | None = None
        self.set_result(None, None)

    def show_result(self, result: Prediction) -> None:
        if result is not self._truth_for:
            self.set_true_label(None)
        self.set_result(result.digit, result.confidence)

    def set_true_label(self, label: int | None, result: Prediction | None = None) -> None:
        """Show "true label: d" while `result` is shown (a sample opened from a data set)."""
        self._truth_for = result if label is not None else None
        self.truth.setText("" if label is None else self.tr("true label: {0}").format(label))

    def set_result(self, digit: int | None, confidence: float | None) -> None:
        blank = digit is None
        if blank != self._blank:  # restyling re-polishes the label: only on a state change
            self._blank = blank
            self.caption.setText("LeNet is waiting" if blank else "LeNet reads")
            color = palette.WAITING if blank else palette.ACCENT
            self.digit.setStyleSheet(f"color: {color};")
        self.digit.setText("?" if blank else str(digit))
        self.confidence.setText(PROMPT if blank else f"{confidence:.1%} confident")
