"""`python -m model.cli.mlp`: train the fully-connected network of "why not flatten".

python -m model.cli.mlp --data-dir ../shared/data/mnist --out weights/mlp.pt

The same images, normalisation, augmentation and optimiser as LeNet-5's training
(`model/training/loop.py`, `TrainConfig` defaults) for 6 epochs; only the network differs.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import torch

from model.cli import common as cli
from model.cli.progress import ProgressBar
from model.config import TrainConfig
from model.files.checkpoint import Checkpoint, save_checkpoint
from model.files.weights import CHECKOUT_WEIGHTS, FLAT_NAME, user_weights_dir
from model.network.flat import FlatConfig, FlatNet
from model.training.loop import BatchProgress, TrainingData, train

#: LeNet-5's recipe (`TrainConfig` defaults: batch, learning rate, weight decay, label
#: smoothing, augmentation, restyled 1s and 7s) with fewer epochs: the network is small and the
#: point is the comparison, not the last tenth of a percent.
FLAT_RECIPE = TrainConfig(epochs=6)


def train_flat(
    data: TrainingData,
    config: TrainConfig = FLAT_RECIPE,
    flat_config: FlatConfig | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Checkpoint:
    """Train a fresh `FlatNet` exactly the way `model.training.loop.train` trains LeNet-5 (the
    same loop: batches, augmentation, schedule, divergence check); `on_progress(fraction,
    text)` per batch. Raises `Cancelled` (model/jobs.py) when `should_cancel()` turns true
    (checked every batch) and `TrainingDiverged` when the loss stops being finite."""
    flat_data = TrainingData(data.train_x, data.train_y, data.test_x, data.test_y)
    flat_data.styled_row, flat_data.styled_x = data.styled_row, data.styled_x
    flat_data.styled_key = data.styled_key  # restyled images are shared; pen pools are not

    def on_batch(p: BatchProgress) -> None:
        if on_progress is not None:
            on_progress(p.fraction, f"epoch {p.epoch}/{p.epochs}  loss {p.loss:.3f}")

    result = train(
        flat_data,
        config,
        on_batch=on_batch,
        should_cancel=should_cancel,
        network=FlatNet(flat_config),
    )
    data.styled_row, data.styled_x, data.styled_key = (
        flat_data.styled_row,
        flat_data.styled_x,
        flat_data.styled_key,
    )
    metadata = {
        "test_accuracy": result.history[-1].test_accuracy,
        "history": [{"epoch": h.epoch, "test_accuracy": h.test_accuracy} for h in result.history],
        "train_config": config.to_dict(),
        "train_images": len(data.train_x),
        "test_images": len(data.test_x),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "torch": str(torch.__version__),
    }
    return Checkpoint(result.checkpoint.model, result.checkpoint.normalization, metadata)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.cli.mlp",
        "Train the fully-connected comparison network on MNIST and save a checkpoint.",
    )
    p.add_argument(
        "--epochs", type=int, default=FLAT_RECIPE.epochs, help="passes over the training set"
    )
    p.add_argument("--seed", type=int, default=0, help="seed of initialisation and order")
    p.add_argument("--train-subset", type=int, default=None, help="first N images (default: all)")
    cli.add_data_dir(p)
    p.add_argument(
        "--out",
        type=Path,
        default=(CHECKOUT_WEIGHTS if CHECKOUT_WEIGHTS.is_dir() else user_weights_dir()) / FLAT_NAME,
        help="where to write the checkpoint (default: weights/mlp.pt of a source checkout)",
    )
    args = p.parse_args(argv)
    try:
        config = replace(FLAT_RECIPE, epochs=args.epochs, seed=args.seed)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data = TrainingData.load(args.data_dir, args.train_subset)
    bar = ProgressBar("training")
    start = time.perf_counter()
    checkpoint = train_flat(data, config, on_progress=bar.update)
    bar.finish(f"done in {time.perf_counter() - start:.0f} s")
    path = save_checkpoint(checkpoint, args.out, backup=False)
    print(f"test accuracy {checkpoint.test_accuracy * 100:.2f}%; saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
