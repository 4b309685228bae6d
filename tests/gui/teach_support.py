"""Shared by the tests/gui/test_teach*.py modules: a drawn "1" and a drawn "0" (the private
data folder is the `data_home` fixture of tests/gui/conftest.py)."""

from __future__ import annotations

from tests.gui.mouse import draw_stroke


def draw_one(canvas, x: float = 140.0) -> None:
    """A "1" down the canvas (raster coordinates), at column `x`."""
    draw_stroke(canvas, [(x, 50.0 + 4.5 * i) for i in range(41)])


def draw_zero(canvas) -> None:
    """An "0": an ellipse in one stroke."""
    import math

    points = [
        (140 + 55 * math.sin(2 * math.pi * i / 48), 140 - 85 * math.cos(2 * math.pi * i / 48))
        for i in range(49)
    ]
    draw_stroke(canvas, points)
