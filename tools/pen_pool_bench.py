"""How long drawing the pen pool takes: the canvas path (render_strokes + preprocess, one render
at a time, as the pool was drawn before) against the fast path (model/data/pen_pool.py).

    python tools/pen_pool_bench.py [--slow 600] [--variants 4] [--sources uci,unipen]

Both draw the training writers' digits of the given sources with the pool's random ranges;
the canvas path only a sample of `--slow` renders (it takes ~2 ms each), the fast path the
whole pool. Times are CPU seconds of this process (`time.process_time`), on one thread, so a
busy machine disturbs them less than wall-clock times; the table also gives wall-clock.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from model.data.pen_digits import (
    CANVAS,
    POOL_CANVAS,
    POOL_HEIGHT,
    POOL_PEN,
    POOL_ROTATION,
    POOL_SHEAR,
    render_training_pool,
)
from model.data.pen_sample import screen_strokes
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import TRAIN
from model.drawing.preprocess import preprocess
from model.drawing.strokes import place_randomly, render_strokes, transform


def canvas_pool(digits: list, seed: int = 0) -> np.ndarray:
    """The pool as it was drawn before the fast path: one canvas render at a time."""
    rng = np.random.default_rng(seed)
    k = POOL_CANVAS / CANVAS
    out = []
    for digit in digits:
        strokes = transform(
            screen_strokes(digit),
            rng.uniform(-POOL_ROTATION, POOL_ROTATION),
            rng.uniform(-POOL_SHEAR, POOL_SHEAR),
        )
        pen = rng.uniform(*POOL_PEN) * k
        placed = place_randomly(strokes, rng, POOL_HEIGHT, pen, POOL_CANVAS)
        out.append(preprocess(render_strokes(placed, POOL_CANVAS, pen)).image28)
    return np.stack(out)


def timed(fn, *args):
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args)
    return result, time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--slow", type=int, default=600, help="renders timed on the canvas path")
    p.add_argument("--variants", type=int, default=4, help="renders of each digit (fast path)")
    p.add_argument("--sources", default="uci,unipen")
    args = p.parse_args()
    torch.set_num_threads(1)
    sources = load_pen_sources(sources=tuple(args.sources.split(",")), nondigits=False)
    digits = sources.digits(TRAIN, tuple(args.sources.split(",")))
    if not digits:
        print("no pen digits found (../shared/data/pendigits, ../shared/data/unipen)")
        return 1
    picks = np.linspace(0, len(digits) - 1, min(args.slow, len(digits))).round().astype(int)
    sample = [digits[i] for i in picks]
    _, slow_cpu, slow_wall = timed(canvas_pool, sample)
    pool, fast_cpu, fast_wall = timed(render_training_pool, digits, args.variants)
    n_slow, n_fast = len(sample), len(pool.labels)
    rows = [
        ("canvas path (before)", slow_cpu / n_slow, slow_wall / n_slow, n_slow, slow_cpu),
        ("fast path", fast_cpu / n_fast, fast_wall / n_fast, n_fast, fast_cpu),
    ]
    print(f"pen pool of {args.sources}: {len(digits):,} training digits x {args.variants}")
    print(f"{'path':<22}{'CPU ms/render':>15}{'wall ms/render':>16}{'renders':>10}{'CPU s':>9}")
    for name, cpu, wall, n, total in rows:
        print(f"{name:<22}{cpu * 1e3:>15.3f}{wall * 1e3:>16.3f}{n:>10,}{total:>9.2f}")
    speedup = rows[0][1] / rows[1][1]
    print(
        f"speed-up per render: {speedup:.1f}x (CPU); whole pool on the canvas path: "
        f"~{rows[0][1] * n_fast:.1f} CPU s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
