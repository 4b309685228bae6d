"""The Insight workspace's tools: comparing two models, exporting, the attribution dock."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np

from tests.gui.insight_helpers import (
    TIMEOUT,
    compare_with,
    evaluate,
    open_insight,
    subset_source,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_comparing_a_model_with_itself_gives_zero_disagreements(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 300))
    comparison = compare_with(qtbot, workspace, weights_path)
    compare = workspace.compare
    assert len(comparison.disagreements) == 0
    assert comparison.accuracy_diff == 0.0
    assert not comparison.confusion_diff.any()
    assert "disagree on 0 samples" in compare.summary.text()
    compare.disagreements.click()
    assert workspace.gallery_samples() == []


def test_comparing_with_another_model_lists_where_they_disagree(
    qtbot, window, monkeypatch, mnist_dir, tmp_path
) -> None:
    import torch

    from model.files.checkpoint import save_checkpoint

    workspace = open_insight(window, monkeypatch)
    ev = evaluate(qtbot, workspace, subset_source(mnist_dir, 300))
    checkpoint = window.session.predictor.checkpoint
    with torch.no_grad():
        checkpoint.model.c1.weight.mul_(-1.0)
    path = tmp_path / "worse.pt"
    try:
        save_checkpoint(checkpoint, path)
    finally:
        with torch.no_grad():
            checkpoint.model.c1.weight.mul_(-1.0)
    comparison = compare_with(qtbot, workspace, path)
    assert len(comparison.disagreements) > 0
    np.testing.assert_array_equal(
        comparison.confusion_diff.sum(1), np.zeros(10, dtype=np.int64)
    )  # the same samples per true digit, moved between columns
    workspace.compare.disagreements.click()
    assert workspace.gallery_samples() != []
    assert set(workspace.gallery_samples()) == set(comparison.disagreements.tolist())
    assert ev.confusion.sum() == 300


def test_export_writes_valid_png_svg_and_csv(qtbot, window, monkeypatch, mnist_dir, tmp_path):
    workspace = open_insight(window, monkeypatch)
    ev = evaluate(qtbot, workspace, subset_source(mnist_dir, 120))
    workspace.export_confusion(str(tmp_path / "confusion.png"))
    workspace.export_confusion(str(tmp_path / "confusion.svg"))
    workspace.export_gallery(str(tmp_path / "gallery.png"))
    workspace.export_gallery(str(tmp_path / "gallery.svg"))
    workspace.export_csv(str(tmp_path / "predictions.csv"))
    for name in ("confusion.png", "gallery.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 1000
    for name in ("confusion.svg", "gallery.svg"):
        root = ET.parse(tmp_path / name).getroot()
        assert root.tag.endswith("svg")
    svg = (tmp_path / "confusion.svg").read_text()
    assert str(int(ev.confusion[1, 1])) in svg  # the counts are in the drawing
    with open(tmp_path / "predictions.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["index", "label", "prediction", "confidence"]
    assert len(rows) == 121
    assert [int(r[2]) for r in rows[1:]] == ev.predictions.tolist()
    assert not list(tmp_path.glob("*.tmp*"))  # atomic: no temporary files left


def test_attribution_costs_nothing_hidden_and_follows_the_selection_and_class(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 100))
    panel = window.panels["insightAttribution"]
    dock = window.docks["insightAttribution"]
    dock.hide()
    before = panel.computations
    gallery = workspace.gallery
    gallery.setCurrentIndex(gallery.model().index(2, 0))
    assert panel.computations == before  # hidden: nothing computed
    dock.show()
    qtbot.waitUntil(lambda: panel.computations == before + 1, timeout=TIMEOUT)
    grad_cam = panel.map.copy()
    assert grad_cam.shape == (32, 32)
    sample = workspace.gallery_samples()[2]
    assert f"#{sample}" in panel.caption.text()
    other = (int(workspace.evaluation.predictions[sample]) + 1) % 10
    panel.target.setCurrentIndex(panel.target.findData(other))
    assert not np.allclose(panel.map, grad_cam)
    panel.method.setCurrentIndex(panel.method.findData("occlusion"))  # waits for a pause
    count = panel.computations
    qtbot.waitUntil(lambda: panel.computations == count + 1, timeout=TIMEOUT)
    assert panel.map.shape == (32, 32)


def test_the_map_follows_the_drawing_over_the_canvas_when_switched_on(
    qtbot, window, monkeypatch
) -> None:
    from tests.gui.mouse import draw_stroke

    workspace = open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    panel.method.setCurrentIndex(panel.method.findData("saliency"))
    panel.overlay_check.click()
    overlay = workspace.overlay
    assert overlay is not None and overlay.enabled
    assert overlay.computations == 0  # the canvas is not in view: nothing computed
    window.switch_workspace("draw")
    window.session.refresh_now()
    qtbot.waitUntil(lambda: overlay.message is not None, timeout=TIMEOUT)
    assert overlay.message == "Nothing stands out" and overlay.image is None  # blank canvas
    draw_stroke(window.canvas, [(140.0, 50.0 + 4 * i) for i in range(46)])
    window.session.refresh_now()
    qtbot.waitUntil(lambda: overlay.image is not None, timeout=TIMEOUT)
    assert overlay.message is None
    assert overlay.isVisible() and overlay.raster_rect is not None
    image = overlay.image
    alphas = [image.pixelColor(x, y).alpha() for y in range(32) for x in range(32)]
    assert max(alphas) > 100 and min(alphas) == 0  # coloured where it matters, clear elsewhere
    before = overlay.computations
    draw_stroke(window.canvas, [(100.0 + 4 * i, 120.0) for i in range(20)])
    window.session.refresh_now()
    assert overlay.computations > before  # live: every reading of the drawing
    window.context.drawing.clear()
    window.session.refresh_now()
    qtbot.waitUntil(lambda: overlay.message is not None, timeout=TIMEOUT)
    assert overlay.image is None  # the message instead of colours
    window.switch_workspace("insight")
    panel.overlay_check.click()
    assert not overlay.enabled and not overlay.isVisible()


SEVEN = [(80.0 + i * 6, 60.0) for i in range(21)] + [
    (200.0 - i * 3, 60.0 + i * 9) for i in range(21)
]


def test_the_attribution_dock_says_nothing_stands_out_for_a_blank_canvas_and_colours_a_digit(
    qtbot, window, monkeypatch
) -> None:
    from tests.gui.mouse import draw_stroke

    workspace = open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    window.docks["insightAttribution"].show()
    window.session.refresh_now()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=TIMEOUT)
    assert panel.result.nothing_stands_out  # nothing drawn yet
    assert panel.nothing.isVisible() and "Nothing stands out" in panel.caption.text()
    assert not panel.overlay.image[..., 3].any()  # no colour at all
    window.switch_workspace("draw")
    draw_stroke(window.canvas, SEVEN)
    window.session.refresh_now()
    count = panel.computations
    window.switch_workspace("insight")
    assert workspace.isVisible()
    qtbot.waitUntil(lambda: panel.computations > count, timeout=TIMEOUT)
    assert not panel.result.nothing_stands_out
    assert not panel.nothing.isVisible()
    assert panel.overlay.image[..., 3].any()  # coloured
    assert "% of the score" in panel.caption.text()


def test_the_colour_bar_is_symmetric_and_its_labels_do_not_overlap_at_800x600(
    qtbot, window, monkeypatch
) -> None:
    from PySide6.QtGui import QImage, QPainter

    from app.insight.attribution_panel import FIVE_TICKS_MIN_HEIGHT

    window.resize(800, 600)
    open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    window.docks["insightAttribution"].show()
    window.session.refresh_now()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=TIMEOUT)
    for method in ("grad_cam", "occlusion", "saliency"):
        panel.method.setCurrentIndex(panel.method.findData(method))
        qtbot.waitUntil(lambda m=method: panel.result.method == m, timeout=TIMEOUT)
        five = panel.legend.geometry().height() >= FIVE_TICKS_MIN_HEIGHT
        qtbot.waitUntil(lambda f=five: panel._tick_count == (5 if f else 3), timeout=TIMEOUT)
        low, high = panel.legend.levels()
        assert low == -high and high == 100 * panel.result.full_scale
        image = QImage(400, 400, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        _axis, _ticks, texts = panel.legend.axis.generateDrawSpecs(painter)
        painter.end()
        labels = [text for _rect, _flags, text in texts]
        assert len(labels) == (5 if five else 3) and "0" in labels, labels  # none dropped
        rects = [rect for rect, _flags, _text in texts]
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                assert not a.intersects(b), labels
