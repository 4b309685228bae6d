"""Drawing pen strokes the way the app's canvas does, without Qt.

The canvas (app/draw/canvas.py) paints each stroke with QPainter on a 280x280 8-bit raster: white on
black, a round-capped, round-joined, anti-aliased pen whose width is given in raster pixels; a
stroke is its first point drawn as a dot, then one line per pair of consecutive points, each
composited over what is already there. `render_strokes` reproduces exactly that, so what is
measured offline (model.cli.evaluate, the pen-digit training pool) is what the app sees: every
segment's coverage of a pixel is `clip(w/2 + 0.5 - distance to the segment, 0, 1)`, measured
from the pixel centre, and coverages combine like Qt's source-over (`1 - (1-a)(1-b)`).

Coordinates are raster pixels, x to the right and y down, pixel (row i, column j) covering
[j, j+1) x [i, i+1), as in the canvas.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

CANVAS = 280  # the canvas's backing raster (app/draw/canvas.py RASTER_SIZE)
DEFAULT_PEN_WIDTH = CANVAS / 14  # the canvas's default pen width (app/draw/canvas.py)
#: Pen width that `normalized_pen_raster` draws with, as a share of the ink's longer side:
#: the width of the canvas's default pen on a digit of 2/3 of the canvas height, which gives
#: MNIST-like strokes (about 2 px in MNIST's 20 px box) after preprocessing.
NORMALIZED_WIDTH_RATIO = 0.1
#: The thickest pen the network reads a drawing with, as a share of the ink's longer side
#: (`network_pen_cap`), and the thinnest that cap ever asks for (the canvas's thinnest pens).
NETWORK_WIDTH_RATIO = 0.15
THINNEST_NETWORK_PEN = 5.0

_CENTRES = np.arange(4096, dtype=np.float32) + 0.5  # pixel centres along an axis

Points = np.ndarray  # (n, 2) float (x, y) raster pixels
StrokesLike = Sequence[Sequence[tuple[float, float]] | np.ndarray]


def as_points(strokes: StrokesLike) -> list[Points]:
    """Each stroke as a float64 (n, 2) array; empty strokes are dropped."""
    out = []
    for s in strokes:
        a = np.asarray(s, dtype=np.float64).reshape(-1, 2)
        if len(a):
            out.append(a)
    return out


def render_strokes(
    strokes: StrokesLike, size: int = CANVAS, pen_width: float = DEFAULT_PEN_WIDTH
) -> np.ndarray:
    """A (size, size) uint8 raster, white ink on black, of the strokes drawn like the canvas."""
    if size > len(_CENTRES):
        raise ValueError(f"raster size {size} is larger than {len(_CENTRES)}")
    coverage = np.zeros((size, size), dtype=np.float32)
    r = pen_width / 2.0
    reach = r + 0.5
    for pts in as_points(strokes):
        # the canvas first draws the start point as a dot, then each segment with round caps
        starts = np.concatenate([pts[:1], pts[:-1]]).tolist()
        ends = np.concatenate([pts[:1], pts[1:]]).tolist()
        for (ax, ay), (bx, by) in zip(starts, ends):
            x0 = max(int(math.floor(min(ax, bx) - reach)), 0)
            x1 = min(int(math.ceil(max(ax, bx) + reach)) + 1, size)
            y0 = max(int(math.floor(min(ay, by) - reach)), 0)
            y1 = min(int(math.ceil(max(ay, by) + reach)) + 1, size)
            if x0 >= x1 or y0 >= y1:
                continue
            px = _CENTRES[x0:x1] - np.float32(ax)
            py = (_CENTRES[y0:y1] - np.float32(ay))[:, None]
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            if length2 > 1e-12:
                # position along the segment of the nearest point, clamped to its ends
                t = px * np.float32(dx / length2) + py * np.float32(dy / length2)
                np.clip(t, 0.0, 1.0, out=t)
                ex, ey = px - t * np.float32(dx), py - t * np.float32(dy)
            else:
                ex, ey = px, py
            cov = np.float32(reach) - np.sqrt(ex * ex + ey * ey)
            np.clip(cov, 0.0, 1.0, out=cov)
            window = coverage[y0:y1, x0:x1]
            window += cov * (1.0 - window)
    return np.rint(coverage * 255.0).astype(np.uint8)


def bounds(strokes: StrokesLike) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the stroke points."""
    pts = np.concatenate(as_points(strokes))
    return (
        float(pts[:, 0].min()),
        float(pts[:, 1].min()),
        float(pts[:, 0].max()),
        float(pts[:, 1].max()),
    )


def tablet_to_screen(strokes: StrokesLike) -> list[Points]:
    """Tablet strokes (y up, as in the UNIPEN files) with y flipped to point down."""
    return [np.column_stack([p[:, 0], -p[:, 1]]) for p in as_points(strokes)]


def transform(strokes: StrokesLike, rotation_deg: float = 0.0, shear: float = 0.0) -> list[Points]:
    """Strokes slanted by `shear` (x += shear * y) and rotated by `rotation_deg`."""
    a = math.radians(rotation_deg)
    cos, sin = math.cos(a), math.sin(a)
    m = np.array([[cos, -sin], [sin, cos]]) @ np.array([[1.0, shear], [0.0, 1.0]])
    return [p @ m.T for p in as_points(strokes)]


def place(strokes: StrokesLike, left: float, top: float, height: float) -> list[Points]:
    """Scale strokes so their points span `height` px vertically, top-left corner at (left, top).

    A flat stroke set (a dash) is scaled by its width instead, so nothing divides by zero.
    """
    x0, y0, x1, y1 = bounds(strokes)
    extent = y1 - y0 if y1 - y0 > 0.2 * (x1 - x0) else max(x1 - x0, 1e-6)
    k = height / max(extent, 1e-6)
    return [
        np.column_stack([left + (p[:, 0] - x0) * k, top + (p[:, 1] - y0) * k])
        for p in as_points(strokes)
    ]


def place_randomly(
    strokes: StrokesLike,
    rng: np.random.Generator,
    height_range: tuple[float, float] = (0.4, 0.8),
    pen_width: float = DEFAULT_PEN_WIDTH,
    size: int = CANVAS,
) -> list[Points]:
    """Strokes at a random height (share of the canvas) and a random position that keeps the
    ink of a `pen_width` pen inside the canvas, the way someone draws a digit somewhere on it.
    The height is that of the points; a flat set (a dash) is sized by its width instead."""
    x0, y0, x1, y1 = bounds(strokes)
    height = rng.uniform(*height_range) * size
    extent = y1 - y0 if y1 - y0 > 0.2 * (x1 - x0) else max(x1 - x0, 1e-6)
    k = height / max(extent, 1e-6)
    margin = pen_width / 2 + 1
    room = size - 2 * margin
    longest = max((x1 - x0) * k, (y1 - y0) * k)
    if longest > room:  # a very wide digit: shrink it to fit
        height *= room / longest
        k = height / max(extent, 1e-6)
    w, h = (x1 - x0) * k, (y1 - y0) * k
    left = rng.uniform(margin, max(margin, size - margin - w))
    top = rng.uniform(margin, max(margin, size - margin - h))
    return [
        np.column_stack([left + (p[:, 0] - x0) * k, top + (p[:, 1] - y0) * k])
        for p in as_points(strokes)
    ]


def normalized_pen_width(strokes: StrokesLike, ratio: float = NORMALIZED_WIDTH_RATIO) -> float:
    """The pen width giving MNIST-like strokes for this drawing: `ratio` of the ink's longer
    side (points' extent plus the pen itself), whatever pen the user drew with."""
    x0, y0, x1, y1 = bounds(strokes)
    longest = max(x1 - x0, y1 - y0)
    return max(1.0, ratio * longest / (1.0 - ratio))


def network_pen_cap(strokes: StrokesLike) -> float:
    """The thickest pen the network should read these strokes with (canvas pixels).

    A pen that is thick for the drawing's size turns a small digit into a blob: on the
    validation writers' digits drawn with the default 20 px pen at 12-20% of the canvas's
    height, the shipped network read 79% (31% with a 36 px pen), against 99.5% once the strokes
    were re-drawn no thicker than this cap (README "Pen width"). Only thinner, never thicker:
    a drawing already drawn with a pen under the cap is read exactly as drawn, and at the usual
    sizes (40% of the canvas and up, the default pen) the cap is above the pen."""
    return max(THINNEST_NETWORK_PEN, normalized_pen_width(strokes, NETWORK_WIDTH_RATIO))


def normalized_pen_raster(
    strokes: StrokesLike, size: int = CANVAS, ratio: float = NORMALIZED_WIDTH_RATIO
) -> np.ndarray:
    """Pen-width independence: the strokes re-rendered in place with `normalized_pen_width`.

    The canvas keeps its strokes as vectors, so the network can be given the same picture
    whether the user drew with a thin or a thick pen; only images opened from files still need
    raster preprocessing alone. Feed the result to `model.drawing.preprocess.preprocess`.
    """
    return render_strokes(strokes, size, normalized_pen_width(strokes, ratio))
