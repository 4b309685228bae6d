"""The convolution playground equals conv2d, and refuses what cannot work with a reason."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from model.analysis.conv_playground import (
    PRESETS,
    ConvSettingsError,
    convolve,
    output_size_formula,
    preset,
    resolve_padding,
)

CASES = [  # (input size, kernel size, padding, stride)
    (32, 5, "valid", 1),
    (32, 5, "same", 1),
    (32, 5, "same", 2),
    (32, 3, "valid", 3),
    (28, 5, 2, 1),
    (28, 3, 1, 2),
    (14, 5, 0, 3),
    (14, 3, "same", 3),
    (10, 5, 4, 2),
    (5, 5, "valid", 1),
    (3, 5, 1, 1),
    (7, 1, 0, 2),
]


@pytest.mark.parametrize(("n", "k", "padding", "stride"), CASES)
def test_equals_torch_conv2d(n, k, padding, stride):
    rng = np.random.default_rng(n * 100 + k)
    image = rng.normal(size=(n, n)).astype(np.float32)
    kernel = rng.normal(size=(k, k)).astype(np.float32)
    result = convolve(image, kernel, padding, stride)
    p = resolve_padding(padding, k)
    expected = F.conv2d(
        torch.from_numpy(image)[None, None], torch.from_numpy(kernel)[None, None], None, stride, p
    )[0, 0].numpy()
    assert result.output.shape == expected.shape
    np.testing.assert_allclose(result.output, expected, atol=1e-5)
    out = (n + 2 * p - k) // stride + 1
    assert result.formula == f"floor(({n} + 2×{p} − {k}) / {stride}) + 1 = {out}"
    assert result.uncovered == (n + 2 * p - k) % stride


def test_same_keeps_the_size_at_stride_one_and_divides_it_otherwise():
    image = np.ones((32, 32), np.float32)
    assert convolve(image, preset("blur"), "same", 1).output.shape == (32, 32)
    assert convolve(image, preset("blur 5x5"), "SAME", 3).output.shape == (11, 11)  # ceil(32/3)


def test_presets_do_what_they_say():
    flat = np.full((9, 9), 0.5, np.float32)
    assert np.allclose(convolve(flat, preset("edge")).output, 0.0)  # no edges in a flat image
    assert np.allclose(convolve(flat, preset("blur")).output, 0.5)
    assert np.allclose(convolve(flat, preset("sharpen")).output, 0.5)
    assert set(PRESETS) >= {"edge", "blur", "sharpen"}


def test_non_square_maps_get_a_formula_per_axis():
    result = convolve(np.zeros((10, 14), np.float32), preset("blur"), 0, 2)
    assert result.output.shape == (4, 6)
    assert result.formula == (
        "rows: floor((10 + 2×0 − 3) / 2) + 1 = 4; columns: floor((14 + 2×0 − 3) / 2) + 1 = 6"
    )


@pytest.mark.parametrize(
    ("shape", "kernel", "padding", "stride", "message"),
    [
        ((3, 3), np.ones((5, 5)), "valid", 1, "does not fit in 3 \\+ 2×0 = 3 pixels"),
        ((8, 8), np.ones((4, 4)), "same", 1, "SAME padding needs an odd kernel"),
        ((8, 8), np.ones((3, 3)), "full", 1, "VALID, SAME or a number"),
        ((8, 8), np.ones((3, 3)), -1, 1, "0 to 8 pixels"),
        ((8, 8), np.ones((3, 3)), 1.5, 1, "whole number"),
        ((8, 8), np.ones((3, 3)), 0, 4, "stride must be 1, 2 or 3"),
        ((8, 8), np.ones((3, 3)), 0, 0, "stride must be 1, 2 or 3"),
        ((8, 8), np.ones((3, 2)), 0, 1, "square"),
        ((8, 8), np.array([[np.nan]]), 0, 1, "finite"),
    ],
)
def test_impossible_settings_are_refused_with_a_reason(shape, kernel, padding, stride, message):
    with pytest.raises(ConvSettingsError, match=message):
        convolve(np.zeros(shape, np.float32), kernel, padding, stride)


def test_formula_reports_a_kernel_that_does_not_fit():
    assert output_size_formula(3, 5, 0, 1) == "floor((3 + 2×0 − 5) / 1) + 1 = -1"
    with pytest.raises(ConvSettingsError, match="unknown preset"):
        preset("emboss")
