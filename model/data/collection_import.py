"""Pen digits from a UNIPEN file as kept drawings: a writer's style taught from a file.

The strokes are turned the right way up (tablet y points up, the canvas's down) and placed on
the 280 px canvas the way a user draws a digit: 60% of its height, centred, default pen.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from model.data.collection import Drawing, make_drawing
from model.data.pen_digits import canvas_strokes
from model.data.unipen_text import PenDigit, read_unipen
from model.drawing.strokes import CANVAS, DEFAULT_PEN_WIDTH, bounds, place
from model.errors import CollectionError

HEIGHT = 0.6  # share of the canvas


def drawing_from_pen_digit(digit: PenDigit, pen_width: float = DEFAULT_PEN_WIDTH) -> Drawing:
    """One pen digit as a drawing on the canvas (centred, 60% of its height)."""
    strokes = canvas_strokes(digit)
    placed = place(strokes, 0.0, 0.0, HEIGHT * CANVAS)
    x0, y0, x1, y1 = bounds(placed)
    dx, dy = (CANVAS - (x1 - x0)) / 2 - x0, (CANVAS - (y1 - y0)) / 2 - y0
    centred = [p + (dx, dy) for p in placed]
    created = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return make_drawing(centred, digit.label, pen_width, None, created)


def drawings_from_pen_digits(digits: Sequence[PenDigit]) -> list[Drawing]:
    return [drawing_from_pen_digit(d) for d in digits]


def drawings_from_unipen(path: str | os.PathLike, writer: int | None = None) -> list[Drawing]:
    """Every digit of a UNIPEN file (or one writer's) as drawings. `DataError` for a bad
    file; `CollectionError` when the writer has no digit in it."""
    digits = read_unipen(path)
    if writer is not None:
        digits = [d for d in digits if d.writer == writer]
        if not digits:
            raise CollectionError(f"{path}: no digits of writer {writer} in this file")
    return drawings_from_pen_digits(digits)
