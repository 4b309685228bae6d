"""Pen strokes straight to the network's 28x28 field, for many drawings at once.

`preprocess(render_strokes(strokes, size, pen))` draws every segment on a `size`-pixel canvas
(~2 ms a drawing in Python) only to shrink the ink's box to 20 px a moment later. For the pen
pool (tens of thousands of drawings per training run) this module computes the same 20 px box
directly, for a chunk of drawings at a time in numpy:

1. the ink's bounding box on the canvas follows from the points and the pen: a pixel counts as
   ink (`preprocess`'s 20% threshold) within `r + INK_REACH` of the stroke, r the pen's radius;
2. each output pixel of the box is the canvas's coverage profile across the stroke (a 1 px
   linear edge, `render_strokes`) averaged by the triangle filter that `preprocess`'s
   antialiased bilinear shrink applies, at the pixel's distance from the nearest segment (the
   distance to all segments of a chunk is one vectorised computation);
3. the box is placed by its centre of mass in the 28x28 field exactly as `preprocess` does.

What it leaves out (two segments' edges composited over each other where they overlap, the
exact 2-D filter at stroke ends and tight curves) changes a pixel by a few grey levels:
tests/test_fast_raster.py compares it with the canvas path, tools/pen_pool_bench.py times both.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from model.drawing.preprocess import BOX, COM_TARGET, FIELD

#: Beyond the pen's radius, how far a canvas pixel centre can be from the stroke and still
#: count as ink for the bounding box (coverage 0.2 at `r + 0.3`; overlapping segment edges
#: reach a little further, measured against `render_strokes`).
INK_REACH = 0.42
#: Segment edges composite over each other where the points are dense; the edge profile is
#: raised to this power of (1 - coverage) to match (1 = no compositing; measured).
EDGE_OVERLAP = 1.6
#: Quadrature of the shrink's triangle filter across the stroke (nodes in output pixels).
_NODES = np.linspace(-1.0, 1.0, 17, dtype=np.float32)[1:-1]
_WEIGHTS = (1.0 - np.abs(_NODES)) / (1.0 - np.abs(_NODES)).sum()
#: Longest segment piece (output px): longer segments are cut, so windows stay small.
_PIECE = 1.5
#: Consecutive segments shorter than this together (output px) are drawn as one.
_MERGE = 0.3
#: Distances at which each drawing's profile is tabulated.
_TABLE = 48


def strokes_to_fields(
    drawings: Sequence[Sequence[np.ndarray]], pen_widths: Sequence[float] | np.ndarray
) -> np.ndarray:
    """(N, 28, 28) float32 images in [0, 1]: each drawing (strokes as (n, 2) arrays of canvas
    pixels, x right, y down, already placed on the canvas) drawn with its pen width (canvas
    pixels) and preprocessed, as `preprocess(render_strokes(...)).image28` would give."""
    if len(drawings) == 0:
        return np.zeros((0, FIELD, FIELD), dtype=np.float32)
    starts, ends, owner = _segments(drawings)
    return segments_to_fields(starts, ends, owner, pen_widths)


def segments_to_fields(
    starts: np.ndarray,
    ends: np.ndarray,
    owner: np.ndarray,
    pen_widths: Sequence[float] | np.ndarray,
) -> np.ndarray:
    """`strokes_to_fields` for drawings given as segments: (S, 2) start and end points in
    canvas pixels and the (S,) index of the drawing each belongs to (every drawing needs at
    least one; a dot is a segment of length 0)."""
    pens = np.asarray(pen_widths, dtype=np.float64).reshape(-1)
    n = len(pens)
    # 1. the ink's box on the canvas, in whole pixels as preprocess crops it
    points = np.concatenate([starts, ends])
    who = np.concatenate([owner, owner])
    lo = np.full((n, 2), np.inf)
    hi = np.full((n, 2), -np.inf)
    np.minimum.at(lo, who, points)
    np.maximum.at(hi, who, points)
    reach = (pens / 2 + INK_REACH)[:, None]
    first = np.ceil(lo - reach - 0.5)  # (left, top): first pixel whose centre is in reach
    last = np.floor(hi + reach - 0.5) + 1  # (right, bottom), exclusive
    extent = np.maximum(last - first, 1.0)  # (W, H) of the crop in canvas pixels
    scale = BOX / extent.max(axis=1)
    new = np.maximum(1, np.round(extent * scale[:, None])).astype(np.int64)  # (new_w, new_h)
    # 2. segments in output-pixel units of their drawing's box; each output pixel's value from
    # its distance to the nearest segment, through the drawing's edge profile
    k = (new / extent)[owner]
    a = ((starts - first[owner]) * k).astype(np.float32)
    b = ((ends - first[owner]) * k).astype(np.float32)
    per_drawing = np.sqrt((new / extent).prod(axis=1))  # output pixels per canvas pixel
    radius = pens / 2
    reach = (radius + 0.5) * per_drawing + 1.0  # output px: no ink farther from a stroke
    a, b, owner = _merge_short(a, b, owner)
    distance = _nearest_distance(a, b, owner, reach, n)
    box = _profile(distance, radius, per_drawing, reach)
    # 3. centre of mass in the 28x28 field, as preprocess places it (Python's rounding)
    rows, cols = np.arange(BOX)[:, None], np.arange(BOX)[None, :]
    box *= (rows < new[:, 1, None, None]) & (cols < new[:, 0, None, None])
    mass = box.sum(axis=(1, 2))
    safe = np.where(mass > 0, mass, 1.0)
    cy = (box.sum(axis=2) * np.arange(BOX)).sum(axis=1) / safe
    cx = (box.sum(axis=1) * np.arange(BOX)).sum(axis=1) / safe
    top = np.clip(np.round(COM_TARGET - cy), 0, FIELD - new[:, 1]).astype(np.int64)
    left = np.clip(np.round(COM_TARGET - cx), 0, FIELD - new[:, 0]).astype(np.int64)
    big = np.zeros((n, FIELD + BOX, FIELD + BOX), dtype=np.float32)
    index = np.arange(n)[:, None, None]
    big[index, top[:, None, None] + rows, left[:, None, None] + cols] = box
    return big[:, :FIELD, :FIELD]


def _segments(drawings: Sequence[Sequence[np.ndarray]]) -> tuple[np.ndarray, ...]:
    """Start points, end points and drawing index of every segment (a lone point is a segment
    of length 0, drawn as a dot like the canvas does)."""
    starts, ends, owner = [], [], []
    for i, strokes in enumerate(drawings):
        for s in strokes:
            p = np.asarray(s, dtype=np.float64).reshape(-1, 2)
            if len(p) == 0:
                continue
            if len(p) == 1:
                starts.append(p)
                ends.append(p)
                owner.append(np.full(1, i))
            else:
                starts.append(p[:-1])
                ends.append(p[1:])
                owner.append(np.full(len(p) - 1, i))
    if not starts:
        raise ValueError("nothing to draw: every drawing is empty")
    return np.concatenate(starts), np.concatenate(ends), np.concatenate(owner)


def _merge_short(a: np.ndarray, b: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, ...]:
    """Consecutive segments of a stroke joined into one wherever together they are shorter
    than `_MERGE` output px: pen tablets sample densely, and a tenth of a pixel's segments
    change nothing at this resolution but the cost."""
    length = np.sqrt(((b - a) ** 2).sum(axis=1))
    cont = np.r_[False, (owner[1:] == owner[:-1]) & (a[1:] == b[:-1]).all(axis=1)]
    stroke = np.cumsum(~cont)
    before = np.cumsum(length) - length  # path length up to each segment's start
    stroke_start = before[np.flatnonzero(~cont)][stroke - 1]
    key = np.floor((before - stroke_start) / _MERGE)
    new_group = ~cont | np.r_[True, key[1:] != key[:-1]]
    firsts = np.flatnonzero(new_group)
    lasts = np.r_[firsts[1:] - 1, len(a) - 1]
    return a[firsts], b[lasts], owner[firsts]


def _nearest_distance(
    a: np.ndarray, b: np.ndarray, owner: np.ndarray, reach: np.ndarray, n: int
) -> np.ndarray:
    """(N, BOX, BOX) distance from each output pixel centre of a drawing's box to its nearest
    segment, where that is within the drawing's `reach` (inf elsewhere).

    Each segment only touches a small window of pixels around it (segments are cut to at most
    `_PIECE` px first), so distances are computed in windows, grouped by window size, and
    merged with a scattered minimum: a few thousand distances a drawing instead of 20x20 per
    segment."""
    d = b - a
    length = np.sqrt((d * d).sum(axis=1))
    pieces = np.maximum(1, np.ceil(length / _PIECE)).astype(np.int64)
    if (pieces > 1).any():  # cut long segments into pieces of at most _PIECE px
        seg = np.repeat(np.arange(len(a)), pieces)
        first_piece = np.repeat(np.cumsum(pieces) - pieces, pieces)
        j = (np.arange(len(seg)) - first_piece).astype(np.float32)
        frac = (1.0 / pieces[seg]).astype(np.float32)
        a, b, owner = (
            a[seg] + d[seg] * (j * frac)[:, None],
            a[seg] + d[seg] * ((j + 1) * frac)[:, None],
            owner[seg],
        )
        d = b - a
    length2 = (d * d).sum(axis=1)
    inv = np.where(length2 > 1e-12, 1.0 / np.maximum(length2, 1e-12), 0.0).astype(np.float32)
    size = np.ceil(2 * reach + _PIECE).astype(np.int64) + 1  # window side per drawing
    pad = int(size.max()) + 1  # windows reach this far beyond the box: a margin, no masks
    side_all = BOX + 2 * pad
    nearest = np.full(n * side_all * side_all, np.inf, dtype=np.float32)
    seg_size = size[owner]
    for side in np.unique(seg_size):
        pick = np.flatnonzero(seg_size == side)
        sa, sd, si = a[pick], d[pick], inv[pick]
        origin = np.floor(np.minimum(sa, sa + sd) - reach[owner[pick], None]).astype(np.intp)
        origin = np.clip(origin, -pad, BOX + pad - side)
        offsets = np.arange(side, dtype=np.intp)
        cols = origin[:, :1] + offsets  # (S, side) pixel indices
        rows = origin[:, 1:] + offsets
        px = (cols.astype(np.float32) + 0.5) - sa[:, :1]  # float32 throughout: ufunc.at is
        py = (rows.astype(np.float32) + 0.5) - sa[:, 1:]  # ~100x slower when it must cast
        dx, dy = sd[:, :1, None], sd[:, 1:, None]
        t = px[:, None, :] * (dx * si[:, None, None]) + py[:, :, None] * (dy * si[:, None, None])
        np.clip(t, 0.0, 1.0, out=t)
        ex = px[:, None, :] - t * dx
        ey = py[:, :, None] - t * dy
        ex *= ex
        ey *= ey
        ex += ey
        base = owner[pick].astype(np.intp) * (side_all * side_all)
        row_part = (base[:, None] + (rows + pad) * side_all)[:, :, None]
        flat = row_part + (cols + pad)[:, None, :]
        np.minimum.at(nearest, flat.ravel(), ex.ravel())
    nearest = nearest.reshape(n, side_all, side_all)[:, pad : pad + BOX, pad : pad + BOX]
    return np.sqrt(nearest)


def _profile(
    distance: np.ndarray, radius: np.ndarray, k: np.ndarray, reach: np.ndarray
) -> np.ndarray:
    """Output pixel values: the canvas's edge profile across a stroke, `clip(r + 0.5 - u)` at
    `u` canvas pixels from its centre line, averaged by the shrink's triangle filter (one
    output pixel wide each way), at each pixel's distance from the stroke. Tabulated per
    drawing at `_TABLE` distances and interpolated."""
    n = len(radius)
    steps = np.linspace(0.0, 1.0, _TABLE, dtype=np.float32)[None, :] * reach[:, None]  # (N, T)
    u = np.abs(steps[..., None] - _NODES) / k[:, None, None]  # canvas px
    cover = np.clip(radius[:, None, None] + 0.5 - u, 0.0, 1.0)
    cover = 1.0 - (1.0 - cover) ** EDGE_OVERLAP
    table = np.clip((cover * _WEIGHTS).sum(axis=-1), 0.0, 1.0).astype(np.float32)
    table[:, -1] = 0.0
    x = distance.reshape(n, -1) * ((_TABLE - 1) / reach)[:, None].astype(np.float32)
    np.minimum(x, _TABLE - 1.001, out=x)
    i = x.astype(np.int64)
    frac = x - i
    lo = np.take_along_axis(table, i, axis=1)
    hi = np.take_along_axis(table, i + 1, axis=1)
    return (lo + (hi - lo) * frac).reshape(n, BOX, BOX)
