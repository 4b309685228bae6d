"""`python -m model.train_flat`: train the fully-connected network of "why not flatten".

python -m model.train_flat --data-dir ../shared/data/mnist --out weights/mlp.pt

The same images, normalisation and augmentation as LeNet-5's training (`model/training.py`),
AdamW with a one-cycle schedule; only the network differs. A few epochs suffice: the network is
small and the point is the comparison, not the last tenth of a percent.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from torch.nn import functional as F

from model import cli
from model.augment import augment_batch
from model.checkpoint import Checkpoint, save_checkpoint
from model.errors import TrainingCancelled
from model.flat_network import FlatConfig, FlatNet
from model.progress import ProgressBar
from model.training import TrainingData, accuracy
from model.weights import CHECKOUT_WEIGHTS, FLAT_NAME, user_weights_dir

EPOCHS = 6
BATCH_SIZE = 128
LR = 3e-3


def train_flat(
    data: TrainingData,
    epochs: int = EPOCHS,
    seed: int = 0,
    config: FlatConfig | None = None,
    augment: bool = True,
    on_progress: Callable[[float, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Checkpoint:
    """Train a fresh `FlatNet`; `on_progress(fraction, text)` per batch. Raises
    `TrainingCancelled` when `should_cancel()` turns true (checked every batch)."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    norm = data.normalization()
    model = FlatNet(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=1e-4)
    n = len(data.train_x)
    batches = math.ceil(n / BATCH_SIZE)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=LR, total_steps=epochs * batches, pct_start=0.15
    )
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(n, generator=generator)
        for b in range(batches):
            if should_cancel is not None and should_cancel():
                raise TrainingCancelled("training cancelled")
            idx = order[b * BATCH_SIZE : (b + 1) * BATCH_SIZE]
            x = data.train_x[idx]
            if augment:
                x = augment_batch(x, generator)
            loss = F.cross_entropy(model((x - norm.mean) / norm.std).logits, data.train_y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
            if on_progress is not None:
                done = ((epoch - 1) * batches + b + 1) / (epochs * batches)
                on_progress(done, f"epoch {epoch}/{epochs}  loss {loss.item():.3f}")
        history.append(accuracy(model, data.test_x, data.test_y, norm))
    model.eval()
    metadata = {
        "test_accuracy": history[-1],
        "history": [{"epoch": i + 1, "test_accuracy": a} for i, a in enumerate(history)],
        "train_config": {"epochs": epochs, "seed": seed, "augment": augment, "lr": LR},
        "train_images": n,
        "test_images": len(data.test_x),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "torch": str(torch.__version__),
    }
    return Checkpoint(model, norm, metadata)  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.train_flat",
        "Train the fully-connected comparison network on MNIST and save a checkpoint.",
    )
    p.add_argument("--epochs", type=int, default=EPOCHS, help="passes over the training set")
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
    data = TrainingData.load(args.data_dir, args.train_subset)
    bar = ProgressBar("training")
    start = time.perf_counter()
    checkpoint = train_flat(data, args.epochs, args.seed, on_progress=bar.update)
    bar.finish(f"done in {time.perf_counter() - start:.0f} s")
    path = save_checkpoint(checkpoint, args.out, backup=False)
    print(f"test accuracy {checkpoint.test_accuracy * 100:.2f}%; saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
