"""'Not a digit': the shipped network reads new writers' digits and flags dots, lines, scribbles,
zig-zags and crosses; old networks load as before and never flag; the verdict and "unsure"
never contradict the confidence."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis.not_a_digit import (
    choose_threshold,
    flagged,
    network_inputs,
    outputs,
    render_samples_as_drawn,
)
from model.config import ModelConfig, Normalization
from model.data import marks
from model.data.pen_split import VALIDATION
from model.drawing.strokes import render_strokes
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from model.files.weights import AVG_POOL_NAME, shipped_weights_path
from model.network.inference import Prediction, Predictor
from model.network.lenet import LeNet5
from model.network.verdict import THRESHOLD_KEY, UNSURE_BELOW


@pytest.fixture(scope="module")
def shipped():
    return load_checkpoint(shipped_weights_path())


@pytest.fixture(scope="module")
def eval_marks():
    generated = marks.evaluation_marks()
    return generated, marks.render_marks(generated)


@pytest.fixture(scope="module")
def validation_digits(pen_sources):
    """Every second digit of every pen source's validation writers (844 digits)."""
    return pen_sources.digits(VALIDATION)[::2]


def test_shipped_weights_read_validation_writers_digits(shipped, validation_digits):
    x = network_inputs(render_samples_as_drawn(validation_digits, seed=0), shipped.normalization)
    logits, scores = outputs(shipped.model, x)
    labels = np.array([d.digit_label for d in validation_digits])
    assert float((logits.argmax(1).numpy() == labels).mean()) >= 0.988
    # and at the stored threshold, next to none of them is called "not a digit"
    assert flagged(scores, shipped.metadata[THRESHOLD_KEY]) <= 0.02


def test_shipped_weights_flag_generated_non_digits(shipped, eval_marks):
    generated, images = eval_marks
    _logits, scores = outputs(shipped.model, network_inputs(images, shipped.normalization))
    threshold = shipped.metadata[THRESHOLD_KEY]
    assert flagged(scores, threshold) >= 0.95
    kinds = np.array([m.kind for m in generated])
    for kind in marks.KINDS:  # no kind of mark slips through
        assert flagged(scores[kinds == kind], threshold) >= 0.85, kind


def test_a_drawn_dot_and_scribble_are_not_digits_but_still_have_a_best_guess(shipped):
    predictor = Predictor(shipped)
    rng = np.random.default_rng(3)
    for kind in ("dot", "scribble", "zigzag"):
        mark = marks.make_mark(kind, rng)
        result = predictor.predict(render_strokes(mark.strokes, 280, mark.pen_width))
        assert result.not_a_digit and result.unsure, kind
        assert result.digit is not None and 0 <= result.not_a_digit_score <= 1


def test_old_checkpoints_load_as_before_and_never_flag(eval_marks):
    old = load_checkpoint(shipped_weights_path(AVG_POOL_NAME))
    assert old.model.reject is None and not old.model_config.reject_head
    predictor = Predictor(old)
    for mark in marks.evaluation_marks(per_kind=3):
        result = predictor.predict(render_strokes(mark.strokes, 280, mark.pen_width))
        assert not result.not_a_digit and result.not_a_digit_score is None


def test_blank_canvas_is_unchanged():
    blank = Prediction.blank()
    assert blank.digit is None and not blank.not_a_digit and not blank.unsure
    assert blank.not_a_digit_score is None


def test_unsure_follows_the_confidence_and_the_verdict(shipped, eval_marks):
    """One rule: 'unsure' exactly when not a digit or the shown confidence is low."""
    predictor = Predictor(shipped)
    generated, _images = eval_marks
    for mark in generated[::25]:
        result = predictor.predict(render_strokes(mark.strokes, 280, mark.pen_width))
        assert result.unsure == (result.not_a_digit or result.confidence < UNSURE_BELOW)


def test_threshold_rejects_at_most_one_percent_of_each_source():
    rng = np.random.default_rng(0)
    scores = {"a": rng.random(1000), "b": rng.random(300) * 0.5}
    threshold = choose_threshold(scores)
    for s in scores.values():
        assert (s >= threshold).mean() <= 0.01
    assert (scores["a"] >= threshold).mean() == pytest.approx(0.01, abs=0.002)


def test_the_head_and_threshold_survive_a_save_and_bad_ones_are_refused(tmp_path):
    torch.manual_seed(0)
    model = LeNet5(ModelConfig(reject_head=True))
    path = save_checkpoint(
        Checkpoint(model, Normalization(), {THRESHOLD_KEY: 0.4}), tmp_path / "h.pt"
    )
    loaded = load_checkpoint(path)
    assert loaded.model.reject is not None and loaded.metadata[THRESHOLD_KEY] == 0.4
    torch.testing.assert_close(loaded.model.reject.weight, model.reject.weight)
    for bad in (1.5, -0.1, "high", float("nan")):
        save_checkpoint(Checkpoint(model, Normalization(), {THRESHOLD_KEY: bad}), path)
        with pytest.raises(CheckpointError, match="not_a_digit_threshold"):
            load_checkpoint(path)


def test_marks_are_seeded_and_leave_out_digit_like_lines():
    a, b = marks.make_marks(70, seed=5), marks.make_marks(70, seed=5)
    assert [m.kind for m in a] == [m.kind for m in b]
    assert all(np.array_equal(s, t) for m, n in zip(a, b) for s, t in zip(m.strokes, n.strokes))
    for m in marks.make_marks(200, seed=1, kinds=("line",)):
        (dx, dy) = np.ptp(m.strokes[0], axis=0)
        assert dy <= dx * 1.3  # never steeper than ~50 degrees: a steep line is a 1


def test_training_draws_every_evaluated_kind_and_more_ways_of_scribbling():
    assert set(marks.KINDS) < set(marks.TRAINING_KINDS)
    # lines flatter than the evaluated ones: with batch rotation they must not reach a 1's slant
    for m in marks.make_marks(200, seed=2, kinds=("flat_line",)):
        (dx, dy) = np.ptp(m.strokes[0], axis=0)
        assert dy <= dx * 0.8  # never steeper than ~38 degrees
    scribbly = {"scribble", *marks.EXTRA_SCRIBBLES}
    assert sum(k in scribbly for k in marks.TRAINING_KINDS) >= len(marks.TRAINING_KINDS) / 2
    generated = marks.make_marks(2 * len(marks.TRAINING_KINDS), 1, marks.TRAINING_KINDS, 140)
    fast, canvas = marks.draw_marks(generated), marks.render_marks(generated, 140)
    assert fast.shape == canvas.shape == (len(generated), 28, 28)
    # the fast rasteriser draws the same marks as the canvas path, to a few grey levels
    for kind in marks.TRAINING_KINDS:
        rows = [i for i, m in enumerate(generated) if m.kind == kind]
        assert np.abs(fast[rows] - canvas[rows]).mean() * 255 < 12, kind
        assert (fast[rows].sum(axis=(1, 2)) > 5).all(), kind  # each one has ink


def test_the_marks_style_chooses_the_pool_and_the_default_is_the_shipped_recipe():
    from model.config import TrainConfig
    from model.training.pools import nondigit_pool

    assert TrainConfig().marks_style == "evaluated"  # the README command's pool, reproducible
    with pytest.raises(ValueError, match="marks style"):
        TrainConfig(marks_style="fancy")
    shipped_pool = nondigit_pool([], TrainConfig(marks=14))
    varied_pool = nondigit_pool([], TrainConfig(marks=14, marks_style="varied"))
    assert shipped_pool.shape == varied_pool.shape == (14, 1, 32, 32)
    # the first marks of both turns are the same kinds drawn alike; later ones differ in kind
    assert not torch.equal(shipped_pool, varied_pool)
    assert float(varied_pool.amax(dim=(1, 2, 3)).min()) > 0.5  # every mark has ink


def test_the_unseen_writers_figure_uses_their_own_one_percent_threshold():
    """The training report's honest figure: the threshold comes from the test writers' digits
    (at most 1% of each source rejected), and the non-digits are counted at it."""
    from model.cli.train_report import at_unseen_threshold

    digits = {"uci": np.linspace(0.0, 0.5, 200), "unipen": np.linspace(0.0, 0.3, 100)}
    nondigits = {"scribble": np.array([0.2, 0.45, 0.6, 0.9]), "dot": np.array([0.99])}
    figures = at_unseen_threshold(digits, nondigits)
    # 1% of 200 is 2 digits: the threshold sits just above the third-highest UCI score
    assert figures["threshold"] == pytest.approx(digits["uci"][-3], abs=1e-9)
    assert figures["threshold"] > digits["uci"][-3]
    assert figures["scribble"] == pytest.approx(0.5) and figures["dot"] == 1.0
