"""What a reading means for the user: is it a digit at all, and is the network unsure?

The one place these rules live, so that the answer panel, `model.cli.predict`, Insight and the
tests can never disagree about the same input (an image, or a drawing with its strokes):

- **not a digit**: the network's "not a digit" head (model/network/lenet.py) gives a score in
  [0, 1]; at or above the checkpoint's threshold (metadata `"not_a_digit_threshold"`, chosen
  on validation writers so that at most 1% of their real digits are rejected) the drawing is
  not a digit. A checkpoint without the head or without a threshold (every file made before
  they existed, a Retrain without non-digits) never says "not a digit": a max-softmax rule was
  measured to flag only a third of scribbles while rejecting 1% of digits, too weak to show
  as a verdict.
- **not a digit, by its strokes**: a drawing made on the canvas also has strokes, which show
  what the raster hides (model/drawing/stroke_shape.py): a scribble's pen path is far longer
  than any digit's or turns sharply more often than any digit does, and a straight stroke
  flatter than real writers' 1s is a line. For a network with the head, `stroke_reason` adds
  these two reasons; an image has no strokes and is judged by the head alone. The thresholds
  were chosen on the validation writers' digits (README "Not a digit"): their longest path is
  3.2 times the drawing's diagonal, none turns sharply more than 5 times, and their 1s drawn
  as one straight stroke are at least 64° from horizontal.
- **unsure**: not a digit, or a calibrated confidence below `UNSURE_BELOW`. Both come from
  the same calibrated probabilities the bars show, so "unsure" never stands beside a high
  confidence. Faint ink or grainy paper (`Preprocessed.doubts`) is a note about the picture,
  not a second definition of "unsure".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from model.drawing.stroke_shape import StrokeShape, stroke_shape

#: Metadata key of the "not a digit" threshold on the head's score (a number in (0, 1)).
THRESHOLD_KEY = "not_a_digit_threshold"
#: A calibrated top probability below this reads as "unsure".
UNSURE_BELOW = 0.6
#: Why a reading is "not a digit": the network's head, or the strokes (`stroke_reason`).
NETWORK, SCRIBBLE, LINE = "network", "scribble", "line"
#: A pen path this many times the drawing's diagonal is a scribble (validation writers'
#: digits: at most 3.2; the generated scribbles: at least 4.5).
SCRIBBLE_PATH_RATIO = 4.0
#: A drawing with this many sharp turns is a scribble (validation and test writers' digits: at
#: most 5 among 5,009; a pen jerked about at random: one at almost every step).
SCRIBBLE_SHARP_TURNS = 6
#: One stroke whose path is at most this much longer than the line between its ends is
#: straight; flatter than `LINE_STEEPEST` degrees it is a line, not a 1 (validation writers'
#: straight 1s: 64° and steeper; the generated lines: up to 50°).
STRAIGHT_WITHIN = 1.1
LINE_STEEPEST = 55.0


def not_a_digit_threshold(metadata: dict[str, Any]) -> float | None:
    """The checkpoint's threshold, or None when it has none that makes sense."""
    value = metadata.get(THRESHOLD_KEY)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        t = float(value)
        if math.isfinite(t) and 0.0 < t < 1.0:
            return t
    return None


def is_not_a_digit(score: float | None, threshold: float | None) -> bool:
    """The head's score at or above the threshold (never without either)."""
    return score is not None and threshold is not None and score >= threshold


def is_unsure(confidence: float | None, not_a_digit: bool) -> bool:
    """Unsure: not a digit, or the calibrated top probability below `UNSURE_BELOW`. A blank
    canvas (confidence None) is not a reading, so it is not unsure."""
    if confidence is None:
        return False
    return not_a_digit or confidence < UNSURE_BELOW


def stroke_reason(shape: StrokeShape | None) -> str | None:
    """`SCRIBBLE` or `LINE` when the strokes alone show the drawing is not a digit, else None
    (no strokes, a dot, or strokes a digit could have)."""
    if shape is None:
        return None
    if shape.path_ratio >= SCRIBBLE_PATH_RATIO or shape.sharp_turns >= SCRIBBLE_SHARP_TURNS:
        return SCRIBBLE
    straight = shape.straightness is not None and shape.straightness <= STRAIGHT_WITHIN
    if straight and shape.slope is not None and shape.slope < LINE_STEEPEST:
        return LINE
    return None


def flagged_by_strokes(drawings: Iterable[Sequence[np.ndarray]]) -> np.ndarray:
    """(N,) bool: which drawings (each its strokes) the stroke check calls not a digit."""
    return np.array([stroke_reason(stroke_shape(s)) is not None for s in drawings], dtype=bool)
