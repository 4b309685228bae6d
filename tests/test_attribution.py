"""Attribution maps: shape, completeness, class dependence, and no Qt side effects."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

from model.analysis import attribution
from model.data.mnist import load_split
from model.drawing.preprocess import mnist_to_network_input
from model.network.inference import Predictor

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def predictor() -> Predictor:
    return Predictor.load()


@pytest.fixture(scope="module")
def digits(predictor, mnist_dir) -> tuple[np.ndarray, np.ndarray]:
    test = load_split("test", mnist_dir)
    x = mnist_to_network_input(test.images[:8], predictor.normalization)[:, 0].numpy()
    return x, test.labels[:8]


def logit(predictor: Predictor, image: np.ndarray, target: int) -> float:
    with torch.no_grad():
        return float(predictor.model(torch.from_numpy(image)[None, None]).logits[0, target])


@pytest.mark.parametrize("method", attribution.METHODS)
def test_every_method_gives_a_finite_map_of_the_input_shape(predictor, digits, method):
    result = attribution.attribute(method, predictor, digits[0][0])
    assert result.shape == (32, 32)
    assert result.dtype == np.float32
    assert np.isfinite(result).all()
    assert np.abs(result).max() > 0


def test_a_bare_network_works_like_the_predictor(predictor, digits):
    image = digits[0][0]
    np.testing.assert_allclose(
        attribution.saliency(predictor.model, image), attribution.saliency(predictor, image)
    )


def test_integrated_gradients_are_complete(predictor, digits):
    """sum(map) = logit(x) - logit(blank) up to the quadrature error: at most 25% (+0.05) of
    the difference with 32 steps (measured worst 19% on 30 test digits), and 5% with 256."""
    blank = np.full((32, 32), attribution.blank_value(predictor), dtype=np.float32)
    for image, label in zip(*digits):
        expected = logit(predictor, image, label) - logit(predictor, blank, label)
        coarse, delta = attribution.integrated_gradients(
            predictor, image, int(label), return_delta=True
        )
        assert abs(float(coarse.sum()) - expected) <= 0.25 * abs(expected) + 0.05
        assert abs(float(coarse.sum()) - expected - delta) < 1e-3  # Captum's delta is that error
        fine = attribution.integrated_gradients(predictor, image, int(label), steps=256)
        assert abs(float(fine.sum()) - expected) <= 0.05 * abs(expected) + 0.05


@pytest.mark.parametrize(("window", "stride", "target"), [(4, 2, None), (4, 2, 3), (5, 3, 8)])
def test_occlusion_equals_captums(predictor, digits, window, stride, target):
    image = digits[0][1]
    expected = (
        attribution.captum_attr()
        .Occlusion(lambda x: predictor.model(x).logits)
        .attribute(
            torch.from_numpy(image)[None, None],
            sliding_window_shapes=(1, window, window),
            strides=(1, stride, stride),
            baselines=attribution.blank_value(predictor),
            target=target if target is not None else int(digits[1][1]),
        )[0, 0]
        .numpy()
    )
    result = attribution.occlusion(predictor, image, target, window, stride)
    np.testing.assert_allclose(result, expected, atol=1e-5)


def test_occlusion_of_a_blank_region_is_zero_and_of_the_digit_is_not(predictor, digits):
    image, label = digits[0][0], int(digits[1][0])
    result = attribution.occlusion(predictor, image, label)
    assert np.allclose(result[:2, :], 0.0, atol=1e-5)  # the padding rows are blank already
    assert result.max() > 0.5  # blanking part of the digit lowers its logit


@pytest.mark.parametrize("method", ["saliency", "grad_cam"])
def test_the_map_changes_with_the_target_class(predictor, digits, method):
    image, label = digits[0][0], int(digits[1][0])
    default = attribution.attribute(method, predictor, image)
    own = attribution.attribute(method, predictor, image, label)
    other = attribution.attribute(method, predictor, image, (label + 1) % 10)
    np.testing.assert_array_equal(default, own)  # default target = the predicted class
    assert not np.allclose(own, other)


def test_grad_cam_is_the_c2_map_projected_by_receptive_field_centres(predictor, digits):
    image = digits[0][0]
    cam10 = attribution.grad_cam_c2(predictor, image)
    assert cam10.shape == (10, 10) and (cam10 >= 0).all()
    # C2 unit i is centred on input pixel 2i + 6.5; between centres the map is linear, beyond
    # the first and last it holds: a ramp over C2 units lands at those positions
    ramp = np.arange(10, dtype=np.float32)
    projected = attribution._c2_to_input() @ ramp
    np.testing.assert_allclose(projected, np.clip((np.arange(32) - 6.5) / 2, 0, 9), atol=1e-6)


def test_bad_inputs_are_refused(predictor):
    with pytest.raises(ValueError, match="32, 32"):
        attribution.saliency(predictor, np.zeros((28, 28)))
    with pytest.raises(ValueError, match="0..9"):
        attribution.saliency(predictor, np.zeros((32, 32)), target=10)
    with pytest.raises(ValueError, match="unknown attribution method"):
        attribution.attribute("lime", predictor, np.zeros((32, 32)))


def test_captum_brings_no_qt_backend_into_the_app():
    """Importing the module loads neither Captum nor matplotlib; first use loads Captum with
    matplotlib pinned to Agg, even with PySide6 and a QApplication already there."""
    script = textwrap.dedent(
        """
        import os, sys
        os.environ.pop("MPLBACKEND", None)
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import numpy as np
        from model.analysis import attribution
        assert "captum" not in sys.modules and "matplotlib" not in sys.modules
        from model.network.lenet import LeNet5
        attribution.saliency(LeNet5().eval(), np.zeros((32, 32), np.float32), 3)
        import matplotlib
        assert "captum" in sys.modules
        assert matplotlib.get_backend().lower() == "agg", matplotlib.get_backend()
        qt = [m for m in sys.modules if m.startswith("matplotlib.backends.backend_qt")]
        assert not qt, qt
        print("ok")
        """
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")


def test_the_fully_connected_network_gets_every_map_but_grad_cam(digits):
    from model.files.weights import FLAT_NAME, shipped_weights_path
    from model.network.flat import load_flat_checkpoint

    flat = Predictor(load_flat_checkpoint(shipped_weights_path(FLAT_NAME)))
    for method in ("saliency", "integrated_gradients", "occlusion"):
        assert attribution.attribute(method, flat, digits[0][0]).shape == (32, 32)
    with pytest.raises(ValueError, match="no C2 layer"):
        attribution.grad_cam(flat, digits[0][0])
