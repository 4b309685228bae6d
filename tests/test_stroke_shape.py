"""The stroke check of "not a digit": a drawing's strokes show a scribble or a flat line that
the raster hides, never flag real writers' digits, and leave networks without the head alone."""

from __future__ import annotations

import math

import numpy as np
import pytest

from model.data import marks
from model.data.pen_sample import screen_strokes
from model.data.pen_split import VALIDATION
from model.drawing.stroke_shape import stroke_shape
from model.drawing.strokes import CANVAS, render_strokes
from model.files.weights import AVG_POOL_NAME, shipped_weights_path
from model.network.inference import Predictor
from model.network.verdict import LINE, NETWORK, SCRIBBLE, stroke_reason


def circle(points: int, radius: float = 60.0, turns: float = 1.0) -> np.ndarray:
    t = np.linspace(0.0, 2 * math.pi * turns, points)
    return np.column_stack([140 + radius * np.cos(t), 140 + radius * np.sin(t)])


def line(degrees: float, length: float = 160.0, points: int = 40) -> np.ndarray:
    a = math.radians(degrees)
    t = np.linspace(-0.5, 0.5, points)[:, None]
    return np.array([140.0, 140.0]) + t * length * np.array([math.cos(a), -math.sin(a)])


def tangle() -> np.ndarray:
    """A scribble: a pen going round and round over the same small place."""
    t = np.linspace(0.0, 1.0, 200)
    x = 140 + 50 * np.sin(2 * math.pi * 3.1 * t) + 20 * np.sin(2 * math.pi * 7.3 * t)
    y = 140 + 40 * np.sin(2 * math.pi * 4.7 * t + 1.0) + 15 * np.sin(2 * math.pi * 9.1 * t)
    return np.column_stack([x, y])


def test_path_ratio_is_the_shape_not_the_sampling_or_the_size() -> None:
    once = stroke_shape([circle(400)])
    assert once.path_ratio == pytest.approx(math.pi / math.sqrt(2), rel=0.03)  # a 0: 2.2
    sparse = stroke_shape([circle(25)])
    big = stroke_shape([circle(400, radius=130.0)])
    rng = np.random.default_rng(0)
    wobbly = stroke_shape([circle(400) + rng.normal(0.0, 1.0, (400, 2))])
    for other in (sparse, big, wobbly):
        assert other.path_ratio == pytest.approx(once.path_ratio, rel=0.06)
    assert stroke_shape([circle(400, turns=3.0)]).path_ratio > 6.0  # gone round three times


def test_reasons_for_scribbles_lines_ones_and_dots() -> None:
    assert stroke_reason(stroke_shape([tangle()])) == SCRIBBLE
    assert stroke_reason(stroke_shape([line(45.0)])) == LINE
    assert stroke_reason(stroke_shape([line(5.0, length=40.0)])) == LINE  # a short dash
    assert stroke_reason(stroke_shape([line(75.0)])) is None  # a slanted 1
    assert stroke_reason(stroke_shape([line(100.0)])) is None  # leaning the other way
    assert stroke_reason(stroke_shape([line(30.0), line(120.0)])) is None  # two strokes: a cross
    assert stroke_reason(stroke_shape([circle(200)])) is None  # a 0
    assert stroke_shape([np.array([[140.0, 140.0], [140.0, 140.0]])]) is None  # a dot
    assert stroke_shape([]) is None


def saw(teeth: int, points_per_tooth: int = 10) -> np.ndarray:
    """A pen jerked up and down `teeth` times across the canvas: a corner at every tooth."""
    x = np.linspace(60.0, 220.0, teeth + 1)
    y = np.where(np.arange(teeth + 1) % 2 == 0, 180.0, 100.0)
    t = np.linspace(0.0, teeth, teeth * points_per_tooth + 1)
    return np.column_stack(
        [np.interp(t, np.arange(teeth + 1), x), np.interp(t, np.arange(teeth + 1), y)]
    )


def test_sharp_turns_count_corners_not_curves_or_samples() -> None:
    assert stroke_shape([circle(400)]).sharp_turns == 0  # a 0 turns, but never sharply
    assert stroke_shape([tangle()]).sharp_turns < 6  # curls are not corners
    assert stroke_shape([saw(8)]).sharp_turns == 7
    assert stroke_shape([saw(8, points_per_tooth=2)]).sharp_turns == 7  # sparse mouse samples
    assert stroke_shape([saw(8) * 0.3]).sharp_turns == 7  # small
    four = np.array([[150.0, 40.0], [60.0, 170.0], [200.0, 170.0]])  # a 4's first stroke
    assert stroke_shape([four, np.array([[150.0, 40.0], [150.0, 250.0]])]).sharp_turns <= 2
    jagged = stroke_shape([saw(8)])
    assert jagged.path_ratio < 4.0 and stroke_reason(jagged) == SCRIBBLE  # short, yet a scribble
    assert stroke_reason(stroke_shape([saw(3)])) is None  # a Z or a 2 has corners too


def test_no_validation_writers_digit_is_flagged_by_its_strokes(pen_sources) -> None:
    """The thresholds were chosen on these 1,688 digits, with room to spare: none is flagged,
    and the longest path stays well under the scribble threshold."""
    digits = pen_sources.digits(VALIDATION)
    shapes = [stroke_shape(screen_strokes(d)) for d in digits]
    assert [stroke_reason(s) for s in shapes].count(None) == len(digits)
    assert max(s.path_ratio for s in shapes) < 3.5
    assert max(s.sharp_turns for s in shapes) <= 5


def mouse_sampled(strokes: list[np.ndarray], height: float) -> list[np.ndarray]:
    """Strokes as a mouse reports them when drawn small and slowly: scaled to `height` canvas
    pixels, a point every pixel along the path, each at a whole pixel (a staircase)."""
    every = np.concatenate(strokes)
    scale = height / max(float(np.ptp(every[:, 1])), 1e-6)
    sampled = []
    for stroke in strokes:
        p = (stroke - every.min(0)) * scale + 100.0
        along = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(p, axis=0).T))])
        at = np.arange(0.0, along[-1] + 1.0, 1.0)
        q = np.round(np.column_stack([np.interp(at, along, p[:, i]) for i in range(2)]))
        sampled.append(q[np.r_[True, np.any(np.diff(q, axis=0) != 0, axis=1)]])
    return sampled


def test_digits_drawn_small_with_a_mouse_are_not_flagged_by_their_strokes(pen_sources) -> None:
    """Whole-pixel mouse positions make a small digit's path a staircase, longer and more
    jagged than the pen's (28 px: a tenth of the canvas): no validation writer's digit may
    read as a scribble or a line for it."""
    digits = pen_sources.digits(VALIDATION)
    flagged = [
        d for d in digits if stroke_reason(stroke_shape(mouse_sampled(screen_strokes(d), 28.0)))
    ]
    assert flagged == []


def test_every_generated_scribble_and_line_is_flagged_by_its_strokes() -> None:
    generated = marks.evaluation_marks()
    reasons = {kind: set() for kind in marks.KINDS}
    for mark in generated:
        reasons[mark.kind].add(stroke_reason(stroke_shape(mark.strokes)))
    assert reasons["scribble"] == {SCRIBBLE}
    assert reasons["line"] == {LINE}
    assert reasons["dot"] == {None}  # the head's to judge


def test_scribbles_of_another_kind_of_generator_are_flagged_by_their_strokes() -> None:
    """A random walk (a pen jerked about) was never a model for the rules: every one is still
    flagged, most by their sharp turns where the path alone would not tell."""
    walks = marks.make_marks(200, seed=3, kinds=("random_walk",))
    shapes = [stroke_shape(m.strokes) for m in walks]
    assert all(stroke_reason(s) == SCRIBBLE for s in shapes)
    assert sum(s.path_ratio < 4.0 for s in shapes) > 50


def test_the_predictor_adds_the_stroke_check_only_where_it_has_strokes_and_a_head() -> None:
    strokes = [line(45.0)]
    raster = render_strokes(strokes, CANVAS, 20.0)
    shipped = Predictor.load()
    shipped.not_a_digit_threshold = 0.999999  # the head silent: only the strokes can tell
    drawn = shipped.predict(raster, strokes)
    assert drawn.not_a_digit and drawn.not_a_digit_reason == LINE and drawn.unsure
    assert drawn.stroke_shape.slope == pytest.approx(45.0, abs=1.0)
    assert drawn.digit is not None  # the best guess stays readable
    image = shipped.predict(raster)  # an opened image has no strokes: the head alone
    assert not image.not_a_digit and image.not_a_digit_reason is None
    np.testing.assert_array_equal(drawn.probabilities, image.probabilities)  # same reading

    shipped.not_a_digit_threshold = 1e-9  # the head flags everything: it is named first
    assert shipped.predict(raster, strokes).not_a_digit_reason == NETWORK

    old = Predictor.load(shipped_weights_path().with_name(AVG_POOL_NAME))  # no head
    assert not old.predict(raster, strokes).not_a_digit  # never flags, strokes or not
