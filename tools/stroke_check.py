"""What the stroke check adds to the "not a digit" head: `python -m tools.stroke_check`.

Prints, for a weights file with the head (default: the shipped weights), how many real digits
the stroke check flags on each side of the writer split (it must flag none it can avoid), and
the share of each generated kind of mark and of the test writers' non-digit-like letters and
symbols flagged by the head alone and by the head or the strokes, at the stored threshold and
at the threshold rejecting at most 1% of the test writers' digits (the issue's measure, stored
by the training command under `pen_figures`). The varied scribble styles
(`model.data.marks.TRAINING_KINDS`) and scribbles made the way another program might make
them (`model.data.marks.FOREIGN_SCRIBBLES`: a random walk, random points joined) are measured
too, on seeds of their own.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis.not_a_digit import network_inputs, outputs, render_samples_as_drawn
from model.data import marks
from model.data.pen_sample import screen_strokes
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import TEST, TRAIN, VALIDATION
from model.drawing.stroke_shape import stroke_shape
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.network.verdict import THRESHOLD_KEY, flagged_by_strokes, stroke_reason

VARIED = ("coil", "blob", "walk", "strokes")


def row(name: str, scores: np.ndarray, strokes: np.ndarray, threshold: float) -> str:
    head = scores >= threshold
    return f"| {name} | {head.mean():.1%} | {(head | strokes).mean():.1%} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", type=Path, default=shipped_weights_path())
    parser.add_argument("--pen-dir", type=Path, default=None)
    parser.add_argument("--unipen-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    checkpoint = load_checkpoint(args.weights)
    stored = checkpoint.metadata.get(THRESHOLD_KEY)
    if stored is None:
        print(f"{args.weights}: no 'not a digit' head, nothing to measure")
        return 1
    figures = checkpoint.metadata.get("pen_figures", {}).get("test", {})
    unseen = figures.get("at_test_threshold", {}).get("threshold")
    pens = load_pen_sources(args.pen_dir, args.unipen_dir)
    if not pens.files:
        print("pen sources not found: give --pen-dir and --unipen-dir")
        return 1

    print("| writers | digits | flagged by their strokes |\n| --- | --- | --- |")
    for side in (TRAIN, VALIDATION, TEST):
        digits = pens.digits(side)
        flagged = flagged_by_strokes(screen_strokes(d) for d in digits)
        print(f"| {side} | {len(digits)} | {int(flagged.sum())} ({flagged.mean():.2%}) |")
    drawn = [screen_strokes(d) for d in pens.digits(VALIDATION)]
    times = []
    for strokes in drawn:  # what a read adds on the stroke path
        start = time.perf_counter()
        stroke_reason(stroke_shape(strokes))
        times.append(time.perf_counter() - start)
    p50, p95 = np.percentile(times, [50, 95]) * 1000
    print(f"\nstroke check per drawing (validation digits): p50 {p50:.3f} ms, p95 {p95:.3f} ms")

    def score(images: np.ndarray) -> np.ndarray:
        return outputs(checkpoint.model, network_inputs(images, checkpoint.normalization))[1]

    generated = marks.evaluation_marks()
    varied = marks.make_marks(100 * len(VARIED), seed=4242, kinds=VARIED)
    foreign = marks.make_marks(
        300 * len(marks.FOREIGN_SCRIBBLES), seed=4343, kinds=marks.FOREIGN_SCRIBBLES
    )
    letters = [s for s in pens.nondigits(TEST) if not s.digit_like]
    sets = [
        (items, score(marks.render_marks(items)), flagged_by_strokes(m.strokes for m in items))
        for items in (generated, varied, foreign)
    ]
    letter_scores = score(render_samples_as_drawn(letters, seed=1))
    letter_strokes = flagged_by_strokes(screen_strokes(s) for s in letters)
    for label, threshold in (("stored", stored), ("test writers' 1%", unseen)):
        if threshold is None:
            continue
        print(f"\nat the {label} threshold ({threshold:.4f})")
        print("| non-digits | head | head or strokes |\n| --- | --- | --- |")
        for items, scores, strokes in sets:
            kinds = np.array([m.kind for m in items])
            for kind in dict.fromkeys(kinds):
                print(row(kind, scores[kinds == kind], strokes[kinds == kind], threshold))
        print(row(f"letters, symbols ({len(letters)})", letter_scores, letter_strokes, threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
