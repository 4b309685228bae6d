"""What fine-tuning feeds the network: the user's drawings re-rendered, the replay of real pen
digits, and the fair held-out split. Kept apart from the loop (model/training/finetune.py) because
the
benchmark and the GUI's collection view use the same renders.

A kept drawing is vectors on the 280 px canvas, so it is drawn again the way the user might
draw it next time: another size and place on the canvas, another pen width, a small rotation
and slant (model/drawing/strokes.py), then the app's preprocessing (model/drawing/preprocess.py).
What the
network is measured on is the drawing exactly as it was drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch.nn import functional as F

from model.config import FinetuneConfig, Normalization
from model.data.pen_digits import POOL_CANVAS, POOL_HEIGHT, POOL_PEN, render_training_pool
from model.data.unipen_text import PenDigit
from model.drawing.preprocess import PAD, preprocess
from model.drawing.strokes import CANVAS, place_randomly, render_strokes, transform
from model.errors import NoInkError

if TYPE_CHECKING:  # loop imports this module; a Drawing is only read here
    from model.data.collection import Drawing
    from model.training.loop import TrainingData

CancelCheck = Callable[[], bool]


def as_drawn(drawing: Drawing, normalization: Normalization) -> np.ndarray:
    """(32, 32) network input of the drawing as it was drawn on the canvas."""
    raster = render_strokes(drawing.strokes, CANVAS, drawing.pen_width)
    return preprocess(raster, normalization).network_input


def as_drawn_batch(drawings: Sequence, normalization: Normalization) -> torch.Tensor:
    """(N, 1, 32, 32) normalised inputs of the drawings as drawn (what the app would read)."""
    if not drawings:
        return torch.zeros((0, 1, 32, 32))
    return torch.from_numpy(np.stack([as_drawn(d, normalization) for d in drawings]))[:, None]


def render_variants(
    drawings: Sequence,
    variants: int,
    config: FinetuneConfig,
    rng: np.random.Generator,
    cancel: CancelCheck | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """`variants` random renders of each drawing: (M, 1, 32, 32) in [0, 1] and labels (M,).

    Rendered at half the canvas size (the same picture after preprocessing, 3x faster)."""
    k = POOL_CANVAS / CANVAS
    images, labels = [], []
    for drawing in drawings:
        if cancel is not None and cancel():
            return _empty()
        for _ in range(variants):
            strokes = transform(
                drawing.strokes,
                rng.uniform(-config.rotation_deg, config.rotation_deg),
                rng.uniform(-config.shear, config.shear),
            )
            pen = rng.uniform(*POOL_PEN) * k
            placed = place_randomly(strokes, rng, POOL_HEIGHT, pen, POOL_CANVAS)
            try:
                images.append(preprocess(render_strokes(placed, POOL_CANVAS, pen)).image28)
            except NoInkError:  # a speck drawn tiny: skip this render
                continue
            labels.append(drawing.label)
    if not images:
        return _empty()
    x = F.pad(torch.from_numpy(np.stack(images)), (PAD, PAD, PAD, PAD)).unsqueeze(1)
    return x, torch.tensor(labels, dtype=torch.long)


def _empty() -> tuple[torch.Tensor, torch.Tensor]:
    return torch.zeros((0, 1, 32, 32)), torch.zeros((0,), dtype=torch.long)


_pen_cache: dict[tuple, tuple[torch.Tensor, torch.Tensor]] = {}


def pen_replay(
    digits: Sequence[PenDigit] | None, count: int, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor] | None:
    """`count` real pen digits (a seeded random choice), rendered like the training pool;
    None without any. Kept for the next call with the same digits (a GUI fine-tunes again)."""
    if not digits or count <= 0:
        return None
    key = (id(digits), len(digits), count, seed)
    if key not in _pen_cache:
        rng = np.random.default_rng(seed)
        chosen = rng.choice(len(digits), size=min(count, len(digits)), replace=False)
        pool = render_training_pool([digits[i] for i in sorted(chosen)], 1, seed)
        _pen_cache.clear()  # one entry: the set a session works with
        _pen_cache[key] = (pool.unit_tensor(), torch.from_numpy(pool.labels))
    return _pen_cache[key]


_marks_cache: dict[tuple[int, int], torch.Tensor] = {}


def marks_replay(count: int, seed: int = 0) -> torch.Tensor | None:
    """`count` generated non-digit marks (model/data/marks.py) drawn like the training pool, so
    fine-tuning a network with a "not a digit" head keeps the head's view of non-digits;
    None for 0. Kept for the next call (drawn by the fast rasteriser, under 1 ms each)."""
    if count <= 0:
        return None
    if (count, seed) not in _marks_cache:
        from model.data import marks

        generated = marks.make_marks(count, seed, marks.TRAINING_KINDS, size=POOL_CANVAS)
        drawn = marks.draw_marks(generated)
        _marks_cache.clear()
        _marks_cache[(count, seed)] = marks.unit_tensor(drawn)
    return _marks_cache[(count, seed)]


def model_has_head(model: torch.nn.Module) -> bool:
    """Whether the network has the "not a digit" head (model/network/lenet.py)."""
    return getattr(model, "reject", None) is not None


def split_held_out(drawings: Sequence, seed: int = 0) -> tuple[list, list]:
    """(taught, held_out): one drawing of each label that has two or more is held out (a
    seeded choice), so "after" is measured on drawings the network was not taught. With no
    label kept twice, nothing is held out ([], and the caller says so)."""
    rng = np.random.default_rng(seed)
    by_label: dict[int, list[int]] = {}
    for i, d in enumerate(drawings):
        by_label.setdefault(d.label, []).append(i)
    held = {int(rng.choice(idx)) for idx in by_label.values() if len(idx) >= 2}
    taught = [d for i, d in enumerate(drawings) if i not in held]
    return taught, [d for i, d in enumerate(drawings) if i in held]


def include_drawings(
    data: TrainingData,
    drawings: Sequence,
    variants: int = 32,
    seed: int = 0,
    cancel: CancelCheck | None = None,
) -> int:
    """The Retrain dialog's "include my drawings": add `variants` renders of each drawing to
    the training data's pen pool (made first with `add_pen_digits` when there are pen
    digits), so full training mixes them in with the real pen digits. Returns how many renders
    were added. The pool is marked so that the next `add_pen_digits` draws it afresh."""
    x, y = render_variants(
        drawings, variants, FinetuneConfig(), np.random.default_rng(seed), cancel
    )
    if not len(x):
        return 0
    if data.pen_x is None or data.pen_y is None:
        data.pen_x, data.pen_y = x, y
    else:
        data.pen_x = torch.cat([data.pen_x, x])
        data.pen_y = torch.cat([data.pen_y, y])
    data.pen_key = ("with drawings", *(data.pen_key or ()), len(drawings), variants, seed)
    return len(x)
