"""The answer in large type with its confidence; a blank canvas gets a prompt, not a guess.

One state at a time (app.core.doubt): a sure reading says how confident it is; an unsure one
says so in the caption *and* in the confidence ("only 41.2% confident"); "not a digit" reads
"Not a digit?" with the best guess smaller beneath it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.doubt import BLANK, NOT_A_DIGIT, SURE, UNSURE, Trust, short_warnings, trust
from app.core.panel_contract import ResultOnly
from app.widgets import palette
from model.network.inference import Prediction

PROMPT = QT_TRANSLATE_NOOP("DigitPanel", "Draw a digit")
DIGIT_POINTS, CONFIDENCE_POINTS = 52, 13
#: px after the widest headline and on each side of the panel. With the digit beside it the
#: panel needs 259 px in English (the longest headline "only 59.9% confident"; 205 in Chinese)
#: of the 294 it has at 800x600: at 14 pt and with wider padding it needed 296 of 296
PAD, SIDE = 4, 4


def tint(label: QLabel, color: str | QColor, *, bold: bool | None = None) -> None:
    """`label`'s text colour and, unless `bold` is None, its weight (a warning is demi-bold),
    without a style sheet."""
    colors = label.palette()
    colors.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(colors)
    if bold is None:
        return
    font = label.font()
    weight = QFont.Weight.DemiBold if bold else QFont.Weight.Normal
    if font.weight() != weight:
        font.setWeight(weight)
        label.setFont(font)


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
        self._plain_color = self.confidence.palette().color(QPalette.ColorRole.WindowText)
        tint(self.caption, palette.MUTED_TEXT, bold=False)
        # optional: a data set sample opened from the Insight gallery shows its true label
        self.truth = QLabel()
        self.truth.setObjectName("trueLabel")
        self.truth.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self._truth_for: Prediction | None = None
        # "not a digit": the best guess, still readable, smaller than the headline
        self.guess = QLabel()
        self.guess.setObjectName("bestGuess")
        self.guess.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        self.guess.hide()
        self._fix_sizes()
        self._scale = self._shown_scale = 1.0  # asked for (presentation mode), and shown
        self._line_points = self.caption.font().pointSizeF()  # the caption's normal size
        self._fits: dict[tuple[int, int, float], float] = {}  # (w, h, scale asked) -> shown
        text = self._text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.caption)
        text.addWidget(self.confidence)
        text.addWidget(self.guess)
        text.addWidget(self.truth)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SIDE, 0, SIDE, 0)
        layout.addStretch(1)
        layout.addWidget(self.digit)
        layout.addLayout(text)
        layout.addStretch(1)
        self._shown: tuple | None = None
        self._looks: tuple | None = None
        self.state = BLANK  # the shown state (app.core.doubt): blank, sure, unsure, not_a_digit
        self.set_result(None, None)

    def set_scale(self, factor: float) -> None:
        """Presentation mode: the answer's type `factor` times its normal size (less where the
        centre is too small for it: `fit`)."""
        self._scale = factor
        self._apply_scale(factor)

    def fit(self, width: int, height: int) -> None:
        """Shrink presentation mode's type, never below the normal size, until the panel fits
        `width` x `height` (at 800x600 the centre is about 300 px wide, and the answer at 1.5
        times needs 384 px in English; the canvas keeps at least its raster's 280 px)."""
        key = (width, height, self._scale)
        if key not in self._fits:
            if len(self._fits) > 256:  # a long drag through many sizes
                self._fits.clear()

            def fits() -> bool:
                need = self.minimumSizeHint()
                return need.width() <= width and need.height() <= height

            self._apply_scale(self._scale)
            low, high = 1.0, self._scale
            if not fits():  # halve the interval six times
                for _ in range(6):
                    middle = (low + high) / 2
                    self._apply_scale(middle)
                    if fits():
                        low = middle
                    else:
                        high = middle
                high = low
            self._fits[key] = high
        if self._fits[key] != self._shown_scale:
            self._apply_scale(self._fits[key])

    def _apply_scale(self, factor: float) -> None:
        """Type `factor` times its normal size: the digit, the headline and the smaller lines."""
        self._shown_scale = factor
        sizes = (
            (self.digit, DIGIT_POINTS),
            (self.confidence, CONFIDENCE_POINTS),
            (self.caption, self._line_points),
            (self.guess, self._line_points),
            (self.truth, self._line_points),  # styled: the window's font does not reach it
        )
        for label, points in sizes:
            font = label.font()
            font.setPointSizeF(points * factor)
            label.setFont(font)
        self._fix_sizes()
        self._text.invalidate()  # the nested layout keeps its old minimum until told
        self.layout().invalidate()
        self.updateGeometry()

    def _fix_sizes(self) -> None:
        """Fixed sizes, wide enough for every state's longest text: a changing number must not
        relayout the central area on every stroke (both dimensions fixed, or Qt still posts a
        layout request per setText).

        Each headline is measured in the weight it is shown in (only "Not a digit?" is bold),
        and the digit gets its widest glyph plus a little air: measuring every headline bold
        beside two digits' width made the panel 357 px wide, past the centre's share of an
        800x600 window (the labels were cut, the window's minimum width grew to 856 px)."""
        digit = self.digit.fontMetrics()
        air = digit.horizontalAdvance(" ") // 2
        glyph = max(digit.horizontalAdvance(c) for c in "0123456789?")
        self.digit.setFixedSize(glyph + air, digit.height() + 4)
        plain = self.confidence.fontMetrics()
        bold_font = self.confidence.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        caption_font = self.caption.font()
        caption_font.setBold(True)  # a warning in the caption's place is bold
        caption = QFontMetrics(caption_font)
        widest = PAD + max(
            plain.horizontalAdvance(self.tr("{0:.1%} confident").format(1)),
            plain.horizontalAdvance(self.tr("only {0:.1%} confident").format(0.599)),
            bold.horizontalAdvance(self.tr("Not a digit?")),
            *(caption.horizontalAdvance(text) for text in short_warnings()),
        )
        self.confidence.setFixedSize(widest, plain.height() + 4)
        line = self.caption.fontMetrics().height() + 4
        for label in (self.caption, self.truth, self.guess):
            label.setFixedSize(widest, line)

    def show_result(self, result: Prediction) -> None:
        if result is not self._truth_for:
            self.set_true_label(None)
        self.show_trust(result.digit, result.confidence, trust(result))

    def show_trust(self, digit: int | None, confidence: float | None, state: Trust) -> None:
        """One consistent answer: the big digit, the caption (a warning in its place when
        there is one), the headline and, for "not a digit", the best guess, smaller."""
        key = (digit, None if confidence is None else round(confidence, 3), state)
        if key == self._shown:
            return
        self._shown = key
        self.state = state.state
        blank = state.state == BLANK
        if state.state == NOT_A_DIGIT:
            digit_text, digit_color = "?", palette.WORSE
            headline = self.tr("Not a digit?")
            guess = self.tr("best guess: {0} · {1:.0%}").format(digit, confidence)
        else:
            digit_text = "?" if blank else str(digit)
            digit_color = palette.WAITING if blank else palette.ACCENT
            guess = ""
            if blank:
                headline = self.tr(PROMPT)
            elif state.state == UNSURE:
                headline = self.tr("only {0:.1%} confident").format(confidence)
            else:
                headline = self.tr("{0:.1%} confident").format(confidence)
        self.digit.setText(digit_text)
        self.confidence.setText(headline)
        self.guess.setText(guess)
        self.guess.setVisible(bool(guess))
        caption = state.warning or (
            self.tr("LeNet is waiting") if blank else self.tr("LeNet reads")
        )
        self.caption.setText(caption)
        self.caption.setToolTip(state.explanation)
        self.confidence.setToolTip(state.explanation)
        self.guess.setToolTip(state.explanation)
        # tinted through the palette and the font, never a style sheet: a style sheet
        # re-polishes the label and posts a layout request for the whole centre, which made
        # every sure/unsure change during a stroke one of its slowest frames (about 20 ms more)
        looks = (digit_color, state.warning is not None, state.state == NOT_A_DIGIT)
        if looks != self._looks:
            self._looks = looks
            tint(self.digit, digit_color)
            tint(
                self.caption,
                palette.WORSE if state.warning else palette.MUTED_TEXT,
                bold=bool(state.warning),
            )
            tint(self.confidence, palette.WORSE if looks[2] else self._plain_color, bold=looks[2])

    def set_true_label(self, label: int | None, result: Prediction | None = None) -> None:
        """Show "true label: d" while `result` is shown (a sample opened from a data set)."""
        self._truth_for = result if label is not None else None
        self.truth.setText("" if label is None else self.tr("true label: {0}").format(label))

    def set_result(self, digit: int | None, confidence: float | None) -> None:
        """A plain reading (no verdict): blank when `digit` is None, else sure."""
        self.show_trust(digit, confidence, Trust(BLANK if digit is None else SURE))
