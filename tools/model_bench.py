"""`python -m tools.model_bench`: the model package's speed figures on this machine.

Prints a small table: seconds per training epoch with augmentation, MNIST test-set evaluation
time, and single-image latency from a canvas raster to probabilities plus activations (p50/p95).
Numbers live here, not in timed tests.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from model.analysis.accuracy import evaluate_mnist
from model.cli import common as cli
from model.config import TrainConfig
from model.data.drawn_digits import make_drawn_set
from model.data.mnist import load_split
from model.data.pen_digits import find_pen_file, load_pen_digits, training_writers
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor
from model.training.loop import TrainingData, train


def percentile_ms(samples: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(samples) * 1000.0, q))


def bench_latency(predictor: Predictor, rasters: np.ndarray, repeats: int) -> list[float]:
    times = []
    for i in range(repeats):
        raster = rasters[i % len(rasters)]
        start = time.perf_counter()
        predictor.predict(raster)
        times.append(time.perf_counter() - start)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m tools.model_bench", "Measure training, evaluation and inference speed."
    )
    cli.add_data_dir(p)
    p.add_argument("--pen-dir", type=Path, default=None, help="folder of the UCI pen digits")
    p.add_argument("--weights", type=Path, default=shipped_weights_path(), help="checkpoint")
    p.add_argument("--epochs", type=int, default=1, help="training epochs to time (0 to skip)")
    p.add_argument("--repeats", type=int, default=1000, help="single-image predictions to time")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = p.parse_args(argv)

    rows: dict[str, float] = {}
    test = load_split("test", args.data_dir)
    predictor = Predictor(load_checkpoint(args.weights))
    rasters = make_drawn_set(test.images, test.labels, 50, seed=1).rasters
    bench_latency(predictor, rasters, 50)  # warm up
    latency = bench_latency(predictor, rasters, args.repeats)
    rows["single image p50 (ms)"] = percentile_ms(latency, 50)
    rows["single image p95 (ms)"] = percentile_ms(latency, 95)

    start = time.perf_counter()
    evaluate_mnist(predictor.checkpoint, test)
    rows["test set evaluation, 10k (s)"] = time.perf_counter() - start

    if args.epochs > 0:
        data = TrainingData.load(args.data_dir)
        config = TrainConfig(epochs=args.epochs)
        pen = find_pen_file(args.pen_dir)
        if pen is not None:
            start = time.perf_counter()
            data.add_pen_digits(training_writers(load_pen_digits(pen)), config.pen_variants)
            rows["pen-digit pool, drawn once per run (s)"] = time.perf_counter() - start
        result = train(data, config)
        per_epoch = [h.seconds for h in result.history]
        what = "with pen digits" if pen is not None else "MNIST only"
        rows[f"training epoch with augmentation, {what} (s)"] = float(np.mean(per_epoch))

    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in rows.items()}))
    else:
        width = max(map(len, rows))
        for key, value in rows.items():
            print(f"{key:<{width}}  {value:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
