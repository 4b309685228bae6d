"""What a drawing's strokes say that its pixels hide: how far the pen travelled, how often it
turned sharply, and whether the drawing is one straight stroke and at what slope.

The network reads a 32x32 raster, and some marks look like digits there: a tangle that closes
into a blob reads as 0, 6 or 8, a line at 45° as a slanted 1. Their strokes tell them apart.
A digit's ink path is at most about three times its bounding box's diagonal (a 0 is 2.2, an 8
about 2.8), while a scribble goes over the same place again and again; a digit turns sharply
a few times at most (a 4 drawn in one stroke: two or three corners), while a pen jerked about at
random turns sharply at every step; and real writers' 1s drawn as one straight stroke are
steep. `model.network.verdict.stroke_reason` turns these numbers into a "not a digit" reason,
with thresholds chosen on the validation writers.

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
#: A sharp turn: the heading changes by more than this over two resampled steps.
SHARP_TURN_DEGREES = 100.0


@dataclass(frozen=True)
class StrokeShape:
    """`path_ratio`: the ink path's length over the bounding box's diagonal. `straightness`:
    for a drawing of one stroke, its path over the distance between its ends (1 for a straight
    stroke; None for several strokes). `slope`: that stroke's angle from horizontal, 0-90°.
    `sharp_turns`: corners sharper than `SHARP_TURN_DEGREES`, over every stroke (a run of sharp
    steps is one corner)."""

    path_ratio: float
    straightness: float | None
    slope: float | None
    sharp_turns: int = 0


def _resampled(points: np.ndarray, step: float) -> np.ndarray:
    """Points every `step` along the polyline (its ends kept)."""
    if len(points) < 2:
        return points
    along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(points, axis=0).T))])
    if along[-1] <= step:
        return points[[0, -1]]
    at = np.append(np.arange(0.0, along[-1], step), along[-1])
    return np.column_stack([np.interp(at, along, points[:, 0]), np.interp(at, along, points[:, 1])])


def _sharp_turns(points: np.ndarray) -> int:
    """Corners of a resampled path: places where its heading turns by more than
    `SHARP_TURN_DEGREES` over two steps (two steps, so a corner cut by the resampling across
    two points still counts), each run of such places counted once."""
    if len(points) < 3:
        return 0
    heading = np.arctan2(*np.diff(points, axis=0)[:, ::-1].T)
    turn = np.angle(np.exp(1j * np.diff(heading)))  # signed, in (-pi, pi]
    over_two = np.abs(turn[:-1] + turn[1:]) if len(turn) > 1 else np.abs(turn)
    sharp = over_two > math.radians(SHARP_TURN_DEGREES)
    return int(sharp[0]) + int(np.count_nonzero(sharp[1:] & ~sharp[:-1]))


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
    turns = sum(_sharp_turns(p) for p in resampled)
    if len(resampled) != 1:
        return StrokeShape(ratio, None, None, turns)
    dx, dy = np.abs(resampled[0][-1] - resampled[0][0])
    chord = math.hypot(dx, dy)
    if chord <= 0.0:  # a closed loop
        return StrokeShape(ratio, math.inf, None, turns)
    return StrokeShape(ratio, lengths[0] / chord, math.degrees(math.atan2(dy, dx)), turns)
