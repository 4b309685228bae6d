"""Insight evaluates real pen digits and the user's own drawings, drawn the way the canvas draws."""

from __future__ import annotations

import numpy as np
import pytest

from app.insight.drawn_sources import collection_source, pen_source
from model.data.collection import Collection
from model.data.pen_digits import find_pen_file
from model.drawing.preprocess import preprocess
from model.drawing.strokes import render_strokes
from tests.gui.insight_helpers import evaluate, open_insight
from tests.gui.mouse import draw_stroke

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def test_the_chooser_offers_pen_digits_and_my_drawings(window, monkeypatch) -> None:
    from app.insight.providers import DATA_SETS

    open_insight(window, monkeypatch)
    keys = DATA_SETS.keys()
    assert "pen" in keys and "mine" in keys


@pytest.mark.skipif(find_pen_file() is None, reason="pen digits not found (../shared/data)")
def test_pen_digits_of_unseen_writers_evaluate_like_the_shipped_figure(
    qtbot, window, monkeypatch
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluation = evaluate(qtbot, workspace, pen_source())
    assert evaluation.confusion.sum() == 1499  # the six test writers' digits
    assert evaluation.accuracy >= 0.98


def test_my_drawings_are_evaluated_as_drawn(qtbot, window, monkeypatch, data_home) -> None:
    draw_stroke(window.canvas, BAR)
    kept = window.teach(1)
    assert kept is not None
    workspace = open_insight(window, monkeypatch)
    evaluation = evaluate(qtbot, workspace, collection_source())
    assert evaluation.confusion.sum() == 1
    raster = render_strokes(kept.strokes, 280, kept.pen_width)
    expected = window.predictor.forward(
        preprocess(raster, window.predictor.normalization).network_input
    )
    np.testing.assert_allclose(evaluation.probabilities[0], expected[0], atol=1e-5)
    assert len(Collection.open()) == 1


def test_no_drawings_says_how_to_keep_some(qtbot, window, data_home) -> None:
    source = collection_source()
    with pytest.raises(Exception, match="no drawings kept yet"):
        source.load(None, None)
