"""A drawn-digit test set: MNIST test digits redrawn as pen strokes, the way the canvas draws.

MNIST accuracy alone over-states how well a network reads a mouse drawing: canvas strokes have
a uniform pen width, sharp edges and arbitrary size and position. To measure that, each MNIST
test digit is thinned to a one-pixel skeleton, traced into stroke paths, and redrawn with a
round pen on a canvas-sized raster at a random size, position and pen width, anti-aliased.
The same paths drive the GUI tests' mouse events, so tests draw real handwriting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image, ImageDraw
from torch.nn import functional as F

CANVAS = 280
UPSAMPLE = 2  # skeletons are taken at 56x56 for smoother strokes

Path = list[tuple[float, float]]  # (x, y) points in digit units: [0, 1] of the 28x28 field


def thin(binary: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of a batch (N, H, W) of boolean images to 1-px skeletons."""
    img = np.pad(np.asarray(binary, dtype=np.uint8), ((0, 0), (1, 1), (1, 1)))
    while True:
        changed = False
        for step in (0, 1):
            p = img
            p2, p3, p4 = p[:, :-2, 1:-1], p[:, :-2, 2:], p[:, 1:-1, 2:]
            p5, p6, p7 = p[:, 2:, 2:], p[:, 2:, 1:-1], p[:, 2:, :-2]
            p8, p9 = p[:, 1:-1, :-2], p[:, :-2, :-2]
            ring = [p2, p3, p4, p5, p6, p7, p8, p9, p2]
            neighbours = sum(r.astype(np.int16) for r in ring[:8])
            transitions = sum(
                ((a == 0) & (b == 1)).astype(np.int16) for a, b in zip(ring, ring[1:])
            )
            if step == 0:
                cond = (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
            else:
                cond = (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
            remove = (
                (p[:, 1:-1, 1:-1] == 1)
                & (neighbours >= 2)
                & (neighbours <= 6)
                & (transitions == 1)
                & cond
            )
            if remove.any():
                changed = True
                img[:, 1:-1, 1:-1][remove] = 0
        if not changed:
            return img[:, 1:-1, 1:-1].astype(bool)


_STEPS = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]


def trace_paths(skeleton: np.ndarray) -> list[list[tuple[int, int]]]:
    """Cover every edge of a skeleton (H, W bool) with polylines of (row, col) pixels."""
    pixels = set(zip(*np.nonzero(skeleton)))
    pixels = {(int(r), int(c)) for r, c in pixels}
    neighbours = {
        p: [(p[0] + dr, p[1] + dc) for dr, dc in _STEPS if (p[0] + dr, p[1] + dc) in pixels]
        for p in pixels
    }
    used: set[frozenset] = set()
    paths = []

    def free(p: tuple[int, int]) -> list[tuple[int, int]]:
        return [q for q in neighbours[p] if frozenset((p, q)) not in used]

    # start at ends (odd degree) first so strokes run end to end, like a pen
    order = sorted(pixels, key=lambda p: (len(neighbours[p]) % 2 == 0, p))
    for start in order:
        while free(start):
            path, current, heading = [start], start, None
            while True:
                options = free(current)
                if not options:
                    break
                if heading is not None:  # keep going straight where possible
                    options.sort(
                        key=lambda q: (
                            -((q[0] - current[0]) * heading[0] + (q[1] - current[1]) * heading[1])
                        )
                    )
                nxt = options[0]
                used.add(frozenset((current, nxt)))
                heading = (nxt[0] - current[0], nxt[1] - current[1])
                path.append(nxt)
                current = nxt
            paths.append(path)
    isolated = [p for p in pixels if not neighbours[p]]
    paths.extend([[p] for p in isolated])
    return paths


def digit_strokes(image28: np.ndarray) -> list[Path]:
    """Stroke paths of one MNIST digit (uint8 28x28), in field units (x, y) in [0, 1]."""
    t = torch.from_numpy(np.asarray(image28, dtype=np.float32) / 255.0)[None, None]
    big = F.interpolate(t, scale_factor=UPSAMPLE, mode="bilinear", align_corners=False)[0, 0]
    skeleton = thin((big.numpy() > 0.5)[None])[0]
    size = 28 * UPSAMPLE
    return [
        smooth([((c + 0.5) / size, (r + 0.5) / size) for r, c in path])
        for path in trace_paths(skeleton)
    ]


def smooth(path: Path) -> Path:
    """A [1, 2, 1] filter over the interior points: removes the pixel staircase of a skeleton."""
    if len(path) < 3:
        return path
    inner = [
        ((a[0] + 2 * b[0] + c[0]) / 4, (a[1] + 2 * b[1] + c[1]) / 4)
        for a, b, c in zip(path, path[1:], path[2:])
    ]
    return [path[0], *inner, path[-1]]


def place_strokes(strokes: list[Path], left: float, top: float, size: float) -> list[Path]:
    """Scale strokes so the ink's longer side spans `size` px, its box's corner at (left, top)."""
    xs = [x for s in strokes for x, _ in s]
    ys = [y for s in strokes for _, y in s]
    x0, y0 = min(xs), min(ys)
    k = size / max(max(xs) - x0, max(ys) - y0, 1e-6)
    return [[(left + (x - x0) * k, top + (y - y0) * k) for x, y in s] for s in strokes]


def stroke_extent(strokes: list[Path]) -> tuple[float, float]:
    """(width, height) of the strokes' box relative to its longer side."""
    xs = [x for s in strokes for x, _ in s]
    ys = [y for s in strokes for _, y in s]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    longest = max(w, h, 1e-6)
    return w / longest, h / longest


def render_strokes(strokes: list[Path], pen_width: float, size: int = CANVAS) -> np.ndarray:
    """Anti-aliased white-on-black raster (uint8, size x size) of round-pen strokes."""
    ss = 3  # supersampling factor
    image = Image.new("L", (size * ss, size * ss), 0)
    draw = ImageDraw.Draw(image)
    w = pen_width * ss
    r = w / 2
    for stroke in strokes:
        pts = [(x * ss, y * ss) for x, y in stroke]
        if len(pts) > 1:
            draw.line(pts, fill=255, width=max(1, round(w)), joint="curve")
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return np.asarray(image.resize((size, size), Image.Resampling.BOX))


@dataclass(frozen=True)
class DrawnSet:
    rasters: np.ndarray  # (N, CANVAS, CANVAS) uint8, white ink on black
    labels: np.ndarray  # (N,)
    pen_widths: np.ndarray  # (N,) px
    sizes: np.ndarray  # (N,) px, the ink's longer side


def add_european_strokes(strokes: list[Path], label: int, rng: np.random.Generator) -> list[Path]:
    """Give a 7 a crossed stem, or a 1 a flag and maybe a base: styles MNIST rarely has."""
    points = [pt for s in strokes for pt in s]
    ys = [y for _, y in points]
    y_top, y_bottom = min(ys), max(ys)
    h = max(y_bottom - y_top, 1e-6)
    if label == 1:
        x_top = min(points, key=lambda p: p[1])[0]
        x_bottom = max(points, key=lambda p: p[1])[0]
        flag = rng.uniform(0.18, 0.3) * h
        extra = [[(x_top - flag, y_top + flag * rng.uniform(0.6, 1.0)), (x_top, y_top)]]
        if rng.random() < 0.5:
            half = rng.uniform(0.12, 0.22) * h
            extra.append([(x_bottom - half, y_bottom), (x_bottom + half, y_bottom)])
        return strokes + extra
    if label == 7:
        y_mid = y_top + rng.uniform(0.45, 0.6) * h
        stem = [p for p in points if p[1] > y_top + 0.25 * h]
        if not stem:
            return strokes
        x_mid = min(stem, key=lambda p: abs(p[1] - y_mid))[0]
        half = rng.uniform(0.15, 0.25) * h
        return strokes + [[(x_mid - half, y_mid), (x_mid + half, y_mid)]]
    return strokes


def make_drawn_set(
    images: np.ndarray,
    labels: np.ndarray,
    count: int,
    seed: int = 0,
    european: float = 0.5,
) -> DrawnSet:
    """Redraw `count` digits at random heights, positions and pen widths (seeded).

    A fraction `european` of the 1s and 7s get a flag/base or a crossed stem, as many people
    outside North America write them.
    """
    rng = np.random.default_rng(seed)
    picks = rng.choice(len(images), size=min(count, len(images)), replace=False)
    rasters, pens, heights = [], [], []
    for i in picks:
        strokes = digit_strokes(images[i])
        if labels[i] in (1, 7) and rng.random() < european:
            strokes = add_european_strokes(strokes, int(labels[i]), rng)
        size = rng.uniform(60, 230)
        pen = min(rng.uniform(8, 28), 0.3 * size)
        rel_w, rel_h = stroke_extent(strokes)
        margin = pen / 2 + 1
        left = rng.uniform(margin, CANVAS - margin - rel_w * size)
        top = rng.uniform(margin, CANVAS - margin - rel_h * size)
        rasters.append(render_strokes(place_strokes(strokes, left, top, size), pen))
        pens.append(pen)
        heights.append(size)
    return DrawnSet(np.stack(rasters), labels[picks], np.array(pens), np.array(heights))
