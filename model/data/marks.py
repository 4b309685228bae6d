"""Marks that are not digits, drawn the way someone would draw them with a mouse on the canvas.

The network must learn, and be measured on, what it should answer "not a digit" for: a tap
(dot), a dash or a slanted line, a scribble, a zig-zag, a cross (x or +), a mark scratched out,
a circle with a cross in it. Each is a list of strokes in pixels of the 280 px canvas with a pen
width, random in size, place, slant and pen (seeded), and is drawn exactly as the canvas draws
(model/drawing/strokes.py), then preprocessed like the app.

What is left out on purpose: marks a careful reader takes for a digit. A vertical or steep
line is a 1, a plain circle a 0, a circle with a slash a slashed 0, two strokes like a "Z" a 2;
lines stay within 50 degrees of horizontal, zig-zags have four or more strokes, circles are
crossed both ways.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from model.drawing.fast_raster import strokes_to_fields
from model.drawing.preprocess import PAD, preprocess
from model.drawing.strokes import CANVAS, Points, render_strokes
from model.errors import NoInkError
from model.jobs import CancelCheck, check_cancel

#: The kinds of mark, in the order the evaluation reports them.
KINDS = ("dot", "line", "scribble", "zigzag", "cross", "crossed_out", "circle_cross")
#: Scribbles drawn other ways, for training only: a coil of loops, a filled-in blob, a wandering
#: line, a scribble of several strokes. The evaluation's scribbles (one generator, `KINDS`) were
#: the kind missed most (thick, closed tangles read as 0, 6 or 8), and a user's or another
#: generator's scribbles need not look like ours, so the network learns more than one way.
EXTRA_SCRIBBLES = ("coil", "blob", "walk", "strokes")
#: What a "varied" training pool draws (`TrainConfig.marks_style`), kinds in turn: every
#: evaluated kind, lines also drawn flatter (`_flat_line`), and scribbles of each style (half the
#: marks are scribble-like). The evaluation sets keep `KINDS` and seeds of their own.
TRAINING_KINDS = (
    "dot",
    "line",
    "scribble",
    "zigzag",
    "cross",
    "crossed_out",
    "circle_cross",
    "scribble",
    "scribble",
    "flat_line",
    *EXTRA_SCRIBBLES,
)
#: Scribbles made the way another program might generate them, measured, never trained on:
#: a random walk (every step in a random direction, like a pen jerked about) and random
#: points joined by straight strokes. They tell whether "not a digit" holds for scribbles
#: that do not come from this module's own generators (tools/stroke_check.py).
FOREIGN_SCRIBBLES = ("random_walk", "random_points")
#: The app's pen widths (px of the 280 px canvas) a mark is drawn with.
PEN_RANGE = (5.0, 40.0)
#: The fixed evaluation set: this seed, `EVAL_PER_KIND` marks of each kind.
EVAL_SEED = 20240611
EVAL_PER_KIND = 100


@dataclass(frozen=True)
class Mark:
    kind: str
    strokes: list[Points]  # canvas pixels, x right, y down
    pen_width: float


def _rotate(points: np.ndarray, angle: float) -> np.ndarray:
    c, s = math.cos(angle), math.sin(angle)
    return points @ np.array([[c, s], [-s, c]])


def _jitter(points: np.ndarray, rng: np.random.Generator, amount: float) -> np.ndarray:
    """A hand's wobble: each point moved a little (mouse strokes are never straight)."""
    return points + rng.normal(0.0, amount, points.shape)


def _segment(a: np.ndarray, b: np.ndarray, n: int = 8) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n)[:, None]
    return a + t * (b - a)


def _dot(rng: np.random.Generator) -> list[np.ndarray]:
    if rng.random() < 0.5:
        return [np.zeros((1, 2))]  # a tap: one point
    n = int(rng.integers(2, 6))  # a short blob: the mouse moved a few pixels while pressed
    return [np.cumsum(rng.normal(0.0, 2.0, (n, 2)), axis=0)]


def _line(rng: np.random.Generator, steepest: float = 50.0) -> list[np.ndarray]:
    angle = math.radians(rng.uniform(-steepest, steepest))  # at least 40 degrees from vertical
    length = 1.0
    pts = _segment(np.zeros(2), np.array([length, 0.0]), 12)
    pts[:, 1] += rng.normal(0.0, 0.01) * np.sin(np.linspace(0, math.pi, 12))  # a slight bow
    return [_rotate(pts, angle)]


def _scribble(rng: np.random.Generator) -> list[np.ndarray]:
    """A tangle: a sum of sinusoids in x and y with several frequencies (many turns). Each
    axis has one fast component, so a scribble never closes into a plain oval (a 0)."""
    n = int(rng.integers(50, 100))
    t = np.linspace(0.0, 1.0, n)
    xy = np.zeros((n, 2))
    for axis in range(2):
        for f in (rng.uniform(1.5, 4.0), rng.uniform(2.0, 6.0), rng.uniform(4.0, 8.0)):
            xy[:, axis] += rng.uniform(0.3, 1.0) * np.sin(2 * math.pi * f * t + rng.uniform(0, 7))
    xy[:, 0] += rng.uniform(-1.0, 1.0) * t  # drifts sideways as it goes
    return [xy]


def _flat_line(rng: np.random.Generator) -> list[np.ndarray]:
    """A training line: within 38 degrees of horizontal, so that training's own rotation and
    shear of every batch (up to 12 degrees and 0.2) keep it away from a slanted 1. Trained on
    lines up to 50 degrees, the network gave MNIST's slanted 1s "not a digit" scores near the
    threshold, and since no source may lose more than 1% of its digits, those 1s set the
    threshold for every other mark."""
    return _line(rng, steepest=38.0)


def _coil(rng: np.random.Generator) -> list[np.ndarray]:
    """Loops along a line, like a spring or a row of cursive e's: three or more turns that
    overlap, so it is neither a 0 nor an 8."""
    turns = rng.uniform(3.0, 7.0)
    n = int(turns * 16)
    t = np.linspace(0.0, 1.0, n)
    phase = 2 * math.pi * turns * t + rng.uniform(0, 2 * math.pi)
    radius = rng.uniform(0.5, 1.0)
    drift = rng.uniform(0.6, 2.5)  # overall length, in loop radii
    xy = np.column_stack(
        [
            drift * t * turns * 0.5 + radius * np.cos(phase),
            radius * rng.uniform(0.6, 1.4) * np.sin(phase),
        ]
    )
    return [_rotate(xy, rng.uniform(0.0, 2 * math.pi))]


def _blob(rng: np.random.Generator) -> list[np.ndarray]:
    """Round and round, spiralling in or out: an area filled with ink (a thick pen makes it
    one solid blob), never a single ring like a 0."""
    turns = rng.uniform(3.0, 8.0)
    n = int(turns * 14)
    t = np.linspace(0.0, 1.0, n)
    phase = 2 * math.pi * turns * t * rng.choice([-1.0, 1.0])
    inner = rng.uniform(0.0, 0.25)
    radius = inner + (1.0 - inner) * (t if rng.random() < 0.5 else 1.0 - t)
    radius = np.clip(radius + rng.normal(0.0, 0.05, n), 0.0, 1.1)
    centre = np.cumsum(rng.normal(0.0, 0.03, (n, 2)), axis=0)
    aspect = rng.uniform(0.6, 1.6)
    return [np.column_stack([radius * np.cos(phase) * aspect, radius * np.sin(phase)]) + centre]


def _walk(rng: np.random.Generator) -> list[np.ndarray]:
    """A line that wanders and turns sharply and often, crossing itself: its heading changes
    at random by many full turns in all (a gentle wander could be a 1, 2 or S)."""
    n = int(rng.integers(100, 180))
    turn_rate = rng.normal(0.0, 1.0, n)  # radians a step, smoothed below
    kernel = np.ones(4) / 4
    heading = np.cumsum(np.convolve(turn_rate, kernel, mode="same")) + rng.uniform(0, 2 * math.pi)
    steps = np.column_stack([np.cos(heading), np.sin(heading)]) * rng.uniform(0.5, 1.5, (n, 1))
    return [np.cumsum(steps, axis=0)]


def _strokes(rng: np.random.Generator) -> list[np.ndarray]:
    """Scribbling with the pen lifted between strokes: two to four tangles or wanders over the
    same area."""
    parts = []
    for _ in range(int(rng.integers(2, 5))):
        part = (_scribble if rng.random() < 0.5 else _walk)(rng)[0]
        part = (part - part.min(0)) / max(float(np.ptp(part, 0).max()), 1e-6)
        parts.append(part * rng.uniform(0.5, 1.0) + rng.uniform(0.0, 0.5, 2))
    return parts


def _random_walk(rng: np.random.Generator) -> list[np.ndarray]:
    """Steps of random length in random directions: a pen jerked about, turning sharply at
    almost every step."""
    return [np.cumsum(rng.normal(0.0, 1.0, (int(rng.integers(30, 120)), 2)), axis=0)]


def _random_points(rng: np.random.Generator) -> list[np.ndarray]:
    """Eight to fifteen random points in a box, joined in turn by straight strokes."""
    corners = rng.uniform(0.0, 1.0, (int(rng.integers(8, 16)), 2))
    return [np.concatenate([_segment(a, b)[:-1] for a, b in zip(corners, corners[1:])])]


def _zigzag(rng: np.random.Generator) -> list[np.ndarray]:
    teeth = int(rng.integers(4, 10))  # four or more strokes: not a Z, N or 2
    x = np.linspace(0.0, 1.0, teeth + 1)
    y = np.where(np.arange(teeth + 1) % 2 == 0, 0.0, 1.0) * rng.uniform(0.25, 0.8)
    pts = np.column_stack([x, y]) + rng.normal(0.0, 0.02, (teeth + 1, 2))
    angle = math.radians(rng.choice([rng.uniform(-25, 25), rng.uniform(65, 115)]))
    return [_rotate(pts, angle)]


def _cross(rng: np.random.Generator) -> list[np.ndarray]:
    base = rng.choice([0.0, 45.0]) + rng.uniform(-12.0, 12.0)  # + or x
    strokes = []
    for k in range(2):
        a = math.radians(base + 90.0 * k + rng.uniform(-8.0, 8.0))
        half = rng.uniform(0.4, 0.5)
        d = np.array([math.cos(a), math.sin(a)]) * half
        offset = rng.normal(0.0, 0.04, 2)  # arms cross near their middles
        strokes.append(_segment(-d + offset, d + offset, 10))
    return strokes


def _hatching(rng: np.random.Generator, passes: int) -> np.ndarray:
    """Back-and-forth scratching over the unit box: one stroke, `passes` long strokes."""
    ys = np.linspace(0.1, 0.9, passes) + rng.normal(0.0, 0.04, passes)
    pts = []
    for i, y in enumerate(ys):
        x0, x1 = rng.uniform(-0.1, 0.1), rng.uniform(0.9, 1.1)
        pts += [(x0, y), (x1, y + rng.uniform(-0.15, 0.15))][:: 1 if i % 2 == 0 else -1]
    return np.array(pts)


def _crossed_out(rng: np.random.Generator) -> list[np.ndarray]:
    """A mark scratched over: a scribble or a loop underneath, dense hatching on top."""
    if rng.random() < 0.5:
        under = _scribble(rng)[0]
    else:  # a loopy shape, like a digit's body
        t = np.linspace(0.0, 2 * math.pi, 40)
        under = np.column_stack([np.cos(t) * rng.uniform(0.5, 1.0), np.sin(2 * t) * 0.8 + t / 6])
    under = (under - under.min(0)) / np.maximum(np.ptp(under, 0), 1e-6)
    angle = math.radians(rng.uniform(-30.0, 30.0))
    hatch = _rotate(_hatching(rng, int(rng.integers(5, 10))) - 0.5, angle) + 0.5
    return [under, hatch]


def _circle_cross(rng: np.random.Generator) -> list[np.ndarray]:
    """A circle crossed both ways (a circle with a single slash is a slashed 0: left out)."""
    t = np.linspace(0.0, 2 * math.pi * rng.uniform(1.0, 1.1), 36)
    circle = np.column_stack([np.cos(t), np.sin(t) * rng.uniform(0.8, 1.2)]) * 0.5
    return [circle, *(s * 1.15 for s in _cross(rng))]


_SHAPES: dict[str, Callable[[np.random.Generator], list[np.ndarray]]] = {
    "dot": _dot,
    "line": _line,
    "scribble": _scribble,
    "zigzag": _zigzag,
    "cross": _cross,
    "crossed_out": _crossed_out,
    "circle_cross": _circle_cross,
    "flat_line": _flat_line,
    "coil": _coil,
    "blob": _blob,
    "walk": _walk,
    "strokes": _strokes,
    "random_walk": _random_walk,
    "random_points": _random_points,
}


def make_mark(kind: str, rng: np.random.Generator, size: int = CANVAS) -> Mark:
    """One mark of `kind`, at a random size, place, angle and pen on a `size` px canvas."""
    k = size / CANVAS
    pen = rng.uniform(*PEN_RANGE) * k
    strokes = _SHAPES[kind](rng)
    if kind == "dot":
        extent = 0.0
    elif kind in ("line", "flat_line"):
        extent = rng.uniform(0.15, 0.9) * size  # short dashes to long strokes
    else:
        extent = rng.uniform(0.3, 0.85) * size
    pts = np.concatenate(strokes)
    lo, hi = pts.min(0), pts.max(0)
    scale = extent / max(float((hi - lo).max()), 1e-6)
    placed = [(s - lo) * scale for s in strokes]
    span = (hi - lo) * scale
    margin = pen / 2 + 1
    corner = np.array([rng.uniform(margin, max(margin, size - margin - span[i])) for i in range(2)])
    wobble = 0.004 * size if kind != "dot" else 0.0
    placed = [_jitter(s + corner, rng, wobble) if len(s) > 1 else s + corner for s in placed]
    return Mark(kind, [np.clip(s, 0.0, size - 1.0) for s in placed], float(pen))


def make_marks(
    count: int, seed: int = 0, kinds: tuple[str, ...] = KINDS, size: int = CANVAS
) -> list[Mark]:
    """`count` marks, kinds taken in turn, seeded."""
    rng = np.random.default_rng(seed)
    return [make_mark(kinds[i % len(kinds)], rng, size) for i in range(count)]


def evaluation_marks(per_kind: int = EVAL_PER_KIND, seed: int = EVAL_SEED) -> list[Mark]:
    """The fixed evaluation set: `per_kind` marks of each kind, on the real canvas size."""
    return make_marks(per_kind * len(KINDS), seed)


def render_marks(marks: list[Mark], size: int = CANVAS) -> np.ndarray:
    """(N, 28, 28) float32: each mark drawn like the canvas and preprocessed like the app.

    A mark with too little ink to read (cannot happen with the pen widths above, but a caller
    may pass its own) is kept as an empty image rather than dropped, so rows match `marks`."""
    images = np.zeros((len(marks), 28, 28), dtype=np.float32)
    for i, mark in enumerate(marks):
        try:
            images[i] = preprocess(render_strokes(mark.strokes, size, mark.pen_width)).image28
        except NoInkError:
            continue
    return images


def draw_marks(
    marks: list[Mark], should_cancel: CancelCheck | None = None, chunk: int = 256
) -> np.ndarray:
    """`render_marks` for training pools: the same images to a few grey levels, drawn straight
    at the network's resolution by the fast pen pool's rasteriser
    (model/drawing/fast_raster.py, ~0.15 ms a mark instead of ~3 ms), a chunk at a time
    between cancel checks."""
    parts = [np.zeros((0, 28, 28), dtype=np.float32)]
    for i in range(0, len(marks), chunk):
        check_cancel(should_cancel, "drawing the generated marks")
        part = marks[i : i + chunk]
        parts.append(strokes_to_fields([m.strokes for m in part], [m.pen_width for m in part]))
    return np.concatenate(parts)


def unit_tensor(image28: np.ndarray) -> torch.Tensor:
    """(N, 1, 32, 32) in [0, 1], padded like the training images."""
    t = torch.from_numpy(np.ascontiguousarray(image28, dtype=np.float32))
    return torch.nn.functional.pad(t, (PAD, PAD, PAD, PAD)).unsqueeze(1)
