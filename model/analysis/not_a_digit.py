"""Measuring "not a digit": the head's scores, the threshold chosen on validation writers, and
how many digits and non-digits it flags.

The threshold is the smallest score that rejects at most `MAX_REJECTED` (1%) of the real digits
of *each* validation source (UCI and UNIPEN writers never trained on, and held-out MNIST), so no
source pays for another; it is stored in the checkpoint (model/network/verdict.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import torch

from model.config import Normalization
from model.data.pen_sample import PenSample, screen_strokes
from model.drawing.preprocess import PAD, preprocess
from model.drawing.strokes import CANVAS, DEFAULT_PEN_WIDTH, place_randomly, render_strokes

#: At most this share of each validation source's real digits may be called "not a digit".
MAX_REJECTED = 0.01


def render_samples_as_drawn(
    samples: Sequence[PenSample], pen_width: float = DEFAULT_PEN_WIDTH, seed: int = 0
) -> np.ndarray:
    """(N, 28, 28): each sample drawn on the real 280 px canvas at a random height of 40-80%
    and a random place with the given pen, then preprocessed like the app (the evaluation
    rendering of `model.data.pen_digits.render_eval_set`, for samples of any source)."""
    rng = np.random.default_rng(seed)
    images = np.zeros((len(samples), 28, 28), dtype=np.float32)
    for i, sample in enumerate(samples):
        placed = place_randomly(screen_strokes(sample), rng, (0.4, 0.8), max(pen_width, 36.0))
        images[i] = preprocess(render_strokes(placed, CANVAS, pen_width)).image28
    return images


def network_inputs(image28: np.ndarray, norm: Normalization) -> torch.Tensor:
    """(N, 1, 32, 32) normalised, padded like the training images."""
    t = torch.from_numpy(np.ascontiguousarray(image28, dtype=np.float32))
    t = torch.nn.functional.pad(t, (PAD, PAD, PAD, PAD)).unsqueeze(1)
    return (t - norm.mean) / norm.std


@torch.inference_mode()
def outputs(
    model: torch.nn.Module, x: torch.Tensor, batch: int = 2000
) -> tuple[torch.Tensor, np.ndarray | None]:
    """(logits, "not a digit" scores in [0, 1] or None without the head) for normalised x."""
    was_training = model.training
    model.eval()
    logits, scores = [], []
    for i in range(0, len(x), batch):
        out = model(x[i : i + batch])
        logits.append(out.logits)
        reject = getattr(out, "reject", None)
        if reject is not None:
            scores.append(torch.sigmoid(reject.double()))
    model.train(was_training)
    return torch.cat(logits), (torch.cat(scores).numpy() if scores else None)


def choose_threshold(
    digit_scores: Mapping[str, np.ndarray], max_rejected: float = MAX_REJECTED
) -> float:
    """The lowest threshold at which no source has more than `max_rejected` of its digits at or
    above it (a score ≥ threshold is "not a digit")."""
    threshold = 0.0
    for scores in digit_scores.values():
        s = np.sort(np.asarray(scores, dtype=np.float64))[::-1]
        allowed = int(np.floor(max_rejected * len(s)))  # digits that may be rejected
        # just above the (allowed+1)-th highest score: that digit and all below are kept
        bar = float(np.nextafter(s[allowed], 1.0)) if allowed < len(s) else 0.0
        threshold = max(threshold, bar)
    return float(min(max(threshold, 1e-6), 1.0 - 1e-9))


def flagged(scores: np.ndarray | None, threshold: float | None) -> float:
    """Share of samples called "not a digit" (0 without a head or threshold)."""
    if scores is None or threshold is None or not len(scores):
        return 0.0
    return float((np.asarray(scores) >= threshold).mean())
