"""`python tools/bench_insight.py`: the whole-data-set jobs of the insight and concepts views.

Times (default threads, as the GUI's background jobs run) the evaluation of the 10k MNIST test
set (target <= 2 s), a confusion-cell lookup for the gallery (target <= 100 ms, and far less
here: the GUI adds its own drawing), and the shift test of LeNet-5 and the fully-connected
network over the test set (target <= 10 s for both). Figures from a busy machine are provisional.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis.predictions import evaluate_dataset
from model.analysis.shift import shift_test
from model.data.datasets import mnist_test
from model.data.mnist import load_split
from model.files.checkpoint import load_checkpoint
from model.files.weights import FLAT_NAME, shipped_weights_path
from model.network.flat import load_flat_checkpoint
from model.network.inference import Predictor


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data-dir", type=Path, default=None)
    args = p.parse_args()
    predictor = Predictor.load()
    dataset = mnist_test(args.data_dir)
    evaluation, seconds = timed(lambda: evaluate_dataset(predictor, dataset))
    print(f"evaluate MNIST test (10k)          {seconds:7.2f} s   target <= 2 s")
    _, seconds = timed(lambda: evaluation.indices(true=4, predicted=9, sort="confident_mistakes"))
    print(f"confusion cell -> sample indices   {seconds * 1e3:7.2f} ms  target <= 100 ms")
    test = load_split("test", args.data_dir)
    total = 0.0
    for name, checkpoint in (
        ("LeNet-5", load_checkpoint(shipped_weights_path())),
        ("fully-connected", load_flat_checkpoint(shipped_weights_path(FLAT_NAME))),
    ):
        result, seconds = timed(
            lambda c=checkpoint: shift_test(c.model, test.images, test.labels, c.normalization)
        )
        total += seconds
        curve = " ".join(f"{a * 100:.1f}" for a in result.accuracy)
        print(f"shift test {name:<16}        {seconds:7.2f} s   accuracy 0-4 px: {curve}")
    print(f"shift test, both networks          {total:7.2f} s   target <= 10 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
