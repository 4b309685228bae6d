"""The real pen-digit set: where it lives, how it is split by writer, and how it is drawn.

MNIST is scanned pencil writing; people drawing on the canvas write differently. The UCI
pen-digits set (30 writers, on-line strokes; ../shared/data/pendigits/README.md) is real pen
writing, so it is used to train and, above all, to measure: always by writer, never one
writer's digits on both sides of a split, because a network that has seen a writer reads that
writer's other digits far better than a stranger's.

Folder rules, like MNIST's: an explicit `--pen-dir`, else `$LENET_LENS_PEN_DATA`, else the
per-user cache (`~/.cache/lenet-lens/pendigits`), else `../shared/data/pendigits` beside the
checkout. Absent everywhere: training runs on MNIST alone and says so.

The pool and evaluation functions here take any pen source's samples (`PenSample`, see
model/data/pen_sources.py for UNIPEN beside this set, model/data/pen_split.py for the one
split of all of them) as well as this reader's `PenDigit`s.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from model.data.pen_pool import random_renders
from model.data.pen_sample import PenSample, digit_label_of, screen_strokes, writer_of
from model.data.pen_split import UCI_TEST_WRITERS, UCI_VALIDATION_WRITERS
from model.data.unipen_text import PenDigit, parse_unipen, read_text
from model.drawing.fast_raster import strokes_to_fields
from model.drawing.preprocess import PAD, preprocess
from model.drawing.strokes import (
    CANVAS,
    DEFAULT_PEN_WIDTH,
    normalized_pen_width,
    place_randomly,
    render_strokes,
)
from model.errors import DataError
from model.files.user_dirs import user_cache_dir
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report

ENV_VAR = "LENET_LENS_PEN_DATA"
FILE_NAMES = ("pendigits-orig.tra.gz", "pendigits-orig.tra")
#: sha256 of the decompressed canonical file (UCI data set 81, training part)
SHA256 = "a66225d68d7d68591e62944df1ad33b3f5aa608e2df2505844b41f5568a80da4"

#: Writers never trained on by the shipped weights: the figure the README reports
#: (the UCI part of the one split of every pen source, model/data/pen_split.py).
TEST_WRITERS = UCI_TEST_WRITERS
#: Writers held out too, to fit the temperature on (never the reported test writers).
CALIBRATION_WRITERS = UCI_VALIDATION_WRITERS
#: The app's pen widths the evaluation also reports (raster px of the 280 px canvas).
EVAL_PEN_WIDTHS = (8.0, DEFAULT_PEN_WIDTH, 36.0)


def candidate_dirs(pen_dir: str | os.PathLike | None = None) -> list[Path]:
    """Where the pen digits are looked for, in order."""
    if pen_dir:
        return [Path(pen_dir).expanduser()]
    out = []
    if os.environ.get(ENV_VAR):
        out.append(Path(os.environ[ENV_VAR]).expanduser())
    out.append(user_cache_dir() / "pendigits")
    out.append(Path.cwd().parent / "shared" / "data" / "pendigits")
    out.append(Path(__file__).resolve().parents[3] / "shared" / "data" / "pendigits")
    return out


def find_pen_file(pen_dir: str | os.PathLike | None = None) -> Path | None:
    """The pen-digit file in the first folder that has one, or None. An explicit `pen_dir`
    may also name the file itself (a subset in the same format, e.g. for tests)."""
    if pen_dir and Path(pen_dir).expanduser().is_file():
        return Path(pen_dir).expanduser()
    for folder in candidate_dirs(pen_dir):
        for name in FILE_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def load_pen_digits(path: str | os.PathLike, verify: bool = True) -> list[PenDigit]:
    """Read and (for the canonical file name) checksum the pen digits. Raises `DataError`."""
    path = Path(path)
    text = read_text(path)
    if verify and path.name in FILE_NAMES:
        digest = hashlib.sha256(text.encode("ascii")).hexdigest()
        if digest != SHA256:
            raise DataError(
                f"{path}: checksum mismatch (sha256 {digest[:12]}…, expected {SHA256[:12]}…); "
                "the file is corrupt or not the UCI pen-digits file"
            )
    return parse_unipen(text, str(path))


def by_writers(digits: list[PenDigit], writers: tuple[int, ...]) -> list[PenDigit]:
    return [d for d in digits if d.writer in writers]


def training_writers(digits: list[PenDigit]) -> list[PenDigit]:
    """Every digit whose writer is neither a test nor a calibration writer."""
    held = set(TEST_WRITERS) | set(CALIBRATION_WRITERS)
    return [d for d in digits if d.writer not in held]


def canvas_strokes(digit: PenSample | PenDigit) -> list[np.ndarray]:
    """The digit's strokes with y pointing down, as on a screen (still in tablet units)."""
    return screen_strokes(digit)


@dataclass(frozen=True)
class RenderedSet:
    """Pen digits drawn like the canvas and preprocessed like the app: the network's view."""

    image28: np.ndarray  # (N, 28, 28) float32 in [0, 1]
    labels: np.ndarray  # (N,) int64
    writers: np.ndarray  # (N,) str: source-qualified writer ids ("uci/12", "aga/amywldrp")

    def unit_tensor(self) -> torch.Tensor:
        """(N, 1, 32, 32) in [0, 1], padded like the training images."""
        t = torch.from_numpy(self.image28)
        return torch.nn.functional.pad(t, (PAD, PAD, PAD, PAD)).unsqueeze(1)


def render_eval_set(
    digits: Sequence[PenSample | PenDigit],
    pen_width: float = DEFAULT_PEN_WIDTH,
    seed: int = 0,
    normalize_width: bool = False,
    fast: bool = False,
) -> RenderedSet:
    """Each digit as someone would draw it on the canvas: a random height of 40-80% of it, a
    random position, the given pen width; then the app's preprocessing.

    `normalize_width` re-renders the strokes at `normalized_pen_width` first, as the canvas can
    (pen-width independence). The same seed gives the same sizes and positions whatever the pen.
    `fast` draws the same placements straight at the network's resolution
    (model/drawing/fast_raster.py) instead of through the canvas renderer: a few grey levels
    apart, for quick looks and comparisons. Letters and symbols get the label -1.
    """
    rng = np.random.default_rng(seed)
    placements, pens = [], []
    for digit in digits:
        placed = place_randomly(canvas_strokes(digit), rng, (0.4, 0.8), max(pen_width, 36.0))
        placements.append(placed)
        pens.append(normalized_pen_width(placed) if normalize_width else pen_width)
    if fast:
        image28 = strokes_to_fields(placements, pens)
    else:
        image28 = np.stack(
            [preprocess(render_strokes(p, CANVAS, w)).image28 for p, w in zip(placements, pens)]
        ).reshape(-1, 28, 28)
    return RenderedSet(
        image28,
        np.array([digit_label_of(d) for d in digits], dtype=np.int64),
        np.array([writer_of(d) for d in digits], dtype=str),
    )


#: Ranges the training pool is drawn from (wider than what is evaluated, to generalise).
POOL_HEIGHT = (0.3, 0.9)  # share of the canvas
POOL_PEN = (5.0, 40.0)  # canvas px
POOL_ROTATION = 10.0  # degrees either way
POOL_SHEAR = 0.3
POOL_CANVAS = 140  # render at half the canvas size: same picture after preprocessing, 3x faster


#: Digits drawn between two cancel checks / progress reports (~0.1 s on one core).
POOL_CHUNK = 256


def render_training_pool(
    digits: Sequence[PenSample | PenDigit],
    variants: int,
    seed: int = 0,
    should_cancel: CancelCheck | None = None,
    on_progress: ProgressCallback | None = None,
) -> RenderedSet:
    """`variants` renders of every digit at random size, position, pen width, rotation and
    slant (seeded), preprocessed like the app. Drawn once per training run and then distorted
    per batch like MNIST, so the network sees a fresh version of each digit every time.

    Drawn in chunks straight at the network's resolution (model/data/pen_pool.py, ~0.1 ms a
    render instead of the canvas path's ~2 ms); a GUI can still stop it: `should_cancel` is
    polled every `POOL_CHUNK` digits (raising `Cancelled`) and `on_progress(done, total)`
    reports the digits drawn so far. Letters and symbols get the label -1."""
    rng = np.random.default_rng(seed)
    k = POOL_CANVAS / CANVAS
    images, labels, writers = [], [], []
    for i in range(0, len(digits), POOL_CHUNK):
        check_cancel(should_cancel, "drawing the pen digits")
        report(on_progress, i, len(digits))
        chunk = digits[i : i + POOL_CHUNK]
        images.append(
            random_renders(
                chunk,
                variants,
                rng,
                POOL_CANVAS,
                POOL_HEIGHT,
                (POOL_PEN[0] * k, POOL_PEN[1] * k),
                POOL_ROTATION,
                POOL_SHEAR,
            )
        )
        labels.extend(digit_label_of(d) for d in chunk for _ in range(variants))
        writers.extend(writer_of(d) for d in chunk for _ in range(variants))
    report(on_progress, len(digits), len(digits))
    if not images:
        return RenderedSet(
            np.zeros((0, 28, 28), np.float32), np.zeros(0, np.int64), np.zeros(0, str)
        )
    return RenderedSet(
        np.concatenate(images), np.array(labels, dtype=np.int64), np.array(writers, dtype=str)
    )


def spread_subset(digits: Sequence[PenSample | PenDigit], count: int | None) -> list:
    """At most `count` digits taken evenly through the list (so every writer keeps a share),
    for quick runs on a subset of MNIST; all of them when `count` is None or large enough."""
    if count is None or count >= len(digits):
        return list(digits)
    picks = np.linspace(0, len(digits) - 1, max(count, 1)).round().astype(int)
    return [digits[i] for i in picks]
