"""How far to trust a reading, as the answer panel says it: one state, never two that disagree.

The model decides (model/network/verdict.py, through `Prediction.not_a_digit` and
`Prediction.unsure`); this only turns its verdict into words. A photo's faint ink or grainy
paper (`Preprocessed.doubts`) is a note about the picture: it names *why* an unsure reading is
unsure, and on a reading the network is sure of it is a caution ("⚠ Faint ink"), never an
"Unsure" above a high confidence. Before, a faint photo showed "⚠ Unsure: faint ink" directly
above "100.0% confident".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from model.drawing.preprocess import FAINT, NOISY
from model.network.inference import Prediction
from model.network.verdict import LINE, SCRIBBLE

# The states of the answer, from the model's verdict.
BLANK, SURE, UNSURE, NOT_A_DIGIT = "blank", "sure", "unsure", "not_a_digit"


@dataclass(frozen=True)
class Trust:
    """What the answer panel shows about a reading: its state and, when there is something to
    say, a short warning (shown in place of "LeNet reads") with a longer explanation."""

    state: str  # BLANK, SURE, UNSURE or NOT_A_DIGIT
    warning: str | None = None  # short, in place of "LeNet reads"; None: nothing to add
    explanation: str = ""  # the tooltip: why

    @property
    def doubtful(self) -> bool:
        return self.state in (UNSURE, NOT_A_DIGIT)


def _photo_reason(result: Prediction) -> str | None:
    doubts = result.preprocessed.doubts if result.preprocessed is not None else ()
    return FAINT if FAINT in doubts else NOISY if NOISY in doubts else None


def trust(result: Prediction) -> Trust:
    """The one state of `result` and what to say about it (see the module docstring)."""
    if result.digit is None:
        return Trust(BLANK)
    photo = _photo_reason(result)
    if result.not_a_digit_reason in (SCRIBBLE, LINE):
        return _by_strokes(result)
    if result.not_a_digit:
        short = (
            QCoreApplication.translate("doubt", "⚠ Unsure: faint ink")
            if photo == FAINT
            else QCoreApplication.translate("doubt", "⚠ Unsure: grainy paper")
            if photo == NOISY
            else None
        )
        why = QCoreApplication.translate(
            "doubt",
            "The network's “not a digit” output is above its threshold: this looks more like a "
            "mark, a letter or a symbol than a digit. Its best guess among the digits is shown "
            "smaller, for what it is worth.",
        )
        return Trust(NOT_A_DIGIT, short, why)
    if result.unsure:
        if photo == FAINT:
            short = QCoreApplication.translate("doubt", "⚠ Unsure: faint ink")
            why = QCoreApplication.translate(
                "doubt",
                "The ink barely stands out from the paper and no digit gets a clear majority: "
                "this reading may be wrong. A photo with darker ink, even light and a plain "
                "background reads better.",
            )
        elif photo == NOISY:
            short = QCoreApplication.translate("doubt", "⚠ Unsure: grainy paper")
            why = QCoreApplication.translate(
                "doubt",
                "The paper's grain is strong next to the ink and no digit gets a clear "
                "majority: this reading may be wrong.",
            )
        else:
            short = QCoreApplication.translate("doubt", "⚠ Unsure: low confidence")
            why = QCoreApplication.translate(
                "doubt", "No digit gets a clear majority: the network is guessing between several."
            )
        return Trust(UNSURE, short, why)
    if photo == FAINT:
        return Trust(
            SURE,
            QCoreApplication.translate("doubt", "⚠ Faint ink"),
            QCoreApplication.translate(
                "doubt",
                "The ink barely stands out from the paper. The network is sure of this reading, "
                "but a faint photo can fool it: check that the digit is the one you meant. "
                "Darker ink, even light and a plain background read better.",
            ),
        )
    if photo == NOISY:
        return Trust(
            SURE,
            QCoreApplication.translate("doubt", "⚠ Grainy paper"),
            QCoreApplication.translate(
                "doubt",
                "The paper's grain is strong next to the ink. The network is sure of this "
                "reading, but check that the digit is the one you meant.",
            ),
        )
    return Trust(SURE)


def _by_strokes(result: Prediction) -> Trust:
    """Not a digit by the drawing's strokes, the network's head not agreeing: said as the
    strokes' finding, never as the network's."""
    shape = result.stroke_shape
    if result.not_a_digit_reason == SCRIBBLE:
        short = QCoreApplication.translate("doubt", "⚠ Strokes: a scribble")
        why = QCoreApplication.translate(
            "doubt",
            "The pen travelled {0:.1f} times the drawing's size and turned sharply {1} times; "
            "real digits stay under about 3 times and turn sharply at most 5 times: this is a "
            "scribble, not a digit. The network reads only the pixels, where it can pass for a "
            "digit, so its best guess is shown smaller.",
        ).format(shape.path_ratio if shape else 0.0, shape.sharp_turns if shape else 0)
    else:
        short = QCoreApplication.translate("doubt", "⚠ Strokes: a line")
        why = QCoreApplication.translate(
            "doubt",
            "One straight stroke at {0:.0f}° from horizontal; real writers' 1s are steeper: "
            "this is a line, not a digit. The network reads only the pixels, where it can pass "
            "for a 1, so its best guess is shown smaller.",
        ).format(shape.slope if shape and shape.slope is not None else 0.0)
    return Trust(NOT_A_DIGIT, short, why)


def short_warnings() -> list[str]:
    """Every short warning `trust` may give, translated: the answer panel is sized for the
    longest, so no warning is ever cut."""
    return [
        QCoreApplication.translate("doubt", "⚠ Unsure: faint ink"),
        QCoreApplication.translate("doubt", "⚠ Unsure: grainy paper"),
        QCoreApplication.translate("doubt", "⚠ Unsure: low confidence"),
        QCoreApplication.translate("doubt", "⚠ Faint ink"),
        QCoreApplication.translate("doubt", "⚠ Grainy paper"),
        QCoreApplication.translate("doubt", "⚠ Strokes: a scribble"),
        QCoreApplication.translate("doubt", "⚠ Strokes: a line"),
    ]


def doubt(result: Prediction) -> tuple[str, str] | None:
    """(short warning, longer explanation) when the reading deserves one, else None."""
    t = trust(result)
    return None if t.warning is None else (t.warning, t.explanation)
