"""When a reading should not be presented as a confident answer, and what to say instead.

A photo with ink that barely stands out from its paper, or any reading whose top class has
little probability, gets a short warning beside the answer (and a longer one as its tooltip),
so a photo read badly is not shown as if it were certain.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.drawing.preprocess import FAINT, NOISY
from model.network.inference import Prediction

LOW_CONFIDENCE = 0.6


def doubt(result: Prediction) -> tuple[str, str] | None:
    """(short warning, longer explanation) when the reading is doubtful, else None."""
    if result.digit is None:
        return None
    doubts = result.preprocessed.doubts if result.preprocessed is not None else ()
    if FAINT in doubts:
        return (
            QCoreApplication.translate("doubt", "⚠ Unsure: faint ink"),
            QCoreApplication.translate(
                "doubt",
                "The ink barely stands out from the paper: this reading may be wrong. "
                "A photo with darker ink, even light and a plain background reads better.",
            ),
        )
    if NOISY in doubts:
        return (
            QCoreApplication.translate("doubt", "⚠ Unsure: grainy paper"),
            QCoreApplication.translate(
                "doubt", "The paper's grain is strong next to the ink: this reading may be wrong."
            ),
        )
    if result.confidence is not None and result.confidence < LOW_CONFIDENCE:
        return (
            QCoreApplication.translate("doubt", "⚠ Unsure: low confidence"),
            QCoreApplication.translate(
                "doubt", "No digit gets a clear majority: the network is guessing between several."
            ),
        )
    return None
