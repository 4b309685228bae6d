"""The fast pen renderer draws what the canvas path draws: the same 28x28 picture to within a
few grey levels, and the shipped network reads both alike. (Its speed is measured by
tools/pen_pool_bench.py, not here.)"""

from __future__ import annotations

import math

import numpy as np
import pytest

from model.analysis.accuracy import rendered_logits
from model.data.pen_digits import (
    CANVAS,
    POOL_CANVAS,
    POOL_HEIGHT,
    POOL_PEN,
    find_pen_file,
    render_eval_set,
    render_training_pool,
)
from model.data.pen_sample import PenSample
from model.data.pen_sources import load_pen_sources
from model.data.pen_split import VALIDATION
from model.drawing.fast_raster import strokes_to_fields
from model.drawing.preprocess import preprocess
from model.drawing.strokes import place_randomly, render_strokes, transform
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path


def shapes() -> list[list[np.ndarray]]:
    """Digit-like strokes in tablet-like units, y down: a zero, a one, a seven, a two-stroke
    four, a zig-zag, a dot-like blob."""
    t = np.linspace(0, 2 * math.pi, 40)
    zero = [np.column_stack([200 + 120 * np.sin(t), 250 - 200 * np.cos(t)])]
    one = [np.array([[260, 40], [250, 460]])]
    seven = [np.array([[100, 50], [400, 60], [210, 450]])]
    four = [np.array([[300, 40], [80, 320], [420, 320]]), np.array([[300, 40], [310, 460]])]
    zigzag = [np.column_stack([np.linspace(0, 400, 9), [0, 300] * 4 + [0]])]
    blob = [np.array([[0, 0], [5, 3], [2, 6], [0, 0]])]
    return [zero, one, seven, four, zigzag, blob]


def test_fast_fields_match_the_canvas_path_within_a_few_grey_levels() -> None:
    rng = np.random.default_rng(0)
    k = POOL_CANVAS / CANVAS
    placed, pens = [], []
    for _ in range(20):
        for strokes in shapes():
            moved = transform(strokes, rng.uniform(-10, 10), rng.uniform(-0.3, 0.3))
            pen = rng.uniform(*POOL_PEN) * k
            placed.append(place_randomly(moved, rng, POOL_HEIGHT, pen, POOL_CANVAS))
            pens.append(pen)
    slow = np.stack(
        [preprocess(render_strokes(p, POOL_CANVAS, w)).image28 for p, w in zip(placed, pens)]
    )
    fast = strokes_to_fields(placed, pens)
    assert fast.shape == slow.shape and fast.dtype == np.float32
    assert 0.0 <= fast.min() and fast.max() <= 1.0
    per_image = np.abs(fast - slow).mean(axis=(1, 2)) * 255
    assert per_image.mean() < 4.0, per_image.mean()  # measured ~2.5 grey levels of 255
    # the ink is where the canvas puts it: same amount, same centre, to a pixel
    assert np.allclose(fast.sum(axis=(1, 2)), slow.sum(axis=(1, 2)), rtol=0.1)
    rows = np.arange(28)
    for f, s in zip(fast, slow):
        assert abs((f.sum(1) @ rows) / f.sum() - (s.sum(1) @ rows) / s.sum()) < 1.0


def test_the_pool_has_every_render_labelled_and_named_by_writer() -> None:
    strokes = tuple(np.asarray(s, np.float32) for s in shapes()[2])
    samples = [
        PenSample(7, "aga/a", "unipen", "aga", strokes),
        PenSample("Z", "aga/a", "unipen", "aga", strokes, True, "letter"),
    ]
    pool = render_training_pool(samples, 3, seed=1)
    assert pool.image28.shape == (6, 28, 28)
    assert list(pool.labels) == [7, 7, 7, -1, -1, -1] and set(pool.writers) == {"aga/a"}
    again = render_training_pool(samples, 3, seed=1)
    np.testing.assert_array_equal(pool.image28, again.image28)  # seeded
    assert not np.array_equal(pool.image28[0], pool.image28[1])  # variants differ


def test_the_shipped_network_reads_fast_and_canvas_renders_alike() -> None:
    if find_pen_file() is None:
        pytest.skip("the UCI pen digits are not here")
    sources = load_pen_sources(nondigits=False)
    digits = sources.digits(VALIDATION)[::6]  # every 6th validation-writer digit, both sources
    shipped = load_checkpoint(shipped_weights_path())
    accuracies = []
    for fast in (False, True):
        rendered = render_eval_set(digits, seed=3, fast=fast)
        predicted = rendered_logits(shipped, rendered).argmax(1).numpy()
        accuracies.append(float((predicted == rendered.labels).mean()))
    # the full validation sets agree to ~0.1 points (README); a sixth, generously
    assert abs(accuracies[0] - accuracies[1]) <= 0.01, accuracies
