"""Teach the active network one person's handwriting in seconds: the one fine-tune function
the GUI and the CLI (`python -m model.cli.finetune`, `lenet-lens-finetune`) both call.

It starts from the given network (never a fresh one) and takes a few hundred small steps on
batches that mix the user's drawings, re-rendered at random sizes, places, pen widths and
small rotations (model/training/replay.py), with a replay of real pen digits and MNIST, so the
network learns the user's style without forgetting everyone else's. Before/after accuracy is
measured on the user's drawings (one per label held out when there are enough) and on the
MNIST test set. The input checkpoint is never modified: the result is a new one.
"""

from __future__ import annotations

import copy
import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from model.config import FinetuneConfig, Normalization
from model.data.unipen_text import PenDigit
from model.errors import CollectionError, NoInkError
from model.errors import TrainingCancelled as Cancelled  # the one place it is named
from model.files.checkpoint import Checkpoint
from model.training.augment import augment_batch
from model.training.loop import TrainingData, predict_logits, run_steps
from model.training.objective import NOT_A_DIGIT, step_loss
from model.training.replay import (
    as_drawn,
    marks_replay,
    model_has_head,
    pen_replay,
    render_variants,
    split_held_out,
)

CancelCheck = Callable[[], bool]

#: Metadata of the starting network that no longer describes the fine-tuned one.
STALE_METADATA = ("drawn_accuracy", "pen_accuracy", "pen_validation_accuracy", "history")


@dataclass(frozen=True)
class FinetuneProgress:
    stage: str  # "preparing", "training" or "measuring"
    fraction: float  # of the whole job, 0-1
    step: int = 0  # within "training", 1-based
    steps: int = 0
    loss: float | None = None


@dataclass
class FinetuneResult:
    """The fine-tuned network and what changed. Accuracies are fractions in [0, 1]."""

    checkpoint: Checkpoint  # a new network; the input one is untouched
    user_before: float  # on `user_eval_count` drawings as drawn
    user_after: float
    user_eval_count: int
    held_out: bool  # True: measured on drawings it was not taught; False: on all of them
    taught_count: int
    mnist_before: float | None  # None when no MNIST was given
    mnist_after: float | None
    mnist_count: int
    seconds: float
    steps: int
    note: str = ""  # what the user should know (nothing held out, no replay…), in English
    # the facts behind `note`, so that a GUI can say them in the user's language
    skipped: int = 0  # drawings too faint or small to read
    replayed: bool = True  # False: neither MNIST nor pen digits were mixed in
    held_out_ids: tuple[str, ...] = ()
    predictions_after: dict[str, int] = field(default_factory=dict)  # drawing id -> digit

    def summary(self) -> str:
        """A few lines for a CLI or a dialog."""
        which = "held-out" if self.held_out else "taught (too few to hold any out)"
        lines = [
            f"your drawings ({self.user_eval_count} {which}): "
            f"{self.user_before * 100:.1f}% -> {self.user_after * 100:.1f}%"
        ]
        if self.mnist_before is not None and self.mnist_after is not None:
            lines.append(
                f"MNIST test ({self.mnist_count}): {self.mnist_before * 100:.2f}% -> "
                f"{self.mnist_after * 100:.2f}%"
            )
        lines.append(
            f"{self.taught_count} drawings taught, {self.steps} steps, {self.seconds:.1f} s"
        )
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)


def finetune(
    checkpoint: Checkpoint,
    samples: Sequence,
    *,
    mnist: TrainingData | None = None,
    pen_digits: Sequence[PenDigit] | None = None,
    config: FinetuneConfig | None = None,
    progress: Callable[[FinetuneProgress], None] | None = None,
    cancel: CancelCheck | None = None,
) -> FinetuneResult:
    """Fine-tune `checkpoint` on `samples` (kept drawings: `model.data.collection.Drawing`s, or
    anything with `.id`, `.label`, `.strokes` in canvas pixels and `.pen_width`).

    `mnist` (its train split is replayed, its test split measured) and `pen_digits` (pass the
    training writers' only, `pendata.training_writers`) are what keeps the network from
    forgetting; either may be None (the result's `note` says so). Raises `CollectionError` for
    no drawings and `TrainingCancelled` when `cancel()` turns true; `checkpoint` is never
    modified either way.
    """
    config = config or FinetuneConfig()
    start = time.perf_counter()
    samples = list(samples)
    if not samples:
        raise CollectionError("no drawings to learn from: the collection is empty")
    report = progress or (lambda _p: None)

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise Cancelled("fine-tuning cancelled; the network is unchanged")

    norm = checkpoint.normalization
    notes = []
    drawn = _as_drawn(samples, norm)  # one input per readable drawing, as the app reads it
    skipped = len(samples) - len(drawn)
    if skipped:
        notes.append(f"{skipped} drawings too faint or small to read: skipped")
        samples = [d for d in samples if id(d) in drawn]
    if not samples:
        raise CollectionError("no drawings to learn from: none has enough ink to read")
    taught, held = split_held_out(samples, config.seed) if config.holdout else (samples, [])
    evaluated = held or samples
    if not held:
        notes.append(
            "measured on the drawings it was taught: keep two or more of a digit to measure "
            "on one it has not seen"
        )
    report(FinetuneProgress("preparing", 0.0))
    rng = np.random.default_rng(config.seed)
    user_x, user_y = render_variants(taught, config.variants, config, rng, cancel)
    check_cancel()
    if not len(user_x):
        raise CollectionError("no drawings to learn from: every drawing is too small to read")
    pen = pen_replay(pen_digits, config.pen_replay, config.seed)
    check_cancel()
    if mnist is None and pen is None:
        notes.append("no MNIST or pen digits to replay: the network may forget other writing")

    eval_x = torch.stack([drawn[id(d)] for d in evaluated])
    eval_y = torch.tensor([d.label for d in evaluated])
    mnist_x, mnist_y = _mnist_test(mnist, config)
    report(FinetuneProgress("preparing", 0.1))
    user_before = _accuracy(checkpoint.model, eval_x, eval_y)
    mnist_before = _accuracy(checkpoint.model, _normalise(mnist_x, norm), mnist_y)
    check_cancel()

    model = copy.deepcopy(checkpoint.model)
    with torch.random.fork_rng(devices=[]):  # dropout's randomness: seeded, caller's kept
        torch.manual_seed(config.seed)
        others = marks_replay(config.marks_replay, config.seed) if model_has_head(model) else None
        _train(model, config, norm, (user_x, user_y), pen, mnist, report, check_cancel, others)
    model.eval()

    report(FinetuneProgress("measuring", 0.95))
    user_after = _accuracy(model, eval_x, eval_y)
    mnist_after = _accuracy(model, _normalise(mnist_x, norm), mnist_y)
    all_x = torch.stack([drawn[id(d)] for d in samples])
    predicted = predict_logits(model, all_x).argmax(1).tolist()
    seconds = time.perf_counter() - start
    result = FinetuneResult(
        checkpoint=Checkpoint(model, norm, {}),
        user_before=user_before or 0.0,
        user_after=user_after or 0.0,
        user_eval_count=len(evaluated),
        held_out=bool(held),
        taught_count=len(taught),
        mnist_before=mnist_before,
        mnist_after=mnist_after,
        mnist_count=0 if mnist_y is None else len(mnist_y),
        seconds=seconds,
        steps=config.steps,
        note="; ".join(notes),
        skipped=skipped,
        replayed=mnist is not None or pen is not None,
        held_out_ids=tuple(str(getattr(d, "id", "")) for d in held),
        predictions_after={
            str(getattr(d, "id", i)): p for i, (d, p) in enumerate(zip(samples, predicted))
        },
    )
    result.checkpoint.metadata = _metadata(checkpoint, result, config)
    report(FinetuneProgress("measuring", 1.0))
    return result


def _as_drawn(samples: list, norm: Normalization) -> dict[int, torch.Tensor]:
    """{id(drawing): (1, 32, 32) input} for each drawing with enough ink to read."""
    out = {}
    for d in samples:
        try:
            out[id(d)] = torch.from_numpy(as_drawn(d, norm))[None]
        except NoInkError:
            continue
    return out


def _train(
    model: torch.nn.Module,
    config: FinetuneConfig,
    norm: Normalization,
    user: tuple[torch.Tensor, torch.Tensor],
    pen: tuple[torch.Tensor, torch.Tensor] | None,
    mnist: TrainingData | None,
    report: Callable[[FinetuneProgress], None],
    check_cancel: Callable[[], None],
    others: torch.Tensor | None = None,
) -> None:
    """The steps: each batch is user renders + pen replay + MNIST, distorted, one AdamW step
    (the one loop, `model.training.loop.run_steps`, cosine decay, divergence checked)."""
    generator = torch.Generator().manual_seed(config.seed)
    n_user = max(1, round(config.batch_size * config.user_fraction))
    n_pen = round(config.batch_size * config.pen_fraction) if pen is not None else 0
    n_mnist = config.batch_size - n_user - n_pen if mnist is not None else 0
    if mnist is None and pen is not None:
        n_pen = config.batch_size - n_user  # no MNIST: the pen digits take its share
    sources = (
        [user] + ([pen] if n_pen else []) + ([(mnist.train_x, mnist.train_y)] if n_mnist else [])
    )
    counts = [n_user] + ([n_pen] if n_pen else []) + ([n_mnist] if n_mnist else [])
    if others is not None and len(others):  # keep the "not a digit" head honest: marks too
        n_other = max(1, round(config.batch_size * config.nondigit_fraction))
        sources.append((others, torch.full((len(others),), NOT_A_DIGIT)))
        counts.append(n_other)
        counts[-2] = max(1, counts[-2] - n_other)  # out of the MNIST (or pen) share

    def next_batch(_step: int) -> tuple[torch.Tensor, torch.Tensor]:
        xs, ys = [], []
        for (x, y), n in zip(sources, counts):
            idx = torch.randint(len(x), (n,), generator=generator)
            xs.append(x[idx])
            ys.append(y[idx])
        x, y = torch.cat(xs), torch.cat(ys)
        if config.augment:
            x = augment_batch(x, generator)
        return (x - norm.mean) / norm.std, y

    def after_step(step: int, loss: float, _out: object, _y: object) -> None:
        report(
            FinetuneProgress(
                "training", 0.1 + 0.85 * (step + 1) / config.steps, step + 1, config.steps, loss
            )
        )

    run_steps(
        model,
        config.steps,
        next_batch,
        lambda out, y: step_loss(out, y, config.label_smoothing),
        lr=config.lr,
        weight_decay=config.weight_decay,
        schedule="cosine",
        check_cancel=check_cancel,
        after_step=after_step,
    )


def _mnist_test(
    mnist: TrainingData | None, config: FinetuneConfig
) -> tuple[torch.Tensor | None, torch.Tensor | None]:
    if mnist is None:
        return None, None
    n = config.mnist_test_subset
    return mnist.test_x[:n], mnist.test_y[:n]


def _normalise(x: torch.Tensor | None, norm: Normalization) -> torch.Tensor | None:
    return None if x is None else (x - norm.mean) / norm.std


def _accuracy(
    model: torch.nn.Module, x: torch.Tensor | None, y: torch.Tensor | None
) -> float | None:
    if x is None or y is None or not len(y):
        return None
    return float((predict_logits(model, x).argmax(1) == y).float().mean())


def _metadata(start: Checkpoint, result: FinetuneResult, config: FinetuneConfig) -> dict:
    """The starting network's metadata, less what no longer holds (accuracies measured for the
    parent, MNIST's included unless measured again here), plus how it was tuned."""
    meta = {k: v for k, v in start.metadata.items() if k not in STALE_METADATA}
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    meta["created"] = now
    meta.pop("saved", None)
    # Only what was measured for this network: without MNIST the parent's test accuracy would
    # follow the tuned network into its file and the status bar as though it were its own.
    meta.pop("test_accuracy", None)
    meta.pop("test_images", None)
    if result.mnist_after is not None:
        meta["test_accuracy"] = result.mnist_after
        meta["test_images"] = result.mnist_count
    meta["finetune"] = {
        "from": str(start.path) if start.path else str(start.metadata.get("created", "")),
        "drawings": result.taught_count,
        "held_out": len(result.held_out_ids),
        "user_before": result.user_before,
        "user_after": result.user_after,
        "mnist_before": result.mnist_before,
        "mnist_after": result.mnist_after,
        "config": config.to_dict(),
        "created": now,
    }
    return meta
