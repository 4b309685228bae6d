"""The one training loop: training (CLI and the GUI's retrain worker), fine-tuning and the
flat network of "why not flatten" all take their steps through `run_steps`.

`run_steps` owns what every run needs alike: the AdamW optimiser and its learning-rate schedule,
the cancel check before each step, and the divergence check (a non-finite loss stops the run
with `TrainingDiverged`, which names the learning rate); callers only say how a batch is made
and what happens after a step. `train` builds a fresh network's batches from MNIST, the real pen
digits and, when present, the non-digits (model/training/objective.py: the "not a digit" head
and outlier exposure).

Fast on a CPU: the whole training set lives in one tensor, batches are index slices, and
augmentation runs per batch on tensors. The caller gets a callback per batch and per epoch and
a cancel check, so a GUI thread can drive exactly this code and stop it within one batch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from model.config import ModelConfig, Normalization, TrainConfig
from model.data.mnist import MnistSplit, load_split
from model.drawing.preprocess import PAD
from model.drawing.styles import restyled_set
from model.errors import TrainingCancelled, TrainingDiverged
from model.files.checkpoint import Checkpoint
from model.network.lenet import LeNet5, LeNetOutput
from model.training.augment import AugmentConfig, augment_batch
from model.training.objective import NOT_A_DIGIT, digit_hits, step_loss

if TYPE_CHECKING:
    from model.data.pen_sources import PenSources

CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class BatchProgress:
    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based, within the epoch
    batches: int
    loss: float  # this batch
    accuracy: float  # this batch, on augmented training images
    elapsed: float  # seconds since training started
    eta: float  # seconds left, estimated

    @property
    def fraction(self) -> float:
        return ((self.epoch - 1) * self.batches + self.batch) / (self.epochs * self.batches)


@dataclass(frozen=True)
class EpochResult:
    epoch: int
    train_loss: float
    train_accuracy: float
    test_accuracy: float
    seconds: float


@dataclass
class TrainingData:
    """MNIST as tensors: train images in [0, 1] padded to 32x32, labels, and the test split."""

    train_x: torch.Tensor  # (N, 1, 32, 32) float in [0, 1]
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor
    # European-style 1s and 7s (model/drawing/styles.py), made on first use: for each training image
    # the row of its variant in `styled_x`, or -1
    styled_row: torch.Tensor | None = None
    styled_x: torch.Tensor | None = None
    styled_key: tuple[float, int] | None = None  # (fraction, seed) they were made with
    # real pen digits drawn like the canvas (model/data/pen_digits.py), (M, 1, 32, 32) in [0, 1]
    pen_x: torch.Tensor | None = None
    pen_y: torch.Tensor | None = None
    pen_key: tuple[int, int] | None = None  # (variants, seed) the pool was drawn with
    # non-digits drawn like the canvas (letters, symbols, generated marks), (K, 1, 32, 32)
    nondigit_x: torch.Tensor | None = None
    nondigit_key: tuple | None = None  # what the pool was drawn from

    def add_pen_digits(self, digits: list, variants: int = 4, seed: int = 0) -> None:
        """Draw the pool of training pen digits (`PenSample`s or UCI `PenDigit`s, already
        split by writer)."""
        from model.data.pen_digits import render_training_pool

        if self.pen_key == (variants, seed) and self.pen_x is not None:
            return
        pool = render_training_pool(digits, variants, seed)
        self.pen_x = pool.unit_tensor()
        self.pen_y = torch.from_numpy(pool.labels)
        self.pen_key = (variants, seed)

    # -- every pen source (issue 18): UNIPEN's training writers beside the UCI ones --------
    def add_pen_sources(self, sources: PenSources, config: TrainConfig) -> int:
        """Draw the pen pool from the training writers of each source in
        `config.pen_sources` that `sources` holds (`model.data.pen_sources.load_pen_sources`);
        returns how many digits that is (0: no pool drawn)."""
        from model.data.pen_split import TRAIN

        digits = sources.digits(TRAIN, config.pen_sources)
        if digits:
            self.add_pen_digits(digits, config.pen_variants, config.seed)
        return len(digits)

    # ----------------------------------------------------------------------------------------

    def to(self, device: torch.device) -> TrainingData:
        """A copy held on `device` (self when it is already there)."""
        if self.train_x.device == device:
            return self

        def move(t: torch.Tensor | None) -> torch.Tensor | None:
            return None if t is None else t.to(device)

        return TrainingData(
            *(move(t) for t in (self.train_x, self.train_y, self.test_x, self.test_y)),
            move(self.styled_row),
            move(self.styled_x),
            self.styled_key,
            move(self.pen_x),
            move(self.pen_y),
            self.pen_key,
            move(self.nondigit_x),
            self.nondigit_key,
        )

    def add_nondigits(self, images: torch.Tensor, key: tuple = ()) -> None:
        """Non-digits to train the "not a digit" head on: (K, 1, 32, 32) in [0, 1], padded
        like the training images (model/data/nondigits.py draws them)."""
        self.nondigit_x = images
        self.nondigit_key = key

    @classmethod
    def from_splits(
        cls,
        train: MnistSplit,
        test: MnistSplit,
        train_subset: int | None = None,
        test_subset: int | None = None,
    ) -> TrainingData:
        def unit(images: np.ndarray) -> torch.Tensor:
            t = torch.from_numpy(np.ascontiguousarray(images)).float().div_(255.0)
            return F.pad(t, (PAD, PAD, PAD, PAD)).unsqueeze(1)

        tr, te = slice(0, train_subset), slice(0, test_subset)
        return cls(
            unit(train.images[tr]),
            torch.from_numpy(train.labels[tr]),
            unit(test.images[te]),
            torch.from_numpy(test.labels[te]),
        )

    @classmethod
    def load(
        cls,
        data_dir: str | Path | None = None,
        train_subset: int | None = None,
        test_subset: int | None = None,
    ) -> TrainingData:
        return cls.from_splits(
            load_split("train", data_dir), load_split("test", data_dir), train_subset, test_subset
        )

    def add_styles(
        self, fraction: float, seed: int = 0, should_cancel: CancelCheck | None = None
    ) -> None:
        """Restyle a `fraction` of the 1s and 7s (about 1 ms each; kept for the next run)."""
        if self.styled_key == (fraction, seed):
            return
        images = (self.train_x[:, 0, PAD:-PAD, PAD:-PAD] * 255).round().to(torch.uint8).numpy()
        indices, variants = restyled_set(
            images, self.train_y.numpy(), fraction, seed, should_cancel
        )
        row = torch.full((len(self.train_x),), -1, dtype=torch.long)
        row[torch.from_numpy(indices)] = torch.arange(len(indices))
        self.styled_row = row
        self.styled_x = F.pad(torch.from_numpy(variants), (PAD, PAD, PAD, PAD)).unsqueeze(1)
        self.styled_key = (fraction, seed)

    def batch(self, idx: torch.Tensor, restyled: bool = True) -> torch.Tensor:
        """Training images `idx` in [0, 1]; restyled 1s and 7s in their European version."""
        x = self.train_x[idx]
        if restyled and self.styled_row is not None and self.styled_x is not None:
            rows = self.styled_row[idx]
            pick = rows >= 0
            x[pick] = self.styled_x[rows[pick]]
        return x

    def normalization(self) -> Normalization:
        """Statistics of the (padded) training images: the network's input scale."""
        return Normalization(
            mean=round(float(self.train_x.mean()), 4), std=round(float(self.train_x.std()), 4)
        )


@torch.inference_mode()
def predict_logits(model: LeNet5, x: torch.Tensor, batch_size: int = 2000) -> torch.Tensor:
    """Logits for normalised inputs, in eval mode, batched to bound memory."""
    was_training = model.training
    model.eval()
    out = torch.cat([model(x[i : i + batch_size]).logits for i in range(0, len(x), batch_size)])
    model.train(was_training)
    return out


def accuracy(model: LeNet5, x_unit: torch.Tensor, y: torch.Tensor, norm: Normalization) -> float:
    logits = predict_logits(model, (x_unit - norm.mean) / norm.std)
    return float((logits.argmax(1) == y).float().mean())


def resolve_device(name: str = "auto") -> torch.device:
    """`auto` picks CUDA, then Apple's MPS, then the CPU; others are checked to exist."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise ValueError("CUDA was asked for but no CUDA GPU is available to this PyTorch")
    if name == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ValueError("MPS was asked for but is not available to this PyTorch")
    if name not in ("cpu", "cuda", "mps"):
        raise ValueError(f"unknown device {name!r} (auto, cpu, cuda or mps)")
    return torch.device(name)


BatchCallback = Callable[[BatchProgress], None]
EpochCallback = Callable[[EpochResult, LeNet5], None]
#: step (0-based) -> (normalised inputs, labels; `NOT_A_DIGIT` marks a non-digit)
BatchMaker = Callable[[int], tuple[torch.Tensor, torch.Tensor]]
#: after each step: (step 0-based, loss, the network's output, labels)
StepCallback = Callable[[int, float, LeNetOutput, torch.Tensor], None]
SCHEDULES = ("one-cycle", "cosine")


def run_steps(
    model: nn.Module,
    steps: int,
    next_batch: BatchMaker,
    loss: Callable[[LeNetOutput, torch.Tensor], torch.Tensor],
    *,
    lr: float,
    weight_decay: float,
    schedule: str = "one-cycle",
    check_cancel: Callable[[], None] | None = None,
    after_step: StepCallback | None = None,
) -> None:
    """The one loop: `steps` AdamW steps on `model` (in place, in train mode).

    `schedule` "one-cycle" (a fresh network: warm up over 15% of the steps to `lr`, then anneal)
    or "cosine" (fine-tuning a trained one: from `lr` down to 0). `check_cancel()` runs before
    every step and raises to stop. A loss that is not finite raises `TrainingDiverged` at once,
    before it can reach the weights, whoever called.
    """
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r} ({' or '.join(SCHEDULES)})")
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    scheduler = (
        torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps, pct_start=0.15)
        if schedule == "one-cycle"
        else None
    )
    model.train()
    for step in range(steps):
        if check_cancel is not None:
            check_cancel()
        if scheduler is None:  # cosine decay from the peak to 0
            for group in optimizer.param_groups:
                group["lr"] = lr * 0.5 * (1 + math.cos(math.pi * step / steps))
        x, y = next_batch(step)
        out = model(x)
        value = loss(out, y)
        if not torch.isfinite(value):
            raise TrainingDiverged(
                f"the loss became {value.item()} at step {step + 1} of {steps}: "
                f"the learning rate {lr:g} is probably too high",
                reason="training.diverged",
                values=(step + 1, steps, f"{lr:g}"),
            )
        optimizer.zero_grad(set_to_none=True)
        value.backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        if after_step is not None:
            after_step(step, value.item(), out, y)


def teacher_probabilities(
    teachers: Sequence[Checkpoint], x_unit: torch.Tensor, temperature: float
) -> torch.Tensor:
    """The teachers' averaged digit probabilities at `temperature` on the batch `x_unit` (in
    [0, 1] units; each teacher scales it as it was trained to), without gradients."""
    with torch.no_grad():
        probs = [
            F.softmax(t.model(t.normalization.apply(x_unit)).logits / temperature, 1)
            for t in teachers
        ]
    return torch.stack(probs).mean(0)


@dataclass
class TrainResult:
    checkpoint: Checkpoint
    history: list[EpochResult] = field(default_factory=list)


def train(
    data: TrainingData,
    config: TrainConfig | None = None,
    model_config: ModelConfig | None = None,
    on_batch: BatchCallback | None = None,
    on_epoch: EpochCallback | None = None,
    should_cancel: CancelCheck | None = None,
    augment_config: AugmentConfig | None = None,
    on_start: Callable[[LeNet5], None] | None = None,
    device: str | torch.device = "cpu",
    network: nn.Module | None = None,
    teachers: Sequence[Checkpoint] = (),
) -> TrainResult:
    """Train a fresh LeNet-5 (or the fresh `network` given, e.g. the flat one). Raises
    `TrainingCancelled` or `TrainingDiverged`.

    With `teachers` (trained networks, each with its own input scale), every batch's digits
    are also taught the teachers' averaged softened outputs (`config.distill_weight`,
    `config.distill_temperature`; model/training/objective.py).

    `on_start` receives the network before the first step (it keeps learning in place), so a
    caller can look at it mid-epoch, e.g. for a live preview. When `data` holds pen digits
    (`add_pen_digits`) and `config.pen_fraction` > 0, that share of every batch is pen digits;
    when it holds non-digits (`add_nondigits`) and `config.nondigit_fraction` > 0, that share is
    non-digits and LeNet-5 gets its "not a digit" head; the rest is MNIST. An epoch keeps its
    number of steps (and its time) and sees a fresh random share of MNIST. `device` ("cpu",
    "cuda", "mps", or "auto") is where the data and the network live while training; the
    random numbers are drawn on the CPU, so a seed means the same batches and distortions
    everywhere. The returned network is on the CPU.
    """
    config = config or TrainConfig()
    model_config = model_config or ModelConfig()
    device = resolve_device(device) if isinstance(device, str) else device
    torch.manual_seed(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    norm = data.normalization()
    restyled = config.augment and config.restyle > 0
    if restyled:
        data.add_styles(config.restyle, config.seed, should_cancel)
    data = data.to(device)
    with_pen = data.pen_x is not None and data.pen_y is not None and config.pen_fraction > 0
    with_other = data.nondigit_x is not None and config.nondigit_fraction > 0
    pen_per_batch = round(config.batch_size * config.pen_fraction) if with_pen else 0
    other_per_batch = round(config.batch_size * config.nondigit_fraction) if with_other else 0
    mnist_per_batch = config.batch_size - pen_per_batch - other_per_batch
    if network is None:
        model_config = dataclasses.replace(model_config, reject_head=bool(other_per_batch))
        network = LeNet5(model_config)
    model = network.to(device)
    if on_start is not None:
        on_start(model)
    n = len(data.train_x)
    batches = math.ceil(n / config.batch_size)
    history: list[EpochResult] = []
    start = time.perf_counter()
    order = torch.empty(0, dtype=torch.long)
    tally = {"loss": 0.0, "correct": 0, "seen": 0, "start": start}
    for teacher in teachers:  # they only read: on the device, without dropout
        teacher.model.to(device).eval()
    soft: dict[str, torch.Tensor | None] = {"targets": None}

    def next_batch(step: int) -> tuple[torch.Tensor, torch.Tensor]:
        nonlocal order
        b = step % batches
        if b == 0:
            order = torch.randperm(n, generator=generator)
            tally.update(loss=0.0, correct=0, seen=0, start=time.perf_counter())
        idx = order[b * mnist_per_batch : (b + 1) * mnist_per_batch].to(device)
        xs, ys = [data.batch(idx, restyled)], [data.train_y[idx]]
        if pen_per_batch:
            pen = torch.randint(len(data.pen_x), (pen_per_batch,), generator=generator)
            xs.append(data.pen_x[pen.to(device)])
            ys.append(data.pen_y[pen.to(device)])
        if other_per_batch:
            other = torch.randint(len(data.nondigit_x), (other_per_batch,), generator=generator)
            xs.append(data.nondigit_x[other.to(device)])
            ys.append(torch.full((other_per_batch,), NOT_A_DIGIT, device=device))
        x, y = torch.cat(xs), torch.cat(ys)
        if config.augment:
            x = augment_batch(x, generator, augment_config)
        if teachers:
            soft["targets"] = teacher_probabilities(teachers, x, config.distill_temperature)
        return (x - norm.mean) / norm.std, y

    def after_step(step: int, loss: float, out: LeNetOutput, y: torch.Tensor) -> None:
        epoch, b = step // batches + 1, step % batches
        hits, digits = digit_hits(out, y)
        tally["loss"] += loss * len(y)
        tally["correct"] += hits
        tally["seen"] += digits
        if on_batch is not None:
            elapsed = time.perf_counter() - start
            done = step + 1
            on_batch(
                BatchProgress(
                    epoch,
                    config.epochs,
                    b + 1,
                    batches,
                    loss,
                    hits / max(digits, 1),
                    elapsed,
                    elapsed / done * (config.epochs * batches - done),
                )
            )
        if b == batches - 1:
            test_acc = accuracy(model, data.test_x, data.test_y, norm)
            result = EpochResult(
                epoch,
                tally["loss"] / n,
                tally["correct"] / n,
                test_acc,
                time.perf_counter() - tally["start"],
            )
            history.append(result)
            if on_epoch is not None:
                on_epoch(result, model)
            model.train()

    def check_cancel() -> None:
        if should_cancel is not None and should_cancel():
            raise TrainingCancelled("training cancelled")

    run_steps(
        model,
        config.epochs * batches,
        next_batch,
        lambda out, y: step_loss(
            out,
            y,
            config.label_smoothing,
            config.outlier_weight,
            config.reject_weight,
            soft["targets"],
            config.distill_weight,
            config.distill_temperature,
        ),
        lr=config.lr,
        weight_decay=config.weight_decay,
        check_cancel=check_cancel,
        after_step=after_step,
    )
    model.eval().to("cpu")
    metadata = {
        "test_accuracy": history[-1].test_accuracy,
        "train_config": config.to_dict(),
        "history": [
            {"epoch": h.epoch, "train_loss": h.train_loss, "test_accuracy": h.test_accuracy}
            for h in history
        ],
        "train_images": n,
        "teachers": len(teachers),
        "pen_images": len(data.pen_x) if with_pen else 0,
        "nondigit_images": len(data.nondigit_x) if with_other else 0,
        "test_images": len(data.test_x),
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "torch": str(torch.__version__),  # TorchVersion is not weights_only-safe
    }
    return TrainResult(Checkpoint(model, norm, metadata), history)
