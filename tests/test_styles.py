"""Crossed 7s and flagged 1s: extra ink where a European writer puts it, framed like MNIST."""

from __future__ import annotations

import numpy as np

from model.drawing.styles import restyle


def vertical_one():
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 13:15] = 255
    return image


def test_one_gets_a_flag_at_the_top_left():
    styled = restyle(vertical_one(), 1, np.random.default_rng(0))
    assert styled.shape == (28, 28)
    ink = styled > 0.5
    top_rows = np.flatnonzero(ink.any(1))[:6]
    cols = np.flatnonzero(ink[top_rows].any(0))
    assert cols.min() < 12  # ink left of the stem near the top: the flag


def test_seven_gets_a_cross_bar():
    seven = np.zeros((28, 28), np.uint8)
    seven[4:6, 8:20] = 255  # top bar
    for r in range(6, 24):  # stem
        c = 19 - (r - 6) // 3
        seven[r, c : c + 2] = 255
    styled = restyle(seven, 7, np.random.default_rng(0))
    ink = styled > 0.5
    rows = np.flatnonzero(ink.any(1))
    middle = ink[rows[len(rows) // 2 - 3] : rows[len(rows) // 2 + 3]]
    assert middle.any(0).sum() >= 5  # a bar across the stem, not just the stem


def test_other_digits_unchanged():
    image = vertical_one()
    np.testing.assert_allclose(restyle(image, 3, np.random.default_rng(0)), image / 255.0)
