"""The fast pen pool: many random renders of pen samples, placed and drawn in batches.

Training draws each training writer's character several times at a random size, position,
pen width, rotation and slant (`model.data.pen_digits.render_training_pool`). Done one render
at a time through the canvas renderer that took ~2.2 ms a render (46.8 s for the shipped
recipe's 20,980); here a chunk of samples is transformed and placed with a handful of array
operations and drawn straight at the network's resolution by `model.drawing.fast_raster`,
which agrees with the canvas path to a few grey levels (tests/test_fast_raster.py).
tools/pen_pool_bench.py measures both.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from model.data.pen_sample import PenSample, screen_strokes
from model.data.unipen_text import PenDigit
from model.drawing.fast_raster import segments_to_fields


def random_renders(
    samples: Sequence[PenSample | PenDigit],
    variants: int,
    rng: np.random.Generator,
    size: int,
    height_range: tuple[float, float],
    pen_range: tuple[float, float],
    rotation: float,
    shear: float,
) -> np.ndarray:
    """(len(samples) * variants, 28, 28) images: `variants` renders of each sample in turn,
    each rotated by up to `rotation` degrees, slanted by up to `shear`, drawn with a pen of
    `pen_range` px on a `size` px canvas at a height of `height_range` of it, somewhere on it
    (the ranges of `place_randomly`), then preprocessed like the app."""
    if not samples:
        return np.zeros((0, 28, 28), dtype=np.float32)
    bases = [screen_strokes(s) for s in samples]
    points, seg_start, seg_end, seg_owner, point_owner = _flatten(bases)
    m = len(samples) * variants
    draws = rng.uniform(size=(m, 6))
    angle = np.radians((2 * draws[:, 0] - 1) * rotation)
    slant = (2 * draws[:, 1] - 1) * shear
    pen = pen_range[0] + draws[:, 2] * (pen_range[1] - pen_range[0])
    cos, sin = np.cos(angle), np.sin(angle)
    # rotation @ shear, as model.drawing.strokes.transform: x' = x + shear * y, then rotated
    matrix = np.stack(
        [np.stack([cos, cos * slant - sin], 1), np.stack([sin, sin * slant + cos], 1)], 1
    )  # (m, 2, 2)
    base_of = np.repeat(np.arange(len(samples)), variants)  # instance -> sample
    counts = np.bincount(point_owner, minlength=len(samples))
    first_point = np.cumsum(counts) - counts
    inst_counts = counts[base_of]
    inst_first = np.cumsum(inst_counts) - inst_counts
    owner = np.repeat(np.arange(m), inst_counts)  # point -> instance
    source_index = first_point[base_of][owner] + (np.arange(len(owner)) - inst_first[owner])
    pts = np.einsum("pij,pj->pi", matrix[owner], points[source_index])
    lo = np.minimum.reduceat(pts, inst_first, axis=0)
    hi = np.maximum.reduceat(pts, inst_first, axis=0)
    # place_randomly: a random height (of the points), shrunk to fit, at a random position
    w0, h0 = (hi - lo).T
    extent = np.where(h0 > 0.2 * w0, h0, np.maximum(w0, 1e-6))
    height = (height_range[0] + draws[:, 3] * (height_range[1] - height_range[0])) * size
    margin = pen / 2 + 1
    room = size - 2 * margin
    longest = np.maximum(w0, h0) * height / np.maximum(extent, 1e-6)
    height = np.where(longest > room, height * room / np.maximum(longest, 1e-12), height)
    k = height / np.maximum(extent, 1e-6)
    left = margin + draws[:, 4] * np.maximum(0.0, size - 2 * margin - w0 * k)
    top = margin + draws[:, 5] * np.maximum(0.0, size - 2 * margin - h0 * k)
    offset = np.stack([left, top], 1)
    placed = offset[owner] + (pts - lo[owner]) * k[owner, None]
    # segments of every instance: its sample's segments, moved to the instance's points
    seg_counts = np.bincount(seg_owner, minlength=len(samples))
    seg_first = np.cumsum(seg_counts) - seg_counts
    inst_segs = seg_counts[base_of]
    seg_inst = np.repeat(np.arange(m), inst_segs)
    within = np.arange(len(seg_inst)) - (np.cumsum(inst_segs) - inst_segs)[seg_inst]
    base_seg = seg_first[base_of][seg_inst] + within
    shift = inst_first[seg_inst] - first_point[base_of][seg_inst]
    starts = placed[seg_start[base_seg] + shift]
    ends = placed[seg_end[base_seg] + shift]
    return segments_to_fields(starts, ends, seg_inst, pen)


def _flatten(bases: list[list[np.ndarray]]) -> tuple[np.ndarray, ...]:
    """All points of all samples (sample-major), and each segment's start and end point
    index: consecutive points of a stroke, or a lone point twice (a dot)."""
    points, seg_start, seg_end, seg_owner, point_owner = [], [], [], [], []
    base = 0
    for i, strokes in enumerate(bases):
        for s in strokes:
            n = len(s)
            if n == 0:
                continue
            points.append(s)
            idx = base + np.arange(n)
            if n == 1:
                seg_start.append(idx)
                seg_end.append(idx)
            else:
                seg_start.append(idx[:-1])
                seg_end.append(idx[1:])
            seg_owner.append(np.full(max(n - 1, 1), i))
            point_owner.append(np.full(n, i))
            base += n
    if not points:
        raise ValueError("nothing to draw: every sample is empty")
    return (
        np.concatenate(points),
        np.concatenate(seg_start),
        np.concatenate(seg_end),
        np.concatenate(seg_owner),
        np.concatenate(point_owner),
    )
