"""`python -m model.cli.mlp`: train the fully-connected network of "why not flatten".

python -m model.cli.mlp --data-dir ../shared/data/mnist --out weights/mlp.pt

The same images, normalisation, augmentation and optimiser as LeNet-5's training
(`model/training/loop.py`, `TrainConfig` defaults) for 6 epochs; only the network differs.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import torch
from torch.nn import functional as F

from model.cli import common as cli
from model.cli.progress import ProgressBar
from model.config import TrainConfig
from model.files.checkpoint import Checkpoint, save_checkpoint
from model.files.weights import CHECKOUT_WEIGHTS, FLAT_NAME, user_weights_dir
from model.jobs import check_cancel
from model.network.flat import FlatConfig, FlatNet
from model.training.augment import augment_batch
from model.training.loop import TrainingData, accuracy

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
    """Train a fresh `FlatNet` the way `model.training.loop.train` trains LeNet-5;
    `on_progress(fraction, text)` per batch. Raises `Cancelled` (model/jobs.py) when
    `should_cancel()` turns true (checked every batch)."""
    torch.manual_seed(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    norm = data.normalization()
    restyled = config.augment and config.restyle > 0
    if restyled:
        data.add_styles(config.restyle, config.seed, should_cancel)
    model = FlatNet(flat_config)
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=config.lr, weight_decay=config.weight_decay
    )
    n = len(data.train_x)
    batches = math.ceil(n / config.batch_size)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=config.lr, total_steps=config.epochs * batches, pct_start=0.15
    )
    history = []
    for epoch in range(1, config.epochs + 1):
        model.train()
        order = torch.randperm(n, generator=generator)
        for b in range(batches):
            check_cancel(should_cancel, "training")
            idx = order[b * config.batch_size : (b + 1) * config.batch_size]
            x = data.batch(idx, restyled)
            if config.augment:
                x = augment_batch(x, generator)
            logits = model(norm.apply(x)).logits
            loss = F.cross_entropy(
                logits, data.train_y[idx], label_smoothing=config.label_smoothing
            )
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
            if on_progress is not None:
                done = ((epoch - 1) * batches + b + 1) / (config.epochs * batches)
                on_progress(done, f"epoch {epoch}/{config.epochs}  loss {loss.item():.3f}")
        history.append(accuracy(model, data.test_x, data.test_y, norm))
    model.eval()
    metadata = {
        "test_accuracy": history[-1],
        "history": [{"epoch": i + 1, "test_accuracy": a} for i, a in enumerate(history)],
        "train_config": config.to_dict(),
        "train_images": n,
        "test_images": len(data.test_x),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "torch": str(torch.__version__),
    }
    return Checkpoint(model, norm, metadata)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.cli.mlp",
        "Train the fully-connected comparison network on MNIST and save a checkpoint.",
    )
    p.add_argument(
        "--epochs",
        type=cli.number(int, low=1),
        default=FLAT_RECIPE.epochs,
        help="passes over the training set",
    )
    p.add_argument(
        "--seed",
        type=cli.number(int, **cli.SEED),
        default=0,
        help="seed of initialisation and order",
    )
    p.add_argument(
        "--train-subset",
        type=cli.number(int, low=1),
        default=None,
        help="first N images (default: all)",
    )
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
