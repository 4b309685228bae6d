"""`python -m model.cli.evaluate`: how well a checkpoint reads MNIST and real handwriting.

Reports, for the checkpoint's calibrated probabilities (see model/network/calibration.py):
- MNIST's test set: accuracy, per class, confusion matrix, expected calibration error (ECE);
- real pen digits by writers the shipped weights never saw (`pendata.TEST_WRITERS`), drawn like
  the canvas at its default pen (random size 40-80% of its height, random position), through
  the app's preprocessing: the headline figure for drawings; then at pen widths 8, 20 and 36,
  with and without pen-width normalisation (re-rendering the strokes at an MNIST-like width);
- the validation writers the temperature was fitted on, with the ECE before and after it;
- the synthetic drawn-digit set (MNIST test digits redrawn as strokes), secondary.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from model.analysis.accuracy import evaluate_drawn, evaluate_mnist, evaluate_pen
from model.cli import common as cli
from model.data.mnist import load_split
from model.data.pen_digits import (
    CALIBRATION_WRITERS,
    EVAL_PEN_WIDTHS,
    TEST_WRITERS,
    by_writers,
    find_pen_file,
    load_pen_digits,
)
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.cli.evaluate", "Evaluate a checkpoint on MNIST and on real pen digits."
    )
    p.add_argument("--weights", type=Path, default=shipped_weights_path())
    cli.add_data_dir(p)
    p.add_argument("--pen-dir", type=Path, default=None, help="folder of the UCI pen digits")
    p.add_argument(
        "--drawn",
        type=cli.number(int, low=0),
        default=2000,
        help="number of synthetic redrawn test digits to evaluate (0 to skip)",
    )
    p.add_argument(
        "--pen",
        type=cli.number(int, low=0),
        default=None,
        help="evaluate only the first N held-out pen digits (default: all; 0 to skip)",
    )
    p.add_argument(
        "--seed",
        type=cli.number(int, **cli.SEED),
        default=0,
        help="seed of sizes, positions, drawn set",
    )
    args = p.parse_args(argv)
    checkpoint = load_checkpoint(args.weights)
    test = load_split("test", args.data_dir)
    t = checkpoint.metadata.get("temperature")
    print(f"weights: {args.weights}  (temperature {t if t is not None else 'none: 1.0'})")
    print(evaluate_mnist(checkpoint, test).format("MNIST test set"))
    print(f"  uncalibrated ECE {evaluate_mnist(checkpoint, test, 1.0).ece * 100:.2f}%")
    path = find_pen_file(args.pen_dir) if args.pen != 0 else None
    if args.pen == 0:
        pass
    elif path is None:
        print("\nreal pen digits: not found (--pen-dir, $LENET_LENS_PEN_DATA, ../shared/data)")
    else:
        digits = load_pen_digits(path)
        held_out = by_writers(digits, TEST_WRITERS)[: args.pen]
        print()
        title = f"real pen digits, held-out writers {TEST_WRITERS}, default pen"
        print(evaluate_pen(checkpoint, held_out, seed=args.seed).format(title))
        print("\npen width (px of 280)   as drawn   width-normalised")
        for width in EVAL_PEN_WIDTHS:
            raw = evaluate_pen(checkpoint, held_out, width, args.seed)
            norm = evaluate_pen(checkpoint, held_out, width, args.seed, normalize_width=True)
            print(f"{width:>21g}   {raw.accuracy * 100:7.2f}%   {norm.accuracy * 100:15.2f}%")
        validation = by_writers(digits, CALIBRATION_WRITERS)[: args.pen]
        cal = evaluate_pen(checkpoint, validation, seed=1)
        raw = evaluate_pen(checkpoint, validation, seed=1, temperature=1.0)
        print(
            f"\nvalidation writers {CALIBRATION_WRITERS} (temperature fitted here): "
            f"{cal.accuracy * 100:.2f}% of {cal.count}, ECE {cal.ece * 100:.2f}% "
            f"(uncalibrated {raw.ece * 100:.2f}%)"
        )
    if args.drawn > 0:
        print()
        drawn = evaluate_drawn(checkpoint, test, args.drawn, args.seed)
        print(drawn.format("synthetic drawn digits"))
    return 0


if __name__ == "__main__":
    sys.exit(cli.run(main))
