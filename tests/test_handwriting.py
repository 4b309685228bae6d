"""The shipped network reads digits the way people draw them, not only MNIST's.

Hand-made glyphs (including a flagged 1, a 1 with a foot and a crossed 7) drawn with a round
pen at small, large, off-centre, thick and thin settings on a 280x280 canvas, through the same
preprocessing as the app. Needs no MNIST.
"""

from __future__ import annotations

import math

import pytest

from model.data.drawn_digits import place_strokes, render_strokes
from model.network.inference import Predictor


def arc(cx, cy, rx, ry, start, end, n=24):
    return [
        (cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
        for a in (start + (end - start) * i / (n - 1) for i in range(n))
    ]


GLYPHS = {
    "0": (0, [arc(0.5, 0.5, 0.3, 0.5, 0, 360, 40)]),
    "1": (1, [[(0.5, 0.0), (0.5, 1.0)]]),
    "1 with flag": (1, [[(0.3, 0.25), (0.55, 0.0), (0.55, 1.0)]]),
    "1 with flag and foot": (1, [[(0.3, 0.25), (0.55, 0.0), (0.55, 1.0)], [(0.3, 1), (0.8, 1)]]),
    "2": (2, [arc(0.5, 0.28, 0.3, 0.28, 200, 380, 20) + [(0.2, 1.0), (0.85, 1.0)]]),
    "3": (3, [arc(0.5, 0.25, 0.3, 0.25, 200, 450, 20) + arc(0.5, 0.75, 0.32, 0.25, 270, 520, 20)]),
    "4": (4, [[(0.6, 0.0), (0.1, 0.65), (0.85, 0.65)], [(0.62, 0.3), (0.62, 1.0)]]),
    "5": (5, [[(0.8, 0.0), (0.25, 0.0), (0.2, 0.45)] + arc(0.48, 0.68, 0.32, 0.32, 230, 490)]),
    "6": (6, [arc(0.5, 0.7, 0.3, 0.3, 0, 360, 30) + [(0.2, 0.7), (0.3, 0.3), (0.65, 0.0)]]),
    "7": (7, [[(0.15, 0.0), (0.85, 0.0), (0.4, 1.0)]]),
    "crossed 7": (7, [[(0.15, 0.0), (0.85, 0.0), (0.4, 1.0)], [(0.4, 0.5), (0.85, 0.5)]]),
    "8": (8, [arc(0.5, 0.25, 0.25, 0.25, 90, 450), arc(0.5, 0.72, 0.3, 0.28, -90, 270)]),
    "9": (9, [arc(0.5, 0.3, 0.3, 0.3, 0, 360, 30) + [(0.8, 0.3), (0.75, 1.0)]]),
}
# (size of the ink's longer side, left, top, pen width) on a 280x280 canvas
DRAWINGS = {
    "large": (200, 40, 40, 20),
    "small, top left": (60, 10, 10, 8),
    "small, bottom right": (60, 200, 200, 10),
    "huge and thick": (250, 15, 15, 30),
    "thin, off-centre": (150, 120, 20, 6),
    "thick, low left": (100, 30, 160, 24),
}


@pytest.fixture(scope="module")
def predictor():
    return Predictor.load()


@pytest.mark.parametrize("glyph", GLYPHS)
def test_reads_each_way_of_drawing(predictor, glyph):
    label, strokes = GLYPHS[glyph]
    for how, (size, left, top, pen) in DRAWINGS.items():
        raster = render_strokes(place_strokes(strokes, left, top, size), pen)
        prediction = predictor.predict(raster)
        assert prediction.digit == label, f"{glyph} drawn {how} read as {prediction.digit}"
        assert prediction.confidence > 0.5, f"{glyph} drawn {how}: unsure"
