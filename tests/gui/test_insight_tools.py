"""The Insight workspace's tools: comparing two models, exporting, the attribution dock."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np

from tests.gui.insight_helpers import TIMEOUT, evaluate, open_insight, subset_source

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_comparing_a_model_with_itself_gives_zero_disagreements(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 300))
    compare = workspace.compare
    workspace.tabs.setCurrentWidget(compare)
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT) as done:
        compare.compare_with(weights_path)
    comparison = done.args[0]
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
    with qtbot.waitSignal(workspace.compare.compared, timeout=TIMEOUT) as done:
        workspace.compare.compare_with(path)
    comparison = done.args[0]
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
    draw_stroke(window.canvas, [(140.0, 50.0 + 4 * i) for i in range(46)])
    window.session.refresh_now()
    qtbot.waitUntil(lambda: overlay.image is not None, timeout=TIMEOUT)
    assert overlay.isVisible() and overlay.raster_rect is not None
    before = overlay.computations
    draw_stroke(window.canvas, [(100.0 + 4 * i, 120.0) for i in range(20)])
    window.session.refresh_now()
    assert overlay.computations > before  # live: every reading of the drawing
    window.switch_workspace("insight")
    panel.overlay_check.click()
    assert not overlay.enabled and not overlay.isVisible()
