"""Preprocessing: the same digit anywhere, any size, either polarity -> nearly the same input."""

from __future__ import annotations

import numpy as np
import pytest

from model.config import Normalization
from model.data.drawn_digits import digit_strokes, place_strokes, render_strokes, stroke_extent
from model.drawing.preprocess import COM_TARGET, preprocess
from model.errors import NoInkError


def seven(size=200, left=40, top=40, pen=18, canvas=280):
    """A crossed 7 drawn with a round pen, as three strokes."""
    strokes = [
        [(0.0, 0.0), (1.0, 0.0), (0.45, 1.0)],  # top bar and the long diagonal
        [(0.35, 0.5), (0.85, 0.5)],  # the cross bar
    ]
    placed = place_strokes(strokes, left, top, size)
    return render_strokes(placed, pen, canvas)


def centre_of_mass(image):
    rows, cols = np.indices(image.shape)
    mass = image.sum()
    return (rows * image).sum() / mass, (cols * image).sum() / mass


def test_output_shapes_and_ranges():
    prep = preprocess(seven())
    assert prep.image28.shape == (28, 28) and prep.network_input.shape == (32, 32)
    assert prep.image28.min() >= 0 and prep.image28.max() == pytest.approx(1.0, abs=0.05)
    # the 2-pixel pad holds the normalised background value
    norm = Normalization()
    assert np.allclose(prep.network_input[:2], (0 - norm.mean) / norm.std)


def test_longer_side_is_20_pixels():
    prep = preprocess(seven())
    ink = prep.image28 > 0.05
    rows, cols = np.flatnonzero(ink.any(1)), np.flatnonzero(ink.any(0))
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) in (20, 21)


def test_centre_of_mass_at_centre():
    for left, top in [(10, 10), (150, 30), (60, 120)]:
        cy, cx = centre_of_mass(preprocess(seven(size=120, left=left, top=top)).image28)
        assert abs(cy - COM_TARGET) <= 0.5 and abs(cx - COM_TARGET) <= 0.5


def test_position_and_size_invariance():
    reference = preprocess(seven(size=200, left=40, top=40)).image28
    for size, left, top, pen in [(100, 5, 150, 10), (240, 15, 20, 22), (70, 180, 180, 7)]:
        other = preprocess(seven(size=size, left=left, top=top, pen=pen)).image28
        # pen width relative to digit size differs, so allow a little; a shifted or
        # mis-scaled digit would differ by far more (mean abs ~0.3)
        assert np.abs(other - reference).mean() < 0.08, (size, left, top)


def test_polarity_detected_and_equivalent():
    light_on_dark = seven()
    dark_on_light = 255 - light_on_dark
    a, b = preprocess(light_on_dark), preprocess(dark_on_light)
    assert not a.dark_on_light and b.dark_on_light
    np.testing.assert_allclose(a.image28, b.image28, atol=1e-5)


def test_any_raster_size_and_dtype():
    small = seven(size=40, left=2, top=2, pen=4, canvas=48).astype(np.float32) / 255
    wide = np.zeros((100, 400), dtype=np.uint8)
    wide[20:80, 200:210] = 255  # a "1"
    assert preprocess(small).image28.shape == (28, 28)
    one = preprocess(wide).image28
    cy, cx = centre_of_mass(one)
    assert abs(cx - COM_TARGET) <= 0.5 and (one > 0.5).any(0).sum() < 6  # stays thin


def test_blank_and_nearly_blank_raise_no_ink():
    with pytest.raises(NoInkError):
        preprocess(np.zeros((280, 280), np.uint8))
    with pytest.raises(NoInkError):
        preprocess(np.full((280, 280), 255, np.uint8))  # blank paper
    speck = np.zeros((280, 280), np.uint8)
    speck[100, 100] = 255
    with pytest.raises(NoInkError):
        preprocess(speck)
    faint = np.random.default_rng(0).integers(0, 20, (280, 280)).astype(np.uint8)
    with pytest.raises(NoInkError):
        preprocess(faint)


def test_mnist_digit_redrawn_matches_mnist(mnist_dir):
    """An MNIST digit redrawn on a canvas preprocesses to nearly the MNIST image itself."""
    from model.data.mnist import load_split

    test = load_split("test", mnist_dir)
    errors = []
    for i in range(20):
        strokes = digit_strokes(test.images[i])
        w, h = stroke_extent(strokes)
        raster = render_strokes(place_strokes(strokes, 60, 40, 180), pen_width=18)
        image = preprocess(raster).image28
        cy, cx = centre_of_mass(image)
        assert abs(cy - COM_TARGET) <= 0.5 and abs(cx - COM_TARGET) <= 0.5
        errors.append(np.abs(image - test.images[i] / 255.0).mean())
        assert w <= 1 and h <= 1
    assert np.median(errors) < 0.12
