"""Exports for a slide: File ▸ Export panel as image writes the plot content without the
panel's combo boxes and checkbox; the exported confusion matrix names what it shows, the data
set and the model."""

from __future__ import annotations

from PIL import Image

from app.shell.panel_export import content_rect, export_panel
from tests.gui.insight_helpers import evaluate, open_insight, subset_source


def test_a_panel_exports_its_plot_without_its_controls(window, qtbot, monkeypatch, tmp_path):
    open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    qtbot.waitUntil(lambda: panel.plot.isVisible())
    png = export_panel(window.workspace_docks, "insightAttribution", tmp_path / "where.png")
    with Image.open(png) as image:
        size = image.size
    plot = panel.plot.geometry()
    assert size == (plot.width(), plot.height())  # the plot, not the boxes above it
    assert content_rect(panel).top() >= panel.method.geometry().bottom()
    assert content_rect(panel).bottom() <= panel.overlay_check.geometry().top()
    svg = export_panel(window.workspace_docks, "insightAttribution", tmp_path / "where.svg")
    assert "<svg" in svg.read_text()


def test_the_exported_confusion_matrix_has_a_title(window, qtbot, monkeypatch, mnist_dir, tmp_path):
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 120))
    workspace.export_confusion(str(tmp_path / "confusion.svg"))
    text = (tmp_path / "confusion.svg").read_text()
    assert "Confusion matrix" in text
    assert "MNIST test subset" in text and "120 samples" in text
    assert window.session.label in text
    workspace.export_confusion(str(tmp_path / "confusion.png"))
    with Image.open(tmp_path / "confusion.png") as image:
        assert image.size[0] == 900 and image.size[1] > 200
