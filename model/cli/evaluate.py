"""`python -m model.cli.evaluate`: how well a checkpoint reads MNIST and real handwriting.

Reports, for the checkpoint's calibrated probabilities (see model/network/calibration.py):
- MNIST's test set: accuracy, per class, confusion matrix, expected calibration error (ECE);
- real pen digits of every pen source, by the one writer-disjoint split (model/data/pen_split.py),
  drawn like the canvas at its default pen (random size 40-80% of its height, random position)
  through the app's preprocessing:
  - UCI pen digits of the test writers (`TEST_WRITERS`): the headline figure for drawings; then
    at pen widths 8, 20 and 36, with and without pen-width normalisation (re-rendering the
    strokes at an MNIST-like width); the validation writers the temperature was fitted on,
    with the ECE before and after it;
  - UNIPEN digits of the validation and of the test writers, with each contributor's accuracy;
  - a summary table: accuracy and ECE per source and side;
- the synthetic drawn-digit set (MNIST test digits redrawn as strokes), secondary.
"""

from __future__ import annotations

import argparse
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
    spread_subset,
)
from model.data.pen_sample import UCI, UNIPEN
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import TEST, VALIDATION
from model.files.checkpoint import Checkpoint, load_checkpoint
from model.files.weights import shipped_weights_path


def main(argv: Sequence[str] | None = None) -> int:
    p = cli.parser(
        "python -m model.cli.evaluate", "Evaluate a checkpoint on MNIST and on real pen digits."
    )
    p.add_argument("--weights", type=Path, default=shipped_weights_path())
    cli.add_data_dir(p)
    p.add_argument("--pen-dir", type=Path, default=None, help="folder of the UCI pen digits")
    p.add_argument("--unipen-dir", type=Path, default=None, help="folder of the UNIPEN JSON files")
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
        help="evaluate only N pen digits (spread over the writers) of each held-out set "
        "(default: all; 0 to skip)",
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
    mnist = evaluate_mnist(checkpoint, test)
    print(mnist.format("MNIST test set"))
    print(f"  uncalibrated ECE {evaluate_mnist(checkpoint, test, 1.0).ece * 100:.2f}%")
    if args.pen != 0:
        summary = [("MNIST test", "-", len(test.labels), mnist.accuracy, mnist.ece)]
        report_pen(checkpoint, args, summary)
        print(f"\n{'source':<20}{'writers':>8}{'digits':>8}{'accuracy':>10}{'ECE':>8}")
        for name, writers, count, acc, ece in summary:
            print(f"{name:<20}{writers:>8}{count:>8}{acc * 100:>9.2f}%{(ece or 0) * 100:>7.2f}%")
    if args.drawn > 0:
        print()
        drawn = evaluate_drawn(checkpoint, test, args.drawn, args.seed)
        print(drawn.format("synthetic drawn digits"))
    return 0


def report_pen(checkpoint: Checkpoint, args: argparse.Namespace, summary: list) -> None:
    """Print every pen source's figures; add a summary row per source and side."""
    sources = load_pen_sources(args.pen_dir, args.unipen_dir, nondigits=False)
    limit = args.pen
    for name in sources.missing:
        print(f"\n{name}: not found (--pen-dir/--unipen-dir, the user cache, ../shared/data)")
    held_out = spread_subset(sources.digits(TEST, (UCI,)), limit)
    if held_out:
        print()
        title = f"real pen digits, held-out writers {TEST_WRITERS}, default pen"
        uci_test = evaluate_pen(checkpoint, held_out, seed=args.seed)
        print(uci_test.format(title))
        print("\npen width (px of 280)   as drawn   width-normalised")
        for width in EVAL_PEN_WIDTHS:
            raw = evaluate_pen(checkpoint, held_out, width, args.seed)
            norm = evaluate_pen(checkpoint, held_out, width, args.seed, normalize_width=True)
            print(f"{width:>21g}   {raw.accuracy * 100:7.2f}%   {norm.accuracy * 100:15.2f}%")
        validation = spread_subset(sources.digits(VALIDATION, (UCI,)), limit)
        cal = evaluate_pen(checkpoint, validation, seed=1)
        raw = evaluate_pen(checkpoint, validation, seed=1, temperature=1.0)
        print(
            f"\nvalidation writers {CALIBRATION_WRITERS} (temperature fitted here): "
            f"{cal.accuracy * 100:.2f}% of {cal.count}, ECE {cal.ece * 100:.2f}% "
            f"(uncalibrated {raw.ece * 100:.2f}%)"
        )
        summary.append(
            ("UCI validation", len(CALIBRATION_WRITERS), cal.count, cal.accuracy, cal.ece)
        )
        summary.append(
            ("UCI test", len(TEST_WRITERS), uci_test.count, uci_test.accuracy, uci_test.ece)
        )
    for side in (VALIDATION, TEST):
        digits = spread_subset(sources.digits(side, (UNIPEN,)), limit)
        if not digits:
            continue
        writers = len({d.writer for d in digits})
        contributors = len({d.contributor for d in digits})
        result = evaluate_pen(checkpoint, digits, seed=args.seed, group_by=lambda d: d.contributor)
        raw = evaluate_pen(checkpoint, digits, seed=args.seed, temperature=1.0)
        print(
            f"\nUNIPEN digits, {side} writers ({writers} writers of {contributors} "
            f"contributors): {result.accuracy * 100:.2f}% of {result.count}, "
            f"ECE {result.ece * 100:.2f}% (uncalibrated {raw.ece * 100:.2f}%)"
        )
        print(f"  by contributor: {result.format_groups()}")
        summary.append((f"UNIPEN {side}", writers, result.count, result.accuracy, result.ece))


if __name__ == "__main__":
    sys.exit(cli.run(main))
