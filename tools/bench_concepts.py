"""`python tools/bench_concepts.py`: latency of the concepts views' model calls, one thread.

Each is what one interactive update costs (target p95 <= 16 ms for the whole update, GUI
included): the arithmetic of one unit per layer, one playground convolution, and a -4..+4 shift
sweep of the layer distances. Figures from a busy machine are provisional.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis.conv_playground import convolve, preset
from model.analysis.shift import shift_sweep
from model.analysis.unit_arithmetic import unit_arithmetic
from model.network.inference import Predictor
from model.network.lenet import LAYER_NAMES


def measure(fn, repeats: int = 100) -> tuple[float, float]:
    for _ in range(5):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    p50, p95 = np.percentile(times, [50, 95])
    return float(p50), float(p95)


def main() -> int:
    torch.set_num_threads(1)
    predictor = Predictor.load()
    x = np.random.default_rng(0).normal(size=(32, 32)).astype(np.float32)
    rows = [
        (f"unit arithmetic {layer}", lambda la=layer: unit_arithmetic(predictor, x, la, 3))
        for layer in LAYER_NAMES
    ]
    rows += [
        ("convolve 32x32, 5x5, SAME, s=2", lambda: convolve(x, preset("blur 5x5"), "same", 2)),
        ("shift sweep -4..+4 (9 inputs)", lambda: shift_sweep(predictor, x)),
    ]
    print(f"{'call':<34}{'p50 ms':>8}{'p95 ms':>8}")
    for name, fn in rows:
        p50, p95 = measure(fn)
        print(f"{name:<34}{p50:8.2f}{p95:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
