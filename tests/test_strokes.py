"""The Qt-free stroke renderer draws what the app's canvas draws.

Strokes are sent to the real canvas widget as mouse events (sub-pixel positions, as a mouse on a
scaled canvas gives) and the canvas's own 280x280 raster is compared with `render_strokes` for
the same points and pen width. Stated tolerance: on average under 1 grey level of 255 apart,
99.9% of pixels within 24 grey levels, the same total ink within 0.5%, and the preprocessed
28x28 network images within 0.03 everywhere.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.core.drawing import DEFAULT_PEN_WIDTH as CANVAS_DEFAULT_PEN
from app.core.drawing import RASTER_SIZE, CanvasDrawing
from app.draw.canvas import DrawingCanvas
from model.drawing.preprocess import preprocess
from model.drawing.strokes import (
    CANVAS,
    DEFAULT_PEN_WIDTH,
    normalized_pen_raster,
    normalized_pen_width,
    render_strokes,
)
from tests.gui.mouse import draw_stroke

STROKES = [
    # an ellipse (a 0), a zigzag with sharp joins (a 7 with a crossing), a lone dot
    [
        (140 + 80 * math.cos(a / 30 * math.tau) + 0.3, 140 + 60 * math.sin(a / 30 * math.tau))
        for a in range(31)
    ],
    [(30.2, 30.7), (250.5, 40.1), (60.0, 250.0)],
    [(100.0, 150.0), (190.4, 152.6)],
    [(200.0, 200.0)],
]


def test_constants_follow_the_canvas() -> None:
    assert CANVAS == RASTER_SIZE
    assert DEFAULT_PEN_WIDTH == CANVAS_DEFAULT_PEN


@pytest.fixture
def canvas(qtbot):
    widget = DrawingCanvas(CanvasDrawing())
    qtbot.addWidget(widget)
    widget.resize(RASTER_SIZE, RASTER_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("pen_width", [8.0, DEFAULT_PEN_WIDTH, 36.0])
def test_renderer_matches_the_canvas_raster(canvas, pen_width: float) -> None:
    canvas.drawing.set_pen_width(pen_width)
    for stroke in STROKES:
        draw_stroke(canvas, stroke)
    qt = canvas.drawing.raster().astype(np.int32)
    ours = render_strokes(STROKES, CANVAS, pen_width).astype(np.int32)
    diff = np.abs(qt - ours)
    assert diff.mean() < 1.0
    assert np.percentile(diff, 99.9) <= 24
    assert abs(int(ours.sum()) - int(qt.sum())) <= 0.005 * qt.sum()
    a, b = preprocess(qt.astype(np.uint8)).image28, preprocess(ours.astype(np.uint8)).image28
    assert np.abs(a - b).max() < 0.03


def test_normalised_width_does_not_depend_on_the_pen() -> None:
    """Re-rendering from the vectors gives one picture whatever pen the user picked."""
    digit = [[(60.0, 60.0), (200.0, 60.0), (110.0, 230.0)], [(90.0, 150.0), (180.0, 150.0)]]
    thin = preprocess(render_strokes(digit, CANVAS, 6.0)).image28
    thick = preprocess(render_strokes(digit, CANVAS, 36.0)).image28
    assert np.abs(thin - thick).mean() > 0.05  # the raw rasters differ a lot
    width = normalized_pen_width(digit)
    assert 15 < width < 25  # about a tenth of the ink's longer side (170 px)
    normalised = preprocess(normalized_pen_raster(digit)).image28
    np.testing.assert_array_equal(
        normalised, preprocess(render_strokes(digit, CANVAS, width)).image28
    )
