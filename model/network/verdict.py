"""What a reading means for the user: is it a digit at all, and is the network unsure?

The one place these rules live, so that the answer panel, `model.cli.predict`, Insight and the
tests can never disagree:

- **not a digit**: the network's "not a digit" head (model/network/lenet.py) gives a score in
  [0, 1]; at or above the checkpoint's threshold (metadata `"not_a_digit_threshold"`, chosen
  on validation writers so that at most 1% of their real digits are rejected) the drawing is
  not a digit. A checkpoint without the head or without a threshold (every file made before
  they existed, a Retrain without non-digits) never says "not a digit": a max-softmax rule was
  measured to flag only a third of scribbles while rejecting 1% of digits, too weak to show
  as a verdict.
- **unsure**: not a digit, or a calibrated confidence below `UNSURE_BELOW`. Both come from
  the same calibrated probabilities the bars show, so "unsure" never stands beside a high
  confidence. Faint ink or grainy paper (`Preprocessed.doubts`) is a note about the picture,
  not a second definition of "unsure".
"""

from __future__ import annotations

import math
from typing import Any

#: Metadata key of the "not a digit" threshold on the head's score (a number in (0, 1)).
THRESHOLD_KEY = "not_a_digit_threshold"
#: A calibrated top probability below this reads as "unsure".
UNSURE_BELOW = 0.6


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
