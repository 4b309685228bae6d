"""Calibrated probabilities: the temperature is fitted, stored, and applied by the Predictor."""

from __future__ import annotations

import numpy as np
import torch

from model.config import Normalization
from model.files.checkpoint import Checkpoint
from model.network.calibration import (
    checkpoint_temperature,
    expected_calibration_error,
    fit_temperature,
)
from model.network.inference import Predictor
from model.network.lenet import LeNet5


def test_fit_recovers_the_temperature_that_made_the_labels():
    gen = torch.Generator().manual_seed(0)
    logits = torch.randn(4000, 10, generator=gen) * 4
    labels = torch.multinomial(torch.softmax(logits / 2.0, 1), 1, generator=gen)[:, 0]
    assert abs(fit_temperature(logits, labels) - 2.0) < 0.15


def test_ece_is_zero_when_confidence_equals_accuracy_and_large_when_overconfident():
    probs = np.full((100, 10), 0.1 / 9)
    probs[:, 0] = 0.9
    labels = np.array([0] * 90 + [1] * 10)
    assert expected_calibration_error(probs, labels) < 1e-9
    sure = np.eye(10)[np.zeros(100, dtype=int)]
    assert abs(expected_calibration_error(sure, labels) - 0.1) < 1e-9


def test_missing_or_nonsense_temperature_means_none():
    assert checkpoint_temperature({}) == 1.0
    assert checkpoint_temperature({"temperature": 0.7}) == 0.7
    for bad in (0, -1.0, float("nan"), "2", True):
        assert checkpoint_temperature({"temperature": bad}) == 1.0


def test_predictor_shows_calibrated_probabilities():
    torch.manual_seed(0)
    model = LeNet5()
    x = np.random.default_rng(0).normal(size=(32, 32)).astype(np.float32)
    plain = Predictor(Checkpoint(model, Normalization(), {}))
    sharp = Predictor(Checkpoint(model, Normalization(), {"temperature": 0.5}))
    p, _ = plain.forward(x)
    q, _ = sharp.forward(x)
    assert p.argmax() == q.argmax() and q.max() > p.max()
    with torch.no_grad():
        logits = model(torch.from_numpy(x)[None, None]).logits[0].double()
    expected = torch.softmax(logits / 0.5, 0).float().numpy()
    np.testing.assert_allclose(q, expected, rtol=1e-5, atol=1e-7)
