"""`python -m model.evaluate`: accuracy, per-class accuracy and confusion matrix of a checkpoint.

Reports MNIST's test set and, beside it, the drawn-digit set (test digits redrawn as pen
strokes), which is the better predictor of how the app reads real drawings.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from model import cli
from model.checkpoint import load_checkpoint
from model.evaluation import evaluate_drawn, evaluate_mnist
from model.mnist import load_split
from model.weights import shipped_weights_path


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser("python -m model.evaluate", "Evaluate a checkpoint on the MNIST test set.")
    p.add_argument("--weights", type=Path, default=shipped_weights_path())
    cli.add_data_dir(p)
    p.add_argument(
        "--drawn",
        type=int,
        default=2000,
        help="number of redrawn test digits to evaluate (0 to skip)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the drawn-digit set")
    args = p.parse_args(argv)
    checkpoint = load_checkpoint(args.weights)
    test = load_split("test", args.data_dir)
    print(f"weights: {args.weights}")
    print(evaluate_mnist(checkpoint, test).format("MNIST test set"))
    if args.drawn > 0:
        print()
        print(evaluate_drawn(checkpoint, test, args.drawn, args.seed).format("drawn digits"))
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
