"""What the window currently shows: a prediction, or the blank state that asks for a drawing.

`LiveResult` is the automation surface's `window.current_result`. A blank canvas is not a
guess: `digit` is None, the probabilities are uniform and the activations are zero, so every
panel can render the same arrays without special cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.config import Normalization
from model.inference import Prediction
from model.network import ACTIVATION_SHAPES


@dataclass(frozen=True)
class LiveResult:
    digit: int | None
    probabilities: np.ndarray  # (10,) sums to 1
    network_input: np.ndarray  # (32, 32) what the network received (normalised)
    activations: dict[str, np.ndarray]
    prediction: Prediction | None = None  # None when blank

    @property
    def confidence(self) -> float | None:
        return None if self.digit is None else float(self.probabilities[self.digit])

    @property
    def is_blank(self) -> bool:
        return self.digit is None

    @classmethod
    def from_prediction(cls, prediction: Prediction) -> LiveResult:
        return cls(
            digit=prediction.digit,
            probabilities=prediction.probabilities,
            network_input=prediction.network_input,
            activations=prediction.activations,
            prediction=prediction,
        )

    @classmethod
    def blank(cls, normalization: Normalization | None = None) -> LiveResult:
        """Nothing drawn: an empty input (ink 0, normalised as the network would see it)."""
        norm = normalization or Normalization()
        background = (0.0 - norm.mean) / norm.std
        return cls(
            digit=None,
            probabilities=np.full(10, 0.1, dtype=np.float32),
            network_input=np.full((32, 32), background, dtype=np.float32),
            activations={k: np.zeros(s, dtype=np.float32) for k, s in ACTIVATION_SHAPES.items()},
        )
