"""`python tools/bench_attribution.py`: latency of each attribution method, one thread.

Prints p50 / p95 in milliseconds over MNIST test digits (or random inputs when MNIST is not
found) against the targets of the insight workspace. Times `attribute`, what the views call:
the method plus the scaling against its reference (one forward pass of the input and a blank
canvas as a batch of two, about 0.3 ms). Measure on a quiet machine: figures taken
while other jobs share the cores are provisional.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis import attribution
from model.data.mnist import load_split
from model.drawing.preprocess import mnist_to_network_input
from model.errors import DataError
from model.network.inference import Predictor

TARGET_P95_MS = {"saliency": 5, "integrated_gradients": 30, "occlusion": 50, "grad_cam": 5}


def inputs(predictor: Predictor, data_dir: Path | None, count: int) -> np.ndarray:
    try:
        test = load_split("test", data_dir)
        return mnist_to_network_input(test.images[:count], predictor.normalization)[:, 0].numpy()
    except DataError:
        return np.random.default_rng(0).normal(size=(count, 32, 32)).astype(np.float32)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--weights", type=Path, default=None)
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument("--repeats", type=int, default=100, help="timed calls per method")
    args = p.parse_args()
    torch.set_num_threads(1)
    predictor = Predictor.load(args.weights)
    xs = inputs(predictor, args.data_dir, 20)
    attribution.captum_attr()  # the one-off import is not part of a call's latency
    print(f"{'method':<22}{'p50 ms':>8}{'p95 ms':>8}{'target':>8}")
    for method in attribution.METHODS:
        for x in xs[:5]:  # warm-up
            attribution.attribute(method, predictor, x)
        times = []
        for i in range(args.repeats):
            start = time.perf_counter()
            attribution.attribute(method, predictor, xs[i % len(xs)])
            times.append((time.perf_counter() - start) * 1e3)
        p50, p95 = np.percentile(times, [50, 95])
        target = TARGET_P95_MS[method]
        flag = "" if p95 <= target else "  over"
        print(f"{method:<22}{p50:8.1f}{p95:8.1f}{'<= ' + str(target):>8}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
