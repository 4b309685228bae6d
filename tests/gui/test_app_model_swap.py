"""Swapping the active model (the retrain feature's hooks) and the default weights."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from app.shell.start import open_window
from model.config import Normalization
from model.files.checkpoint import Checkpoint
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor
from model.network.lenet import LeNet5
from tests.gui.mouse import draw_stroke

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def untrained_predictor(seed: int = 1) -> Predictor:
    torch.manual_seed(seed)
    return Predictor(Checkpoint(LeNet5().eval(), Normalization(), {"test_accuracy": 0.1}))


def test_no_argument_means_the_shipped_weights(qtbot, settings) -> None:
    if not shipped_weights_path().is_file():
        pytest.skip("shipped weights not built yet")
    window = open_window(settings=settings)
    qtbot.addWidget(window)
    assert window.predictor.source.resolve() == shipped_weights_path().resolve()
    assert "(shipped)" in window.model_label.text()


def test_set_predictor_repredicts_and_refreshes_every_panel(window) -> None:
    draw_stroke(window.canvas, BAR)
    before = window.current_result
    old_c2 = window.panels["kernels"].c2.data.copy()
    other = untrained_predictor()

    window.set_predictor(other, "untrained (test)")

    assert window.predictor is other
    after = window.current_result  # already up to date: re-predicted at once
    expected = other.predict(window.current_raster())
    np.testing.assert_allclose(after.probabilities, expected.probabilities, rtol=1e-5)
    assert not np.allclose(after.activations["C1"], before.activations["C1"])
    assert not np.allclose(window.panels["kernels"].c2.data, old_c2)
    np.testing.assert_allclose(window.panels["probabilities"].probabilities, after.probabilities)
    assert window.model_label.text() == "Weights: untrained (test) · test accuracy 10.00%"


def test_show_prediction_previews_without_changing_the_model(window) -> None:
    draw_stroke(window.canvas, BAR)
    active = window.predictor
    preview = untrained_predictor(2).predict(window.current_raster())

    window.show_prediction(preview)

    assert window.predictor is active
    assert window.digit_panel.digit.text() == str(preview.digit)
    np.testing.assert_array_equal(window.panels["C2"].mosaic.data, preview.activations["C2"])
    window.show_prediction(None)
    assert window.digit_panel.confidence.text() == "Draw a digit"
