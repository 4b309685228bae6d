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


CORNERS = np.zeros((32, 32), bool)  # the 6x6 corners: empty in every MNIST digit's input
for rows in (slice(0, 6), slice(26, 32)):
    for cols in (slice(0, 6), slice(26, 32)):
        CORNERS[rows, cols] = True


@pytest.mark.parametrize("method", attribution.METHODS)
def test_every_method_gives_a_finite_map_of_the_input_shape(predictor, digits, method):
    result = attribution.attribute(method, predictor, digits[0][0])
    for values in (result.values, result.raw, result.shown()):
        assert values.shape == (32, 32)
        assert values.dtype == np.float32
        assert np.isfinite(values).all()
    assert np.abs(result.values).max() > 0


@pytest.mark.parametrize("method", attribution.METHODS)
def test_a_blank_input_says_nothing_stands_out(predictor, method):
    blank = np.full((32, 32), attribution.blank_value(predictor), dtype=np.float32)
    result = attribution.attribute(method, predictor, blank)
    assert result.nothing_stands_out
    assert result.reason == attribution.NO_INK
    assert not result.shown().any()


@pytest.mark.parametrize("method", attribution.METHODS)
def test_a_clear_digit_gets_a_map_on_its_ink_not_in_the_empty_corners(predictor, digits, method):
    """The first 8 MNIST test digits, each read confidently: something stands out, and what is
    coloured lies on the ink: its mean size there is several times that in the empty corners
    (in fact 0 there for saliency, integrated gradients and occlusion; Grad-CAM is coarser,
    each C2 unit sees 14x14 pixels and the corner units see the ends of strokes, so twice) and
    above that of the whole background, which saliency and Grad-CAM also reach."""
    corner_ratio = 2 if method == "grad_cam" else 3
    for image, label in zip(*digits):
        result = attribution.attribute(method, predictor, image)
        assert result.target == label
        assert not result.nothing_stands_out
        assert result.score_change > 1.0  # the drawing adds to its class's score
        ink = image > attribution.blank_value(predictor) + 0.5 * attribution.ink_span(predictor)
        shown = np.abs(result.shown())
        assert shown[ink].mean() >= corner_ratio * shown[CORNERS].mean()
        values = np.abs(result.values)
        assert values[ink].mean() >= 1.2 * values[~ink].mean()


def test_the_map_is_measured_against_the_score_the_drawing_adds(predictor, digits):
    """Integrated gradients' scaled map sums to about 1: the whole score change, in units of
    itself (completeness); the other maps are the raw ones over the same reference."""
    image, label = digits[0][0], int(digits[1][0])
    blank = np.full((32, 32), attribution.blank_value(predictor), dtype=np.float32)
    change = logit(predictor, image, label) - logit(predictor, blank, label)
    ig = attribution.attribute("integrated_gradients", predictor, image)
    assert ig.score_change == pytest.approx(change, rel=1e-4)
    assert ig.reference == pytest.approx(abs(change), rel=1e-4)
    assert float(ig.values.sum()) == pytest.approx(1.0, abs=0.25)
    sal = attribution.attribute("saliency", predictor, image)
    span = attribution.ink_span(predictor)
    np.testing.assert_allclose(sal.values, sal.raw * span / sal.reference, rtol=1e-5)


def test_a_class_the_drawing_hardly_moves_is_measured_against_one_logit(predictor, digits):
    image = digits[0][0]
    blank = np.full((32, 32), attribution.blank_value(predictor), dtype=np.float32)
    changes = [logit(predictor, image, c) - logit(predictor, blank, c) for c in range(10)]
    quiet = int(np.argmin(np.abs(changes)))
    result = attribution.attribute("occlusion", predictor, image, quiet)
    assert result.reference == max(abs(changes[quiet]), attribution.MIN_REFERENCE)


def test_values_below_the_floor_are_not_coloured(predictor, digits):
    result = attribution.attribute("saliency", predictor, digits[0][0])
    shown = result.shown()
    small = np.abs(result.values) < result.floor
    assert small.any() and not shown[small].any()
    np.testing.assert_array_equal(shown[~small], result.values[~small])
    # classic Grad-CAM (channel-averaged gradients) on C2, the map that coloured the corners:
    # a fraction of a percent of the score, which the floor would not colour
    net = predictor.model
    x = torch.from_numpy(digits[0][0])[None, None]
    out = net(x)
    c2 = out.activations["C2"]
    (grad,) = torch.autograd.grad(out.logits[0, int(digits[1][0])], c2)
    classic = (grad[0].mean(dim=(1, 2))[:, None, None] * c2[0]).sum(0).clamp_min(0)
    fraction = float(classic.detach().max()) / result.reference
    assert fraction < attribution.FULL_SCALE["grad_cam"] * attribution.FLOOR_FRACTION


def test_a_bare_network_works_like_the_predictor(predictor, digits):
    image = digits[0][0]
    np.testing.assert_allclose(
        attribution.saliency(predictor.model, image), attribution.saliency(predictor, image)
    )
    np.testing.assert_allclose(
        attribution.attribute("grad_cam", predictor.model, image).values,
        attribution.attribute("grad_cam", predictor, image).values,
    )


def test_integrated_gradients_are_complete(predictor, digits):
    """sum(map) = logit(x) - logit(blank) up to the quadrature error: at most 25% (+0.05) of
    the difference with 32 steps (measured worst 15% on 30 test digits with the shipped
    weights), and 5% with 256 (measured worst 2%)."""
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
    default = attribution.attribute(method, predictor, image).values
    own = attribution.attribute(method, predictor, image, label).values
    other = attribution.attribute(method, predictor, image, (label + 1) % 10).values
    np.testing.assert_array_equal(default, own)  # default target = the predicted class
    assert not np.allclose(own, other)


def test_grad_cam_is_the_c2_map_projected_by_receptive_field_centres(predictor, digits):
    image = digits[0][0]
    cam10 = attribution.grad_cam_c2(predictor, image)
    assert cam10.shape == (10, 10) and (cam10 < 0).any() and (cam10 > 0).any()  # signed
    assert (attribution.grad_cam_c2(predictor, image, relu=True) >= 0).all()
    # element-wise and relative to a blank canvas: a blank input explains nothing
    blank = np.full((32, 32), attribution.blank_value(predictor), dtype=np.float32)
    assert not attribution.grad_cam_c2(predictor, blank).any()
    # C2 unit i is centred on input pixel 2i + 6.5; between centres the map is linear, beyond
    # the first and last it fades to the border: a ramp over C2 units lands at those positions
    ramp = np.arange(10, dtype=np.float32)
    projected = attribution._c2_to_input() @ ramp
    pixels = np.arange(32)
    fade = np.clip(np.minimum(pixels + 0.5, 31.5 - pixels) / 7, 0, 1)
    np.testing.assert_allclose(projected, np.clip((pixels - 6.5) / 2, 0, 9) * fade, atol=1e-6)
    assert projected[7:25].min() > 0 and fade[0] == pytest.approx(1 / 14)


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
        assert not attribution.attribute(method, flat, digits[0][0]).nothing_stands_out
    with pytest.raises(ValueError, match="no convolution"):
        attribution.grad_cam(flat, digits[0][0])
    blank = np.full((32, 32), attribution.blank_value(flat), dtype=np.float32)
    with pytest.raises(ValueError, match="no convolution"):  # not "nothing stands out"
        attribution.attribute("grad_cam", flat, blank)
