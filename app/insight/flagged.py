"""What Insight says about "not a digit": the share an evaluation flags, and, for a data set
without digit labels (letters, symbols, generated marks), a summary in place of a confusion
matrix that would have no rows to fill.

The flags come from the model (`Evaluation.not_a_digit`, the rule of
model/network/verdict.py); this module only words them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from model.analysis.predictions import Evaluation


def status_text(evaluation: Evaluation) -> str:
    """ ", 37 flagged “not a digit” (0.4%)" for the status line; "" when the network has no
    "not a digit" output."""
    count = evaluation.not_a_digit_count
    if count is None or not len(evaluation):
        return ""
    return QCoreApplication.translate("insight", ", {0:,} flagged “not a digit” ({1:.1%})").format(
        count, count / len(evaluation)
    )


def best_guesses(evaluation: Evaluation) -> np.ndarray:
    """(10,) how many samples each digit is the best guess for."""
    return np.bincount(evaluation.predictions, minlength=10)[:10]


def unlabelled_summary(evaluation: Evaluation, stroke_flags: np.ndarray | None = None) -> str:
    """Rich text for a data set with no digit labels: the flagged share (the figure that
    matters for non-digits) and how the best guesses spread over the ten digits. For a set
    drawn from strokes (`stroke_flags`), also the share flagged when the canvas's stroke check
    joins the network, as it does when such a mark is drawn in Draw."""
    n = len(evaluation)
    count = evaluation.not_a_digit_count
    strokes = ""
    if count is None:
        head = QCoreApplication.translate(
            "insight",
            "These samples have no digit label, and this network has no “not a digit” output: "
            "it can only guess a digit for each.",
        )
    else:
        head = QCoreApplication.translate(
            "insight",
            "These samples have no digit label. The network flags <b>{0:.1%}</b> of them "
            "“not a digit” ({1:,} of {2:,}); for a set of letters, symbols or marks, higher is "
            "better.",
        ).format(count / max(n, 1), count, n)
        if stroke_flags is not None and len(stroke_flags) == n:
            either = int((np.asarray(evaluation.not_a_digit) | stroke_flags).sum())
            strokes = QCoreApplication.translate(
                "insight",
                "Drawn on the canvas, where the app also checks the strokes (a scribble, a flat "
                "line), <b>{0:.1%}</b> would be ({1:,}).",
            ).format(either / max(n, 1), either)
    guesses = best_guesses(evaluation)
    rows = "".join(
        f"<tr><td align='right'>{d}</td><td align='right'>&nbsp;{int(c):,}</td>"
        f"<td align='right'>&nbsp;{c / max(n, 1):.1%}</td></tr>"
        for d, c in enumerate(guesses)
    )
    title = QCoreApplication.translate(
        "insight", "Best guesses (the digit each sample would be read as):"
    )
    strokes = f"<p>{strokes}</p>" if strokes else ""
    return f"<p>{head}</p>{strokes}<p>{title}</p><table>{rows}</table>"
