"""What a drawing's strokes say that its pixels hide: how far the pen travelled, and whether
the drawing is one straight stroke and at what slope.

The network reads a 32x32 raster, and some marks look like digits there: a tangle that closes
into a blob reads as 0, 6 or 8, a line at 45° as a slanted 1. Their strokes tell them apart.
A digit's ink path is at most about three times its bounding box's diagonal (a 0 is 2.2, an 8
about 2.8), while a scribble goes over the same place again and again; and real writers' 1s
drawn as one straight stroke are steep. `model.network.verdict.stroke_reason` turns these
numbers into a "not a digit" reason, with thresholds chosen on the validation writers.

Paths are resampled at a fixed share of the drawing's size before they are measured, so the
figures do not depend on how densely the mouse or the tablet sampled the stroke, on its size
or on a hand's small wobble.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: Resampling step as a share of the drawing's bounding-box diagonal.
STEP_SHARE = 0.04


@dataclass(frozen=True)
class StrokeShape:
    """`path_ratio`: the ink path's length over the bounding box's diagonal. `straightness`:
    for a drawing of one stroke, its path over the distance between its ends (1 for a straight
    stroke; None for several strokes). `slope`: that stroke's angle from horizontal, 0-90°."""

    path_ratio: float
    straightness: float | None
    slope: float | None


def _resampled(points: np.ndarray, step: float) -> np.ndarray:
    """Points every `step` along the polyline (its ends kept)."""
    if len(points) < 2:
        return points
    along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(points, axis=0).T))])
    if along[-1] <= step:
        return points[[0, -1]]
    at = np.append(np.arange(0.0, along[-1], step), along[-1])
    return np.column_stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])])


def _length(points: np.ndarray) -> float:
    return float(np.hypot(*np.diff(points, axis=0).T).sum()) if len(points) > 1 else 0.0


def stroke_shape(strokes: Sequence[np.ndarray]) -> StrokeShape | None:
    """The shape of strokes given as (n, 2) point arrays (any units, y either way); None when
    there is nothing to measure (no points, or all of them in one place: a dot)."""
    paths = [np.asarray(s, dtype=np.float64).reshape(-1, 2) for s in strokes]
    paths = [p for p in paths if len(p)]
    if not paths:
        return None
    every = np.concatenate(paths)
    diagonal = math.hypot(*np.ptp(every, axis=0))
    if diagonal <= 0.0:
        return None
    resampled = [_resampled(p, diagonal * STEP_SHARE) for p in paths]
    lengths = [_length(p) for p in resampled]
    ratio = sum(lengths) / diagonal
    if len(resampled) != 1:
        return StrokeShape(ratio, None, None)
    dx, dy = np.abs(resampled[0][-1] - resampled[0][0])
    chord = math.hypot(dx, dy)
    if chord <= 0.0:  # a closed loop
        return StrokeShape(ratio, math.inf, None)
    return StrokeShape(ratio, lengths[0] / chord, math.degrees(math.atan2(dy, dx)))
