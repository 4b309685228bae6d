"""What the network's pen cap does for digits drawn small or with a thick pen:
`python -m tools.pen_width_check [--weights FILE] [--pen-dir DIR] [--unipen-dir DIR]`.

Draws every validation (and, with `--test`, test) writer's digit of both pen sources on the
280 px canvas at a random height in each band and with each pen width, and prints the shipped
network's accuracy and share flagged "not a digit" as drawn and as the app reads it: re-drawn no
thicker than `model.drawing.strokes.network_pen_cap` (app/core/drawing.py `network_raster`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.analysis.not_a_digit import network_inputs, outputs
from model.data.pen_sample import screen_strokes
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import TEST, VALIDATION
from model.drawing.preprocess import preprocess
from model.drawing.strokes import CANVAS, network_pen_cap, place_randomly, render_strokes
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.network.verdict import THRESHOLD_KEY

BANDS = ((0.12, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.8), (0.8, 0.95))
PENS = (5.0, 20.0, 36.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", type=Path, default=shipped_weights_path())
    parser.add_argument("--pen-dir", type=Path, default=None)
    parser.add_argument("--unipen-dir", type=Path, default=None)
    parser.add_argument("--test", action="store_true", help="the test writers too")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    checkpoint = load_checkpoint(args.weights)
    threshold = checkpoint.metadata.get(THRESHOLD_KEY)
    pens = load_pen_sources(args.pen_dir, args.unipen_dir)
    if not pens.files:
        print("pen sources not found: give --pen-dir and --unipen-dir")
        return 1
    for side in (VALIDATION, TEST) if args.test else (VALIDATION,):
        digits = pens.digits(side)
        labels = np.array([d.digit_label for d in digits])
        print(f'\n{side} writers\' digits ({len(digits)}): accuracy / flagged "not a digit"')
        print("| height | pen px | as drawn | as the app reads it |\n| --- | --- | --- | --- |")
        for low, high in BANDS:
            for pen in PENS:
                cells = []
                for capped in (False, True):
                    rng = np.random.default_rng(1)
                    images = np.zeros((len(digits), 28, 28), np.float32)
                    for i, digit in enumerate(digits):
                        placed = place_randomly(screen_strokes(digit), rng, (low, high), 36.0)
                        width = min(pen, network_pen_cap(placed)) if capped else pen
                        images[i] = preprocess(render_strokes(placed, CANVAS, width)).image28
                    logits, scores = outputs(
                        checkpoint.model, network_inputs(images, checkpoint.normalization)
                    )
                    accuracy = (logits.argmax(1).numpy() == labels).mean()
                    flagged = (scores >= threshold).mean() if scores is not None else 0.0
                    cells.append(f"{accuracy:.2%} / {flagged:.1%}")
                print(f"| {low:.0%}–{high:.0%} | {pen:.0f} | {cells[0]} | {cells[1]} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
