"""`python -m tools.arch_bench [--repeats N] [--steps N] [--threads N] [--json]
[--epochs-on MNIST_DIR [--subset N]]`: the architecture lab's designs measured on this machine.

Per design (the presets and the largest designs the caps allow): parameters and multiply-adds
(from model/analysis/shapes.py), single-image forward latency p50/p95 in ms (one thread, as the
app runs inference; target p95 <= 5 ms for any allowed design) and the p95 of the CPU time
the pass itself took (which a busy machine's waits for a core do not inflate), and an estimate
of one training epoch on a 6,000-image subset: the mean time of `--steps` Adam steps on
batches of 128 random images (forward + backward, no data loading or augmentation), times the
47 batches of 6,000.

`--epochs-on MNIST_DIR` instead times a real training epoch of each design through the lab's own
function (`model.training.design.train_design`: the one loop, with augmentation, as the lab
trains; no pen digits) on the first `--subset` MNIST training images, and prints the epoch's
wall-clock and CPU time (this thread's: what a busy machine's waits do not inflate) against the
multiply-adds, with the CPU seconds per million multiply-adds, so whether an epoch costs time in
proportion to a design's multiply-adds can be read off one column.
Numbers live here, not in timed tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import time

import numpy as np
import torch
from torch.nn import functional as F

from model.analysis.shapes import shape_table
from model.network.architecture import (
    MAX_MACS,
    PRESETS,
    Architecture,
    ConvStage,
    Dense,
    Pooling,
)
from model.network.builder import build
from model.network.lenet import LeNet5

SUBSET = 6000
BATCH = 128

#: The largest designs within the caps: convolution-heavy and dense-heavy, each near MAX_MACS.
LARGEST: dict[str, Architecture] = {
    "largest_conv (32@5x5, 16@5x5)": Architecture(
        stages=(
            ConvStage(32, 5, "valid", 1, "relu", Pooling("max", 2, 2)),
            ConvStage(16, 5, "valid", 1, "relu", Pooling("max", 2, 2)),
        ),
        dense=(Dense(120, "relu", 0.1), Dense(84, "relu", 0.1)),
        flatten_dropout=0.1,
    ),
    "largest_deep (4 stages, 64 maps)": Architecture(
        stages=(
            ConvStage(8, 3, "same", 1, "relu", Pooling("max", 2, 2)),
            ConvStage(16, 3, "same", 1, "relu", Pooling("max", 2, 2)),
            ConvStage(64, 3, "same", 1, "relu", Pooling("max", 2, 2)),
            ConvStage(64, 3, "same", 1, "relu", Pooling("max", 2, 2)),
        ),
        dense=(Dense(256, "relu", 0.1), Dense(128, "relu", 0.1), Dense(64, "relu", 0.1)),
        flatten_dropout=0.1,
    ),
    "largest_dense (1024, 900)": Architecture(
        dense=(Dense(1024, "relu", 0.1), Dense(900, "relu", 0.1)),
    ),
}


def latency_ms(design: Architecture | None, repeats: int) -> tuple[float, float, float]:
    """Wall-clock p50, p95 and this thread's CPU-time p95 of one forward pass (None: today's
    `LeNet5` class, the baseline). On a busy machine the wall-clock p95 is mostly time spent
    waiting for a core; the CPU time is what the design itself costs."""
    net = (LeNet5() if design is None else build(design)).eval()
    x = torch.randn(1, 1, 32, 32)
    times, cpu = [], []
    with torch.inference_mode():
        for _ in range(20):
            net(x)
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.thread_time()
            out = net(x)
            _ = {k: v[0].numpy() for k, v in out.activations.items()}  # as Predictor does
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
    ms, cpu_ms = np.asarray(times) * 1000.0, np.asarray(cpu) * 1000.0
    return (
        float(np.percentile(ms, 50)),
        float(np.percentile(ms, 95)),
        float(np.percentile(cpu_ms, 95)),
    )


def epoch_estimate_s(design: Architecture, steps: int) -> float:
    torch.manual_seed(0)
    net = build(design).train()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    x, y = torch.randn(BATCH, 1, 32, 32), torch.randint(0, 10, (BATCH,))

    def step() -> None:
        optimizer.zero_grad()
        F.cross_entropy(net(x).logits, y).backward()
        optimizer.step()

    step()  # warm-up
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return (time.perf_counter() - start) / steps * math.ceil(SUBSET / BATCH)


def real_epochs(
    data_dir: str, subset: int, threads: int, designs: dict[str, Architecture], repeats: int = 2
) -> list[dict]:
    """Seconds of one real training epoch per design (the lab's function, augmentation on;
    the fastest of `repeats` runs)."""
    from model.config import LAB_TRAIN
    from model.training.design import train_design
    from model.training.loop import TrainingData

    data = TrainingData.load(data_dir, train_subset=subset, test_subset=1000)
    config = dataclasses.replace(LAB_TRAIN, epochs=1, pen_fraction=0.0, train_subset=subset)
    data.add_styles(config.restyle, config.seed)  # made once, before any timing
    torch.set_num_threads(threads)
    rows = []
    for name, design in designs.items():
        table = shape_table(design)
        seconds = cpu = math.inf
        for _ in range(repeats):  # the fastest run: the least disturbed by other processes
            start, start_cpu = time.perf_counter(), time.thread_time()
            result = train_design(data, design, config)
            seconds = min(seconds, time.perf_counter() - start)
            cpu = min(cpu, time.thread_time() - start_cpu)
        rows.append(
            {
                "design": name,
                "params": table.total_params,
                "macs": table.total_macs,
                "epoch_s": round(seconds, 2),
                "epoch_cpu_s": round(cpu, 2),
                "cpu_s_per_mmac": round(cpu / (table.total_macs / 1e6), 2),
                "test_accuracy": round(result.checkpoint.test_accuracy, 4),
            }
        )
    return rows


def print_epochs(rows: list[dict], subset: int, threads: int) -> None:
    print(
        f"{'design':34} {'params':>9} {'MACs':>10} {'epoch s':>8} {'CPU s':>6} "
        f"{'CPU s/M MACs':>12} {'test':>7}"
    )
    for r in sorted(rows, key=lambda r: r["macs"]):
        print(
            f"{r['design']:34} {r['params']:>9,} {r['macs']:>10,} {r['epoch_s']:>8.1f} "
            f"{r['epoch_cpu_s']:>6.1f} {r['cpu_s_per_mmac']:>12.1f} "
            f"{100 * r['test_accuracy']:>6.1f}%"
        )
    print(
        f"(one epoch of {subset:,} MNIST images, batches of 128 with augmentation, "
        f"{threads} thread(s), through model.training.design.train_design, fastest of the "
        "runs; test: 1,000 images after that one epoch)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300, help="forward passes per design")
    parser.add_argument("--steps", type=int, default=6, help="training steps timed per design")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for training")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--epochs-on", metavar="MNIST_DIR", help="time a real training epoch of each design"
    )
    parser.add_argument("--subset", type=int, default=6000, help="training images per epoch")
    parser.add_argument("--epoch-repeats", type=int, default=2, help="runs per design (fastest)")
    args = parser.parse_args(argv)
    designs = dict(PRESETS) | LARGEST
    if args.epochs_on:
        rows = real_epochs(args.epochs_on, args.subset, args.threads, designs, args.epoch_repeats)
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            print_epochs(rows, args.subset, args.threads)
        return 0
    rows = []
    for name, design in designs.items():
        table = shape_table(design)
        assert table.ok, (name, [r.english() for r in table.problems])
        torch.set_num_threads(1)
        p50, p95, cpu95 = latency_ms(design, args.repeats)
        torch.set_num_threads(args.threads)
        epoch = epoch_estimate_s(design, args.steps)
        rows.append(
            {
                "design": name,
                "params": table.total_params,
                "macs": table.total_macs,
                "p50_ms": round(p50, 3),
                "p95_ms": round(p95, 3),
                "cpu_p95_ms": round(cpu95, 3),
                "epoch_6k_s": round(epoch, 2),
            }
        )
    torch.set_num_threads(1)
    p50, p95, cpu95 = latency_ms(None, args.repeats)  # same run, same load: today's cost
    rows.append(
        {
            "design": "LeNet5 class (baseline)",
            "p50_ms": round(p50, 3),
            "p95_ms": round(p95, 3),
            "cpu_p95_ms": round(cpu95, 3),
        }
    )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"{'design':34} {'params':>9} {'MACs':>10} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'cpu p95':>7} {'epoch 6k s':>10}"
    )
    for r in rows:
        if "params" not in r:
            print(
                f"{r['design']:34} {'':>9} {'':>10} {r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f} "
                f"{r['cpu_p95_ms']:>7.2f}"
            )
            continue
        print(
            f"{r['design']:34} {r['params']:>9,} {r['macs']:>10,} {r['p50_ms']:>7.2f} "
            f"{r['p95_ms']:>7.2f} {r['cpu_p95_ms']:>7.2f} {r['epoch_6k_s']:>10.1f}"
        )
    print(
        f"(cap {MAX_MACS:,} multiply-adds; latency: one image, one thread, activations to numpy;"
        f" epoch: {math.ceil(SUBSET / BATCH)} Adam steps of {BATCH} random images, "
        f"{args.threads} thread(s), no augmentation)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
