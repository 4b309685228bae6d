"""Watching a retrain: while a preview network reads the drawing, the Kernels panel shows that
network's kernels, and the active model's come back when the preview ends."""

from __future__ import annotations

import numpy as np
import torch

from model.network.inference import Predictor


def test_kernels_follow_the_preview_network(window, weights_path) -> None:
    active = window.predictor.kernels()["C1"]
    in_training = Predictor.load(weights_path)
    with torch.no_grad():
        for p in in_training.checkpoint.model.parameters():
            p.mul_(-1.0)  # a visibly different network
    window.session.preview(in_training, "Preview")
    shown = window.panels["kernels"].kernels["C1"]
    np.testing.assert_allclose(shown, in_training.kernels()["C1"])
    assert not np.allclose(shown, active)
    assert window.predictor is not in_training  # the active model is unchanged

    window.session.end_preview()
    np.testing.assert_allclose(window.panels["kernels"].kernels["C1"], active)
