"""Benchmark of "Teach it your handwriting" (issue 11): how long a fine-tune on 20 drawings
takes, what it costs on MNIST, and how much it helps the writers the network reads worst.

    python tools/bench_finetune.py --data-dir ../shared/data/mnist [--threads 2] [--writers 3]

Personalisation: among the pen-digit writers the shipped network never trained on
(pendata.TEST_WRITERS and CALIBRATION_WRITERS), the `--writers` it reads worst; for each, 20 of
the writer's digits (2 per label) are taught, as kept drawings, and the writer's other digits
are read before and after. The goal is to halve that writer's errors. Timings depend on the
machine's load: measure on a quiet one.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.config import (
    FinetuneConfig,
    Normalization,
)
from model.data.collection import Drawing
from model.data.collection_import import drawings_from_pen_digits
from model.data.pen_digits import (
    CALIBRATION_WRITERS,
    TEST_WRITERS,
    by_writers,
    find_pen_file,
    load_pen_digits,
    training_writers,
)
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.training.finetune import finetune
from model.training.loop import TrainingData, predict_logits
from model.training.replay import as_drawn_batch, pen_replay


def two_per_label(digits: list, seed: int) -> tuple[list, list]:
    """(20 to teach: 2 of each label, the rest)."""
    rng = np.random.default_rng(seed)
    teach: set[int] = set()
    for label in range(10):
        idx = [i for i, d in enumerate(digits) if d.label == label]
        teach |= {int(i) for i in rng.choice(idx, min(2, len(idx)), replace=False)}
    return [digits[i] for i in sorted(teach)], [d for i, d in enumerate(digits) if i not in teach]


def accuracy(model: torch.nn.Module, drawings: list[Drawing], norm: Normalization) -> float:
    x = as_drawn_batch(drawings, norm)
    y = torch.tensor([d.label for d in drawings])
    return float((predict_logits(model, x).argmax(1) == y).float().mean())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument("--pen-dir", type=Path, default=None)
    p.add_argument("--weights", type=Path, default=shipped_weights_path())
    p.add_argument("--threads", type=int, default=2, help="torch threads (the target: 2 cores)")
    p.add_argument("--writers", type=int, default=3, help="worst-read writers to personalise")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lr", type=float, default=None, help="peak rate (default: FinetuneConfig's)")
    p.add_argument("--steps", type=int, default=None, help="steps (default: FinetuneConfig's)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    start = load_checkpoint(args.weights)
    norm = start.normalization
    pen_file = find_pen_file(args.pen_dir)
    if pen_file is None:
        print("no pen digits found (--pen-dir): nothing to measure", file=sys.stderr)
        return 1
    digits = load_pen_digits(pen_file)
    replay = training_writers(digits)
    mnist = TrainingData.load(args.data_dir)
    config = FinetuneConfig(seed=args.seed)
    if args.lr is not None or args.steps is not None:  # comparing settings before changing them
        config = replace(config, lr=args.lr or config.lr, steps=args.steps or config.steps)
    t0 = time.perf_counter()
    pen_replay(replay, config.pen_replay, config.seed)  # drawn once per session, then reused
    replay_seconds = time.perf_counter() - t0

    held_writers = sorted(set(TEST_WRITERS) | set(CALIBRATION_WRITERS))
    base = {}
    for w in held_writers:
        base[w] = accuracy(start.model, drawings_from_pen_digits(by_writers(digits, (w,))), norm)
    worst = sorted(held_writers, key=lambda w: base[w])[: args.writers]

    print(f"threads {args.threads}; {config}")
    print(f"first fine-tune of a session also draws the pen replay: +{replay_seconds:.1f} s")
    print(
        "| writer | taught | others | before | after | errors before -> after | time (s) "
        "| MNIST before -> after |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for w in worst:
        teach, rest = two_per_label(by_writers(digits, (w,)), args.seed)
        taught, others = drawings_from_pen_digits(teach), drawings_from_pen_digits(rest)
        t0 = time.perf_counter()
        result = finetune(start, taught, mnist=mnist, pen_digits=replay, config=config)
        seconds = time.perf_counter() - t0
        before = accuracy(start.model, others, norm)
        after = accuracy(result.checkpoint.model, others, norm)
        eb, ea = round((1 - before) * len(others)), round((1 - after) * len(others))
        print(
            f"| {w} | {len(taught)} | {len(others)} | {before * 100:.1f}% | {after * 100:.1f}% "
            f"| {eb} -> {ea} | {seconds:.1f} | {result.mnist_before * 100:.2f}% -> "
            f"{result.mnist_after * 100:.2f}% |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
