"""`python -m model.train` / `lenet-lens-train`: train LeNet-5 on MNIST and save a checkpoint.

python -m model.train --epochs 20 --data-dir ../shared/data/mnist --out weights/lenet5.pt
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from model import cli
from model.atomic import check_target
from model.checkpoint import save_checkpoint
from model.config import ACTIVATIONS, POOLINGS, ModelConfig, TrainConfig
from model.errors import SaveError, TrainingCancelled
from model.evaluation import evaluate_drawn
from model.mnist import load_split
from model.progress import ProgressBar, format_seconds
from model.training import BatchProgress, EpochResult, TrainingData, train
from model.weights import default_training_output


def build_parser():
    t, m = TrainConfig(), ModelConfig()
    p = cli.parser("lenet-lens-train", "Train LeNet-5 on MNIST and save a checkpoint.")
    p.add_argument("--epochs", type=int, default=t.epochs, help="passes over the training set")
    p.add_argument("--batch-size", type=int, default=t.batch_size, help="images per step")
    p.add_argument("--lr", type=float, default=t.lr, help="peak learning rate (one-cycle)")
    p.add_argument("--weight-decay", type=float, default=t.weight_decay, help="AdamW weight decay")
    p.add_argument(
        "--label-smoothing",
        type=float,
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
        type=float,
        default=t.restyle,
        help="with --augment: share of 1s and 7s drawn flagged/crossed (0 to turn off)",
    )
    p.add_argument(
        "--seed", type=int, default=t.seed, help="seed of initialisation, order and augmentation"
    )
    p.add_argument(
        "--train-subset",
        type=int,
        default=t.train_subset,
        help="train on only the first N images (default: all)",
    )
    p.add_argument(
        "--test-subset",
        type=int,
        default=t.test_subset,
        help="evaluate on only the first N test images (default: all)",
    )
    p.add_argument("--pooling", choices=POOLINGS, default=m.pooling, help="S1/S2 pooling")
    p.add_argument(
        "--activation", choices=ACTIVATIONS, default=m.activation, help="after conv and FC layers"
    )
    p.add_argument("--dropout", type=float, default=m.dropout, help="dropout before each FC layer")
    cli.add_data_dir(p)
    p.add_argument(
        "--out",
        type=Path,
        default=default_training_output(),
        help="where to write the checkpoint (the previous file is kept as .bak)",
    )
    p.add_argument(
        "--drawn-eval",
        type=int,
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
        check_target(args.out)  # fail now, not after the training
    except SaveError as exc:
        print(f"error: {exc}; nothing trained", file=sys.stderr)
        return 1
    data = TrainingData.load(args.data_dir, config.train_subset, config.test_subset)
    print(
        f"training on {len(data.train_x)} images, testing on {len(data.test_x)}; {model_config}",
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
        result = train(data, config, model_config, on_batch=on_batch, on_epoch=on_epoch)
    except TrainingCancelled:
        print("cancelled; nothing written", file=sys.stderr)
        return 130
    checkpoint = result.checkpoint
    if args.drawn_eval > 0 and config.test_subset is None:
        drawn = evaluate_drawn(checkpoint, load_split("test", args.data_dir), args.drawn_eval)
        checkpoint.metadata["drawn_accuracy"] = drawn.accuracy
        print(f"drawn digits: {drawn.accuracy * 100:.2f}% of {drawn.count}", file=sys.stderr)
    try:
        path = save_checkpoint(checkpoint, args.out)
    except SaveError as exc:
        print(f"error: {exc}; the trained model was NOT saved", file=sys.stderr)
        return 1
    print(f"test accuracy {checkpoint.test_accuracy * 100:.2f}%; saved {path}")
    return 0


def entry() -> int:
    return cli.run(main)


if __name__ == "__main__":
    sys.exit(entry())
