"""Insight reports "not a digit": a count in the status line, a badge on flagged thumbnails, and
two data sets of things that are not digits, whose figure is the share flagged (no confusion
matrix pretending they have digit labels)."""

from __future__ import annotations

import pytest

from app.insight.drawn_sources import letters_source, marks_source
from model.data.unipen_json import NONDIGITS_FILE, find_unipen_file
from tests.gui.insight_helpers import evaluate, open_insight, subset_source


def test_the_chooser_offers_the_non_digit_sets(window, monkeypatch) -> None:
    chooser = open_insight(window, monkeypatch).chooser
    keys = [chooser.itemData(i) for i in range(chooser.count())]
    assert "letters" in keys and "marks" in keys


def test_generated_marks_are_flagged_and_summarised_without_a_matrix(
    qtbot, window, monkeypatch
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluation = evaluate(qtbot, workspace, marks_source())
    assert len(evaluation) == 700 and not evaluation.labelled.any()
    share = evaluation.not_a_digit_count / len(evaluation)
    assert share >= 0.95  # the shipped weights' figure on this fixed set (README)
    status = workspace.status.text()
    assert "flagged “not a digit”" in status and f"{share:.1%}" in status
    assert not workspace.confusion.isVisible()
    assert workspace.unlabelled_note.isVisible()
    assert f"{share:.1%}" in workspace.unlabelled_note.text()
    # drawn on the canvas the stroke check joins the network: every line and scribble flagged
    strokes = workspace.dataset.stroke_flags
    sources = workspace.dataset.sources
    assert all(strokes[i] for i, s in enumerate(sources) if s.startswith(("line", "scribble")))
    either = int((evaluation.not_a_digit | strokes).sum())
    assert evaluation.not_a_digit_count <= either  # the network's own figure is kept apart
    assert "where the app also checks the strokes" in workspace.unlabelled_note.text()
    assert f"{either / 700:.1%}" in workspace.unlabelled_note.text()
    gallery = workspace.gallery.gallery_model
    assert len(gallery.order) == 700  # every sample, not an empty confusion cell
    flagged = [s for s in gallery.order if gallery.is_not_a_digit(int(s))]
    assert len(flagged) == evaluation.not_a_digit_count
    tip = gallery.data(gallery.index(int(list(gallery.order).index(flagged[0]))), 3)
    assert "not a digit" in tip


def test_a_digit_set_keeps_its_matrix_and_counts_what_it_flags(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluation = evaluate(qtbot, workspace, subset_source(mnist_dir, 300))
    assert workspace.confusion.isVisible() and not workspace.unlabelled_note.isVisible()
    assert "accuracy" in workspace.status.text()
    assert "flagged “not a digit”" in workspace.status.text()
    assert evaluation.not_a_digit_count <= 0.03 * len(evaluation)  # real digits pass


@pytest.mark.skipif(
    find_unipen_file(NONDIGITS_FILE) is None, reason="UNIPEN letters not found (../shared/data)"
)
def test_unseen_writers_letters_and_symbols_are_mostly_flagged(qtbot, window, monkeypatch) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluation = evaluate(qtbot, workspace, letters_source())
    assert len(evaluation) > 1000 and not evaluation.labelled.any()
    assert evaluation.not_a_digit_count / len(evaluation) >= 0.85
    assert "flagged “not a digit”" in workspace.status.text()
