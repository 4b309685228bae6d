"""`python -m model.cli.train` / `lenet-lens-train`: train LeNet-5 on MNIST (and real pen digits,
when found) and save a checkpoint.

python -m model.cli.train --epochs 20 --data-dir ../shared/data/mnist --out weights/lenet5.pt

With real pen writing (the UCI pen digits and UNIPEN's digits, `--pen-sources`; see
model/data/pen_sources.py), only each source's training writers are trained on (the one split
of model/data/pen_split.py): the temperature is fitted on the validation writers of every
source found, the accuracy on the UCI test writers (`TEST_WRITERS`) is stored in the checkpoint
as "pen_accuracy", and each source's test-writer accuracy as "pen_test_accuracy".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

import torch

from model.analysis.accuracy import evaluate_drawn, evaluate_pen, rendered_logits
from model.cli import common as cli
from model.cli.progress import ProgressBar, format_seconds
from model.config import ACTIVATIONS, PEN_SOURCES, POOLINGS, ModelConfig, TrainConfig
from model.data.mnist import load_split
from model.data.pen_digits import TEST_WRITERS, find_pen_file, render_eval_set
from model.data.pen_sample import UCI, UNIPEN
from model.data.pen_sources import PenSources, load_pen_sources
from model.data.pen_split import TEST, TRAIN, VALIDATION
from model.data.unipen_json import DIGITS_FILE, find_unipen_file
from model.errors import PenDigitsError, SaveError, TrainingCancelled
from model.files.atomic import check_target
from model.files.checkpoint import save_checkpoint
from model.files.weights import default_training_output
from model.network.calibration import fit_temperature
from model.training.loop import BatchProgress, EpochResult, TrainingData, resolve_device, train

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
        type=cli.number(float, low=0.0, high=1.0, high_open=True),
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
        "--unipen-dir",
        type=Path,
        default=None,
        help="folder with the UNIPEN digits (unipen-digits-train.json.gz); default: "
        "$LENET_LENS_UNIPEN_DATA, the user cache, or ../shared/data/unipen",
    )
    p.add_argument(
        "--pen-sources",
        type=lambda text: tuple(s for s in text.split(",") if s),
        default=t.pen_sources,
        help=f"comma-separated pen sources to train on, of {','.join(PEN_SOURCES)}",
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
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        device = resolve_device(args.device)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        check_target(args.out)  # fail now, not after the training
    except SaveError as exc:
        print(f"error: {exc}; nothing trained", file=sys.stderr)
        return 1
    data = TrainingData.load(args.data_dir, config.train_subset, config.test_subset)
    sources = find_pen_sources(args, config) if config.pen_fraction > 0 else None
    if sources is not None:
        train_digits = sources.digits(TRAIN, config.pen_sources)
        print(
            f"drawing {config.pen_variants} versions of {len(train_digits)} pen digits "
            f"of the training writers of {', '.join(sorted(set(config.pen_sources)))}…",
            file=sys.stderr,
        )
        data.add_pen_sources(sources, config)
    print(
        f"training on {len(data.train_x)} MNIST images"
        + (f" and {len(data.pen_x)} pen renders" if data.pen_x is not None else "")
        + f", testing on {len(data.test_x)}; {model_config}; device {device}",
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
            data, config, model_config, on_batch=on_batch, on_epoch=on_epoch, device=device
        )
    except TrainingCancelled:
        print("cancelled; nothing written", file=sys.stderr)
        return 130
    checkpoint = result.checkpoint
    if args.drawn_eval > 0 and config.test_subset is None:
        drawn = evaluate_drawn(checkpoint, load_split("test", args.data_dir), args.drawn_eval)
        checkpoint.metadata["drawn_accuracy"] = drawn.accuracy
        print(f"drawn digits: {drawn.accuracy * 100:.2f}% of {drawn.count}", file=sys.stderr)
    if sources is not None:
        measure_pen(checkpoint, sources, config.pen_sources)
    try:
        path = save_checkpoint(checkpoint, args.out)
    except SaveError as exc:
        print(f"error: {exc}; the trained model was NOT saved", file=sys.stderr)
        return 1
    print(f"test accuracy {checkpoint.test_accuracy * 100:.2f}%; saved {path}")
    return 0


def find_pen_sources(args: argparse.Namespace, config: TrainConfig) -> PenSources | None:
    """The pen sources to train on, or None (saying so) when none is found. A folder given
    explicitly must hold its source's file."""
    if args.pen_dir is not None and UCI in config.pen_sources and not find_pen_file(args.pen_dir):
        raise PenDigitsError(f"{args.pen_dir}: no pendigits-orig.tra(.gz) in this folder")
    if (
        args.unipen_dir is not None
        and UNIPEN in config.pen_sources
        and not find_unipen_file(DIGITS_FILE, args.unipen_dir)
    ):
        raise PenDigitsError(f"{args.unipen_dir}: no {DIGITS_FILE} in this folder")
    sources = load_pen_sources(args.pen_dir, args.unipen_dir, config.pen_sources, nondigits=False)
    if not sources.digits(TRAIN, config.pen_sources):
        print(
            "no pen digits found (--pen-dir, --unipen-dir, $LENET_LENS_PEN_DATA, "
            "$LENET_LENS_UNIPEN_DATA, the user cache, ../shared/data): training on MNIST alone",
            file=sys.stderr,
        )
        return None
    for name in sources.missing:
        print(f"{name} not found: training without it", file=sys.stderr)
    return sources


def measure_pen(checkpoint, sources: PenSources, used: Sequence[str]) -> None:  # noqa: ANN001
    """Fit the temperature on the validation writers of every source; measure the test
    writers of each."""
    validation = sources.digits(VALIDATION, tuple(used))
    if not validation:
        print("no held-out pen writers in this set: no temperature fitted", file=sys.stderr)
        return
    calibration = render_eval_set(validation, seed=1)
    logits = rendered_logits(checkpoint, calibration)
    temperature = fit_temperature(logits, torch.from_numpy(calibration.labels))
    checkpoint.metadata["temperature"] = temperature
    val = float((logits.argmax(1).numpy() == calibration.labels).mean())
    checkpoint.metadata["pen_validation_accuracy"] = val
    print(
        f"pen digits of the validation writers: {val * 100:.2f}% of {len(validation)}; "
        f"temperature {temperature:.3f} fitted on them",
        file=sys.stderr,
    )
    by_source = {}
    for source in used:
        held_out = sources.digits(TEST, (source,))
        if not held_out:
            continue
        result = evaluate_pen(checkpoint, held_out)
        by_source[source] = result.accuracy
        if source == UCI:
            checkpoint.metadata["pen_accuracy"] = result.accuracy
            checkpoint.metadata["pen_test_writers"] = list(TEST_WRITERS)
        who = f"writers {TEST_WRITERS}" if source == UCI else f"the {source} test writers"
        print(
            f"pen digits of {who}: {result.accuracy * 100:.2f}% of "
            f"{result.count} (ECE {result.ece * 100:.2f}%)",
            file=sys.stderr,
        )
    checkpoint.metadata["pen_test_accuracy"] = by_source


def entry() -> int:
    return cli.run(main)


if __name__ == "__main__":
    sys.exit(entry())
