"""The answer in large type with its confidence; a blank canvas gets a prompt, not a guess."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.doubt import doubt
from app.core.panel_contract import ResultOnly
from app.widgets import palette
from model.network.inference import Prediction

PROMPT = QT_TRANSLATE_NOOP("DigitPanel", "Draw a digit")
DIGIT_POINTS, CONFIDENCE_POINTS = 52, 14


class DigitPanel(ResultOnly, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelDigit")
        self.digit = QLabel()
        self.digit.setObjectName("predictedDigit")
        self.digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.digit.font()
        font.setPointSize(DIGIT_POINTS)  # with the line beside it: fits the canvas at 800 px
        font.setBold(True)
        self.digit.setFont(font)
        self.caption = QLabel()
        self.confidence = QLabel()
        self.confidence.setObjectName("confidence")
        font = self.confidence.font()
        font.setPointSize(CONFIDENCE_POINTS)
        self.confidence.setFont(font)
        self.caption.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        # fixed widths: a changing number must not relayout the central area on every stroke
        # (both dimensions fixed, or Qt still posts a layout request per setText)
        digit = self.digit.fontMetrics()
        self.digit.setFixedSize(digit.horizontalAdvance("8") * 2, digit.height() + 4)
        widest = self.confidence.fontMetrics().horizontalAdvance(
            self.tr("{0:.1%} confident").format(1) + "  "
        )
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
        self._doubt: tuple[str, str] | None = None
        self.set_result(None, None)

    def set_scale(self, factor: float) -> None:
        """Presentation mode: the answer's type `factor` times its normal size."""
        for label, points in ((self.digit, DIGIT_POINTS), (self.confidence, CONFIDENCE_POINTS)):
            font = label.font()
            font.setPointSizeF(points * factor)
            label.setFont(font)
        caption = self.caption.font()
        caption.setPointSizeF(self.font().pointSizeF())
        self.caption.setFont(caption)
        digit = self.digit.fontMetrics()
        self.digit.setFixedSize(digit.horizontalAdvance("8") * 2, digit.height() + 4)
        widest = self.confidence.fontMetrics().horizontalAdvance("100.0% confident ")
        self.confidence.setFixedSize(widest, self.confidence.fontMetrics().height() + 4)
        self.caption.setFixedSize(widest, self.caption.fontMetrics().height() + 4)
        self.updateGeometry()

    def show_result(self, result: Prediction) -> None:
        if result is not self._truth_for:
            self.set_true_label(None)
        self.set_result(result.digit, result.confidence)
        self.set_doubt(doubt(result))

    def set_doubt(self, warning: tuple[str, str] | None) -> None:
        """A doubtful reading says so in place of "LeNet reads" (app.core.doubt)."""
        if warning == self._doubt:
            return
        self._doubt = warning
        if warning is None:
            self.caption.setText(
                self.tr("LeNet is waiting") if self._blank else self.tr("LeNet reads")
            )
            self.caption.setStyleSheet(f"color: {palette.MUTED_TEXT};")
            self.caption.setToolTip("")
            return
        self.caption.setText(warning[0])
        self.caption.setStyleSheet(f"color: {palette.WORSE}; font-weight: 600;")
        self.caption.setToolTip(warning[1])
        self.confidence.setToolTip(warning[1])

    def set_true_label(self, label: int | None, result: Prediction | None = None) -> None:
        """Show "true label: d" while `result` is shown (a sample opened from a data set)."""
        self._truth_for = result if label is not None else None
        self.truth.setText("" if label is None else self.tr("true label: {0}").format(label))

    def set_result(self, digit: int | None, confidence: float | None) -> None:
        blank = digit is None
        if blank != self._blank:  # restyling re-polishes the label: only on a state change
            self._blank = blank
            self._doubt = None
            self.caption.setText(self.tr("LeNet is waiting") if blank else self.tr("LeNet reads"))
            self.caption.setStyleSheet(f"color: {palette.MUTED_TEXT};")
            color = palette.WAITING if blank else palette.ACCENT
            self.digit.setStyleSheet(f"color: {color};")
        self.digit.setText("?" if blank else str(digit))
        self.confidence.setText(
            self.tr(PROMPT) if blank else self.tr("{0:.1%} confident").format(confidence)
        )
