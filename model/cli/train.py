"""`python -m model.cli.train` / `lenet-lens-train`: train LeNet-5 on MNIST, the real pen digits of
every source found and non-digits, and save a checkpoint.

python -m model.cli.train --epochs 20 --data-dir ../shared/data/mnist --out weights/lenet5.pt

Pen writers are split once (model/data/pen_split.py): only training writers are drawn into the
pools (model/training/pools.py). The last `--mnist-holdout` MNIST training images and the
validation writers of each pen source are never trained on: the temperature is fitted on them,
the "not a digit" threshold is chosen on them (at most 1% of each source's digits rejected) and
the figures the recipe was chosen by are measured on them. Test writers are measured and stored
for the README, never used to choose anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from model.analysis.accuracy import evaluate_drawn
from model.cli import common as cli
from model.cli.progress import ProgressBar, format_seconds
from model.cli.train_report import measure
from model.config import (
    ACTIVATIONS,
    MARK_STYLES,
    PEN_SOURCES,
    POOLINGS,
    ModelConfig,
    TrainConfig,
)
from model.data.mnist import MnistSplit, load_split
from model.data.pen_digits import TEST_WRITERS, find_pen_file, spread_subset
from model.data.pen_sources import PenSources, load_pen_sources
from model.data.pen_split import TRAIN
from model.data.unipen_json import DIGITS_FILE, find_unipen_file
from model.errors import PenDigitsError, SaveError, TrainingCancelled
from model.files.atomic import check_target
from model.files.checkpoint import load_checkpoint, save_checkpoint
from model.files.weights import default_training_output
from model.training.loop import BatchProgress, EpochResult, TrainingData, resolve_device, train
from model.training.pools import digit_pool, nondigit_pool

#: A quick run (`--train-subset`) keeps this many pen samples at least.
QUICK_MIN_SAMPLES = 500

COUNT = cli.number(int, low=1)
RATE = cli.number(float, low=0.0, low_open=True)
SHARE = cli.number(float, low=0.0, high=1.0, high_open=True)


def build_parser() -> argparse.ArgumentParser:
    t, m = TrainConfig(), ModelConfig()
    p = cli.parser("lenet-lens-train", "Train LeNet-5 on MNIST and save a checkpoint.")
    p.add_argument("--epochs", type=COUNT, default=t.epochs, help="passes over the training set")
    p.add_argument("--batch-size", type=COUNT, default=t.batch_size, help="images per step")
    p.add_argument("--lr", type=RATE, default=t.lr, help="peak learning rate (one-cycle)")
    p.add_argument(
        "--weight-decay",
        type=cli.number(float, low=0.0),
        default=t.weight_decay,
        help="AdamW weight decay",
    )
    p.add_argument(
        "--label-smoothing",
        type=SHARE,
        default=t.label_smoothing,
        help="cross-entropy label smoothing",
    )
    p.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=t.augment,
        help="distort each batch (rotation, scale, shear, elastic, pen width)",
    )
    p.add_argument(
        "--restyle",
        type=cli.number(float, low=0.0, high=1.0),
        default=t.restyle,
        help="with --augment: share of 1s and 7s drawn flagged/crossed (0 to turn off)",
    )
    p.add_argument(
        "--seed",
        type=cli.number(int, **cli.SEED),
        default=t.seed,
        help="seed of initialisation, order and augmentation",
    )
    p.add_argument(
        "--train-subset",
        type=COUNT,
        default=t.train_subset,
        help="train on only the first N images (default: all)",
    )
    p.add_argument(
        "--test-subset",
        type=COUNT,
        default=t.test_subset,
        help="evaluate on only the first N test images (default: all)",
    )
    p.add_argument("--pooling", choices=POOLINGS, default=m.pooling, help="S1/S2 pooling")
    p.add_argument(
        "--activation", choices=ACTIVATIONS, default=m.activation, help="after conv and FC layers"
    )
    p.add_argument("--dropout", type=SHARE, default=m.dropout, help="dropout before each FC layer")
    cli.add_data_dir(p)
    p.add_argument(
        "--pen-dir",
        type=Path,
        default=None,
        help="folder with the UCI pen digits (pendigits-orig.tra.gz); default: "
        "$LENET_LENS_PEN_DATA, the user cache, or ../shared/data/pendigits; absent: MNIST only",
    )
    p.add_argument(
        "--pen-fraction",
        type=SHARE,
        default=t.pen_fraction,
        help="share of each batch drawn from real pen digits (0: MNIST only)",
    )
    p.add_argument(
        "--pen-variants",
        type=COUNT,
        default=t.pen_variants,
        help="renders of each training pen digit (random size, pen, slant)",
    )
    p.add_argument(
        "--unipen-dir",
        type=Path,
        default=None,
        help="folder with the UNIPEN digits and non-digits (unipen-*-train.json.gz); default: "
        "$LENET_LENS_UNIPEN_DATA, the user cache, or ../shared/data/unipen",
    )
    p.add_argument(
        "--pen-sources",
        type=lambda text: tuple(s for s in text.split(",") if s),
        default=t.pen_sources,
        help=f"comma-separated pen sources to train on, of {','.join(PEN_SOURCES)}",
    )
    p.add_argument(
        "--unipen-variants",
        type=COUNT,
        default=t.unipen_variants,
        help="renders of each training UNIPEN digit",
    )
    p.add_argument(
        "--nondigit-fraction",
        type=SHARE,
        default=t.nondigit_fraction,
        help="share of each batch drawn from non-digits (0: no 'not a digit' head)",
    )
    p.add_argument(
        "--letter-variants",
        type=COUNT,
        default=t.letter_variants,
        help="renders of each training writer's non-digit-like letter or symbol",
    )
    p.add_argument(
        "--marks", type=cli.number(int, low=0), default=t.marks, help="generated non-digit marks"
    )
    p.add_argument(
        "--marks-style",
        choices=MARK_STYLES,
        default=t.marks_style,
        help="evaluated: the evaluated kinds of mark on the canvas path; varied: more ways of "
        "scribbling too, drawn by the fast rasteriser",
    )
    p.add_argument(
        "--outlier-weight",
        type=cli.number(float, low=0.0),
        default=t.outlier_weight,
        help="weight of the non-digits' uniform target on the 10 outputs",
    )
    p.add_argument(
        "--reject-weight",
        type=cli.number(float, low=0.0),
        default=t.reject_weight,
        help="weight of the 'not a digit' head's loss (with non-digits)",
    )
    p.add_argument(
        "--teacher",
        type=Path,
        action="append",
        default=[],
        metavar="CHECKPOINT",
        help="a trained network to learn from as well as the labels (repeat for several; "
        "their outputs are averaged): knowledge distillation",
    )
    p.add_argument(
        "--distill-weight",
        type=cli.number(float, low=0.0, high=1.0),
        default=t.distill_weight,
        help="with --teacher: share of the digits' loss taken by the teachers' outputs",
    )
    p.add_argument(
        "--distill-temperature",
        type=RATE,
        default=t.distill_temperature,
        help="with --teacher: temperature that softens the teachers' outputs",
    )
    p.add_argument(
        "--mnist-holdout",
        type=cli.number(int, low=0),
        default=2000,
        help="last N MNIST training images kept out to calibrate and choose the threshold",
    )
    p.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda", "mps"),
        default="cpu",
        help="where to train; auto picks a GPU when there is one",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=default_training_output(),
        help="where to write the checkpoint (the previous file is kept as .bak)",
    )
    p.add_argument(
        "--drawn-eval",
        type=cli.number(int, low=0),
        default=2000,
        help="also measure accuracy on N redrawn test digits (0 to skip)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    names = {f.name for f in fields(TrainConfig)}
    try:
        config = TrainConfig(**{k: v for k, v in vars(args).items() if k in names})
        model_config = ModelConfig(args.pooling, args.activation, args.dropout)
        device = resolve_device(args.device)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        check_target(args.out)  # fail now, not after the training
    except SaveError as exc:
        print(f"error: {exc}; nothing trained", file=sys.stderr)
        return 1
    teachers = [load_checkpoint(path) for path in args.teacher]  # a bad file stops us now
    train_split = load_split("train", args.data_dir)
    keep = len(train_split.labels) - max(args.mnist_holdout, 0)
    holdout = MnistSplit(train_split.images[keep:], train_split.labels[keep:])
    train_split = MnistSplit(train_split.images[:keep], train_split.labels[:keep])
    data = TrainingData.from_splits(
        train_split, load_split("test", args.data_dir), config.train_subset, config.test_subset
    )
    pens = find_pen_sources(args.pen_dir, args.unipen_dir, config.pen_sources, config)
    share = None if config.train_subset is None else config.train_subset / max(keep, 1)
    if pens is not None:
        train_samples = pens.split.select(list(pens.samples), TRAIN)
        if share is not None:  # a quick run: the pools shrink with MNIST (to 500 at least)
            count = max(
                min(len(train_samples), QUICK_MIN_SAMPLES), round(share * len(train_samples))
            )
            train_samples = spread_subset(train_samples, count)
        digits = [s for s in train_samples if s.is_digit]
        print(
            f"drawing the pen digits of {len({s.writer for s in digits})} training writers "
            f"({', '.join(sorted({s.source for s in digits}))}; UCI test writers {TEST_WRITERS} "
            "and every validation and test writer left out)…",
            file=sys.stderr,
        )
        data.pen_x, data.pen_y = digit_pool(digits, config, config.seed)
        data.pen_key = ("pen sources", config.pen_variants, config.unipen_variants, config.seed)
    else:
        train_samples = []
    if config.nondigit_fraction > 0:
        marks = config.marks if share is None else round(config.marks * share)
        nondigits = [s for s in train_samples if not s.is_digit]
        print(
            f"drawing {sum(not s.digit_like for s in nondigits)} non-digit-like letters and "
            f"symbols x {config.letter_variants} and {marks} generated marks…",
            file=sys.stderr,
        )
        pool = nondigit_pool(nondigits, dataclasses.replace(config, marks=marks), config.seed)
        if len(pool):
            data.add_nondigits(pool, ("nondigits", config.letter_variants, marks, config.seed))
    print(
        f"training on {len(data.train_x)} MNIST images"
        + (f", {len(data.pen_x)} pen renders" if data.pen_x is not None else "")
        + (f", {len(data.nondigit_x)} non-digits" if data.nondigit_x is not None else "")
        + f", testing on {len(data.test_x)}; {model_config}; device {device}"
        + (f"; learning from {len(teachers)} teachers" if teachers else ""),
        file=sys.stderr,
    )
    bar = ProgressBar("training")

    def on_batch(p: BatchProgress) -> None:
        bar.update(
            p.fraction,
            f"epoch {p.epoch}/{p.epochs}  loss {p.loss:.3f}  eta {format_seconds(p.eta)}",
        )

    def on_epoch(result: EpochResult, _model) -> None:
        bar.finish(
            f"epoch {result.epoch}: loss {result.train_loss:.4f}  "
            f"test {result.test_accuracy * 100:.2f}%  ({result.seconds:.1f} s)"
        )

    try:
        result = train(
            data,
            config,
            model_config,
            on_batch=on_batch,
            on_epoch=on_epoch,
            device=device,
            teachers=teachers,
        )
    except TrainingCancelled:
        print("cancelled; nothing written", file=sys.stderr)
        return 130
    checkpoint = result.checkpoint
    if args.drawn_eval > 0 and config.test_subset is None:
        drawn = evaluate_drawn(checkpoint, load_split("test", args.data_dir), args.drawn_eval)
        checkpoint.metadata["drawn_accuracy"] = drawn.accuracy
        print(f"drawn digits: {drawn.accuracy * 100:.2f}% of {drawn.count}", file=sys.stderr)
    if pens is not None or checkpoint.model.reject is not None:
        measure(checkpoint, pens, holdout, quick=share is not None)
    try:
        path = save_checkpoint(checkpoint, args.out)
    except SaveError as exc:
        print(f"error: {exc}; the trained model was NOT saved", file=sys.stderr)
        return 1
    print(f"test accuracy {checkpoint.test_accuracy * 100:.2f}%; saved {path}")
    return 0


def find_pen_sources(
    pen_dir: Path | None, unipen_dir: Path | None, sources: Sequence[str], config: TrainConfig
) -> PenSources | None:
    """Every pen source found (`PenSources`), or None (saying so) when there are none to train
    on. An explicit `--pen-dir` without the UCI file is an error."""
    if config.pen_fraction <= 0:  # MNIST only (and generated marks, for the head)
        return None
    if pen_dir is not None and "uci" in sources and find_pen_file(pen_dir) is None:
        raise PenDigitsError(f"{pen_dir}: no pendigits-orig.tra(.gz) in this folder")
    if (
        unipen_dir is not None
        and "unipen" in sources
        and not find_unipen_file(DIGITS_FILE, unipen_dir)
    ):
        raise PenDigitsError(f"{unipen_dir}: no {DIGITS_FILE} in this folder")
    pens = load_pen_sources(pen_dir, unipen_dir, sources)
    if not pens.samples:
        print(
            "no pen digits found (--pen-dir, $LENET_LENS_PEN_DATA, the user cache, "
            "../shared/data/pendigits): training on MNIST alone",
            file=sys.stderr,
        )
        return None
    if pens.missing:
        print(f"pen files not found: {', '.join(pens.missing)}", file=sys.stderr)
    return pens


def entry() -> int:
    return cli.run(main)


if __name__ == "__main__":
    sys.exit(entry())
