"""Handwriting styles MNIST rarely has: the crossed 7 and the 1 with a flag and a base.

MNIST was written mostly by American writers; many people elsewhere cross their 7s and give
their 1s a flag (and sometimes a foot). A network trained on MNIST alone reads a flagged 1 as a 7
and a footed 1 as a 2. Training sees a share of the 1s and 7s redrawn in these styles, as if
some of MNIST's writers had been European: the extra strokes
are drawn onto the MNIST image with the digit's own stroke width, and the result goes back
through `preprocess`, so it is framed exactly as a drawing would be.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw

from model.drawing.preprocess import preprocess
from model.errors import TrainingCancelled

UP = 2  # draw at 2x for anti-aliased strokes (4x looks no different after preprocessing)


def _stroke_width(ink: np.ndarray) -> float:
    """Typical pen width of a digit: ink pixels per row where there is ink, capped."""
    per_row = ink.sum(axis=1)
    return float(np.clip(np.median(per_row[per_row > 0]), 1.5, 4.0))


def restyle(image: np.ndarray, label: int, rng: np.random.Generator) -> np.ndarray:
    """A European-style version of one MNIST 1 or 7 (uint8 28x28), as a float 28x28 image."""
    ink = image > 127
    rows = np.flatnonzero(ink.any(axis=1))
    if len(rows) < 4:
        return image.astype(np.float32) / 255.0
    top, bottom = rows[0], rows[-1]
    h = bottom - top + 1
    width = _stroke_width(ink) if label == 1 else min(_stroke_width(ink[top + h // 3 :]), 3.5)

    def x_at(row: int) -> float:
        return float(np.flatnonzero(ink[row]).mean())

    lines = []
    if label == 1:
        flag = rng.uniform(0.18, 0.3) * h
        x_top = x_at(top)
        lines.append(((x_top - flag, top + flag * rng.uniform(0.6, 1.0)), (x_top, top)))
        if rng.random() < 0.5:
            half = rng.uniform(0.12, 0.22) * h
            x_bottom = x_at(bottom)
            lines.append(((x_bottom - half, bottom), (x_bottom + half, bottom)))
    elif label == 7:
        mid = int(round(top + rng.uniform(0.45, 0.6) * h))
        if not ink[mid].any():
            return image.astype(np.float32) / 255.0
        half = rng.uniform(0.15, 0.25) * h
        x_mid = x_at(mid)
        lines.append(((x_mid - half, mid), (x_mid + half, mid)))
    else:
        return image.astype(np.float32) / 255.0

    margin = 8  # room for a flag or foot that reaches past the 28x28 field
    size = (28 + 2 * margin) * UP
    canvas = Image.new("L", (size, size), 0)
    canvas.paste(
        Image.fromarray(image).resize((28 * UP, 28 * UP), Image.Resampling.BILINEAR),
        (margin * UP, margin * UP),
    )
    draw = ImageDraw.Draw(canvas)
    for (x0, y0), (x1, y1) in lines:
        points = [
            ((x + 0.5 + margin) * UP, (y + 0.5 + margin) * UP) for x, y in ((x0, y0), (x1, y1))
        ]
        draw.line(points, fill=255, width=max(1, round(width * UP)))
        r = width * UP / 2
        for x, y in points:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return preprocess(np.asarray(canvas)).image28


def restyled_set(
    images: np.ndarray,
    labels: np.ndarray,
    fraction: float,
    seed: int = 0,
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """European-style versions of a random `fraction` of the 1s and 7s.

    Returns (indices into `images`, float 28x28 images). About 1 ms per image, so only the
    share that is used is made. Raises `TrainingCancelled` if `should_cancel` says so.
    """
    rng = np.random.default_rng(seed)
    candidates = np.flatnonzero((labels == 1) | (labels == 7))
    indices = candidates[rng.random(len(candidates)) < fraction]
    variants = np.zeros((len(indices), 28, 28), dtype=np.float32)
    for n, i in enumerate(indices):
        if should_cancel is not None and n % 256 == 0 and should_cancel():
            raise TrainingCancelled("training cancelled")
        variants[n] = restyle(images[i], int(labels[i]), rng)
    return indices, variants
