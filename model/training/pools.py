"""The pen pools a full training run draws once: real pen digits of every source's training
writers, and the non-digits the "not a digit" head learns from.

Every pen source is read into `PenSample`s with y pointing down (model/data/pen_sample.py) and
split by writer (model/data/pen_split.py); only training writers are drawn here, each at a
random size, place, pen width, rotation and slant by the fast pen pool
(`model.data.pen_digits.render_training_pool`), preprocessed like the app. The non-digits are
UNIPEN letters and symbols that do not look like a
digit (`digit_like` false; the digit-like ones, O, l, S, Z…, are left out of both sides) and
generated marks (model/data/marks.py: the evaluated kinds, or with `TrainConfig.marks_style`
"varied" more ways of scribbling too, `TRAINING_KINDS`, drawn by the fast rasteriser).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from model.config import TrainConfig
from model.data import marks
from model.data.pen_digits import POOL_CANVAS, RenderedSet, render_training_pool
from model.data.pen_sample import PenSample
from model.jobs import CancelCheck, ProgressCallback, report


def render_samples(
    samples: Sequence[PenSample],
    variants: int,
    seed: int = 0,
    should_cancel: CancelCheck | None = None,
    on_progress: ProgressCallback | None = None,
) -> RenderedSet:
    """`variants` random renders of each sample (any source) by the fast pen pool
    (`model.data.pen_digits.render_training_pool`); labels are the digit, or -1 for a letter or
    symbol. `on_progress(done, total)` counts samples drawn."""
    return render_training_pool(list(samples), variants, seed, should_cancel, on_progress)


def digit_pool(
    samples: Sequence[PenSample],
    config: TrainConfig,
    seed: int = 0,
    should_cancel: CancelCheck | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Training writers' digits of every source: (M, 1, 32, 32) in [0, 1] and labels.
    `on_progress(done, total)` counts the digits drawn over all sources (a GUI shows how far
    the drawing is before the first batch)."""
    parts = []
    chosen_by_source = []
    for source, variants in (("uci", config.pen_variants), ("unipen", config.unipen_variants)):
        chosen = [s for s in samples if s.source == source and s.is_digit]
        if chosen and variants:
            chosen_by_source.append((chosen, variants))
    total = sum(len(chosen) for chosen, _ in chosen_by_source)
    done = 0
    for chosen, variants in chosen_by_source:
        offset = done
        parts.append(
            render_samples(
                chosen,
                variants,
                seed,
                should_cancel,
                lambda d, _t, offset=offset: report(on_progress, offset + d, total),
            )
        )
        done += len(chosen)
    if not parts:
        return torch.zeros((0, 1, 32, 32)), torch.zeros((0,), dtype=torch.long)
    x = torch.cat([p.unit_tensor() for p in parts])
    y = torch.cat([torch.from_numpy(p.labels) for p in parts])
    return x, y


def nondigit_pool(
    letters: Sequence[PenSample],
    config: TrainConfig,
    seed: int = 0,
    should_cancel: CancelCheck | None = None,
    on_progress: ProgressCallback | None = None,
) -> torch.Tensor:
    """Non-digit-like letters and symbols of training writers plus generated marks, drawn on
    the pool's half-size canvas: (K, 1, 32, 32) in [0, 1]. `on_progress(done, total)` counts
    the letters and symbols drawn (the marks after them take a moment)."""
    chosen = [s for s in letters if not s.is_digit and not s.digit_like]
    parts = []
    if chosen and config.letter_variants:
        rendered = render_samples(chosen, config.letter_variants, seed, should_cancel, on_progress)
        parts.append(rendered.unit_tensor())
    if config.marks and config.marks_style == "varied":
        kinds = marks.TRAINING_KINDS
        generated = marks.make_marks(config.marks, seed + 1, kinds, size=POOL_CANVAS)
        parts.append(marks.unit_tensor(marks.draw_marks(generated, should_cancel)))
    elif config.marks:  # the evaluated kinds on the canvas path: the shipped weights' pool
        generated = marks.make_marks(config.marks, seed + 1, size=POOL_CANVAS)
        parts.append(marks.unit_tensor(marks.render_marks(generated, POOL_CANVAS)))
    return torch.cat(parts) if parts else torch.zeros((0, 1, 32, 32))
