"""Probabilities that mean what they say: a temperature for the logits, and how to check it.

Label smoothing (which helps accuracy) caps a network's confidence: the shipped recipe never
says more than about 97% even for an unmistakable digit, while a quick retrain says 99.9%, and a
learner reads that as "less sure". Dividing the logits by one fitted temperature T fixes the
scale without changing any prediction; T is fitted on held-out data (never on the writers the
accuracy is reported for), stored in the checkpoint's metadata as "temperature" and applied by
`model.network.inference.Predictor`. The expected calibration error (ECE) measures the result: the
average gap between confidence and accuracy over confidence bins, weighted by their size.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from torch.nn import functional as F

#: ECE bins (equal width over [0, 1])
BINS = 15
#: The temperatures a network may have: fitting searches this interval, and a weights file
#: holding one outside it is refused (5e-324 is finite and > 0, yet every probability is NaN).
TEMPERATURE_RANGE = (0.05, 20.0)


def checkpoint_temperature(metadata: dict[str, Any]) -> float:
    """The checkpoint's temperature, 1.0 when it has none (or none that makes sense)."""
    value = metadata.get("temperature")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        t = float(value)
        if TEMPERATURE_RANGE[0] <= t <= TEMPERATURE_RANGE[1]:
            return t
    return 1.0


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """The T > 0 minimising the negative log-likelihood of softmax(logits / T).

    A fine grid over log T then a local refinement: deterministic and fast (a few thousand
    samples), with no optimiser state to seed.
    """
    logits = logits.double()

    def nll(t: float) -> float:
        return float(F.cross_entropy(logits / t, labels))

    low, high = TEMPERATURE_RANGE
    grid = np.exp(np.linspace(math.log(low), math.log(high), 241))
    best = min(grid, key=nll)
    fine = np.clip(best * np.exp(np.linspace(-0.03, 0.03, 61)), low, high)
    return float(np.clip(round(float(min(fine, key=nll)), 4), low, high))


def expected_calibration_error(
    probabilities: np.ndarray, labels: np.ndarray, bins: int = BINS
) -> float:
    """ECE: sum over confidence bins of |accuracy - mean confidence| x share of samples."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    confidence = probabilities.max(1)
    correct = probabilities.argmax(1) == np.asarray(labels)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return float(ece)


def calibrated_probabilities(logits: torch.Tensor, temperature: float) -> np.ndarray:
    return torch.softmax(logits.double() / temperature, 1).numpy()
