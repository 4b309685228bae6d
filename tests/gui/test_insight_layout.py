"""Insight defects a user saw: the old filter outliving a data-set switch, the compare table's
cut numbers and its unexplained "A|B" captions."""

from __future__ import annotations

from tests.gui.insight_helpers import (
    click,
    compare_with,
    evaluate,
    open_insight,
    subset_source,
)


def _fits(widget, text: str, width: int) -> bool:
    return widget.fontMetrics().horizontalAdvance(text) <= width


def test_switching_the_data_set_drops_the_old_filter(qtbot, window, monkeypatch, mnist_dir) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 120))
    click(workspace.confusion, None, 7)  # column 7
    workspace.mistakes_only.click()
    assert workspace.selection == (None, 7) and workspace.mistakes_only.isChecked()
    evaluate(qtbot, workspace, subset_source(mnist_dir, 200))
    assert workspace.selection == (None, None)
    assert not workspace.mistakes_only.isChecked()
    assert len(workspace.gallery_samples()) == 200  # every sample, not "0 samples predicted 7"


def test_the_compare_table_shows_whole_numbers_and_says_which_is_a(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 200))
    compare_with(qtbot, workspace, weights_path)
    compare = workspace.compare
    table = compare.table
    for row in range(3):
        for col in range(10):
            item = table.item(row, col)
            width = table.columnWidth(col) - 6  # the cell's margins
            assert _fits(table, item.text(), width), (item.text(), width)
    compare.disagreements.click()
    assert "A, the active model" in workspace.gallery_caption.text()
    model = workspace.gallery.gallery_model
    model.other = model.evaluation.predictions  # a caption with B's answer
    assert "→A" in model.caption(0) and " B" in model.caption(0)


def test_presenting_at_800x600_puts_the_matrix_above_the_gallery_not_over_it(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    """In presentation mode at 800x600 the matrix's and the gallery's minimum widths add up to
    more than the window leaves them, and the matrix was drawn over the gallery. The two now
    stack; with room again they sit side by side."""
    from PySide6.QtCore import Qt

    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 120))
    matrix, gallery = workspace.splitter.widget(0), workspace.splitter.widget(1)
    window.resize(800, 600)
    window.classroom.presentation.trigger()
    qtbot.waitUntil(lambda: workspace.splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: not matrix.geometry().intersects(gallery.geometry()))
    assert matrix.isVisible() and gallery.isVisible()
    assert matrix.width() >= matrix.minimumSizeHint().width()
    assert gallery.width() >= gallery.minimumWidth()
    sort = workspace.sort  # a combo box cuts its text rather than eliding it
    for i in range(sort.count()):
        sort.setCurrentIndex(i)
        qtbot.waitUntil(lambda: sort.width() >= sort.sizeHint().width())

    window.classroom.presentation.trigger()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: workspace.splitter.orientation() == Qt.Orientation.Horizontal)
    assert not matrix.geometry().intersects(gallery.geometry())
