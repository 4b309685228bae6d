"""The Insight workspace: evaluation totals, cell clicks filling the gallery, opening a sample
in Draw, unreadable files, caching and re-evaluation on a model change."""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.insight.providers import folder_source, mnist_test_source
from model.analysis.accuracy import evaluate_mnist
from model.data.mnist import load_split
from model.files.checkpoint import load_checkpoint
from tests.gui.insight_helpers import TIMEOUT, click, evaluate, open_insight, subset_source


def test_the_10k_evaluation_matches_model_evaluation_and_comes_back_from_the_cache(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    workspace = open_insight(window, monkeypatch)
    assert workspace.confusion_matrix() is None
    matrix = evaluate(qtbot, workspace, mnist_test_source(mnist_dir)).confusion
    assert workspace.confusion_matrix().shape == (10, 10)
    assert workspace.confusion_matrix().dtype.kind == "i"
    assert matrix.sum() == 10_000
    expected = evaluate_mnist(load_checkpoint(weights_path), load_split("test", mnist_dir))
    np.testing.assert_array_equal(matrix, expected.confusion)

    evaluate(qtbot, workspace, subset_source(mnist_dir, 100))
    assert workspace.confusion_matrix().sum() == 100
    with qtbot.waitSignal(workspace.evaluation_finished, timeout=100):  # instant, no job
        workspace.evaluate(mnist_test_source(mnist_dir))
    assert not workspace.jobs.running
    np.testing.assert_array_equal(workspace.confusion_matrix(), expected.confusion)


def test_clicking_a_cell_or_header_fills_the_gallery_with_exactly_those_samples(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    ev = evaluate(qtbot, workspace, subset_source(mnist_dir, 400))
    off = np.argwhere((ev.confusion > 0) & ~np.eye(10, dtype=bool))
    true, predicted = (int(v) for v in off[0]) if len(off) else (3, 3)
    click(workspace.confusion, true, predicted)
    shown = workspace.gallery_samples()
    assert sorted(shown) == sorted(ev.indices(true, predicted).tolist())
    assert len(shown) == ev.confusion[true, predicted]
    assert workspace.gallery.model().rowCount() == len(shown)

    click(workspace.confusion, 7, None)  # the row header: every true 7
    assert sorted(workspace.gallery_samples()) == np.flatnonzero(ev.labels == 7).tolist()
    workspace.mistakes_only.click()
    assert (
        sorted(workspace.gallery_samples())
        == np.flatnonzero((ev.labels == 7) & (ev.predictions != 7)).tolist()
    )
    workspace.mistakes_only.click()
    click(workspace.confusion, None, 1)  # the column header: everything read as 1
    assert sorted(workspace.gallery_samples()) == np.flatnonzero(ev.predictions == 1).tolist()

    workspace.sort.setCurrentIndex(workspace.sort.findData("index"))
    assert workspace.gallery_samples() == sorted(workspace.gallery_samples())


def test_activating_a_sample_opens_it_in_draw_with_the_gallery_prediction(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    ev = evaluate(qtbot, workspace, subset_source(mnist_dir, 300))
    workspace.sort.setCurrentIndex(workspace.sort.findData("confident_mistakes"))
    workspace.select(None, None)
    gallery = workspace.gallery
    gallery.setFocus()
    gallery.setCurrentIndex(gallery.model().index(0, 0))
    QTest.keyClick(gallery, Qt.Key.Key_Right)  # keyboard navigation: the second thumbnail
    sample = workspace.gallery_samples()[1]
    assert gallery.currentIndex().row() == 1
    with qtbot.waitSignal(window.workspace_changed, timeout=TIMEOUT):
        QTest.keyClick(gallery, Qt.Key.Key_Return)
    assert window.workspace_key == "draw"
    predicted = int(ev.predictions[sample])
    assert window.session.shown.digit == predicted
    assert window.digit_panel.digit.text() == str(predicted)
    assert window.digit_panel.truth.text().endswith(str(int(ev.labels[sample])))
    assert not window.context.drawing.is_blank()
    np.testing.assert_allclose(
        window.session.shown.probabilities, ev.probabilities[sample], atol=1e-5
    )


def _png(path, image: np.ndarray) -> None:
    Image.fromarray(image).save(path)


def test_a_folder_with_unreadable_files_evaluates_the_rest_and_lists_the_bad_ones(
    qtbot, window, monkeypatch, tmp_path, mnist_dir
) -> None:
    test = load_split("test", mnist_dir)
    for i in range(3):
        _png(tmp_path / f"{int(test.labels[i])}_{i}.png", test.images[i])
    (tmp_path / "broken.png").write_bytes(b"not a png at all")
    _png(tmp_path / "blank.png", np.zeros((28, 28), np.uint8))
    workspace = open_insight(window, monkeypatch)
    ev = evaluate(qtbot, workspace, folder_source(tmp_path))
    assert len(ev) == 3 and ev.confusion.sum() == 3
    assert sorted(ev.labels.tolist()) == sorted(int(v) for v in test.labels[:3])
    bad = {name.split("/")[-1] for name, _reason in workspace.unreadable()}
    assert bad == {"broken.png", "blank.png"}
    assert workspace.unreadable_list.isVisible() and workspace.unreadable_list.count() == 2
    assert "2 files could not be read" in workspace.status.text()


def test_a_new_active_model_is_evaluated_again(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    import torch

    from model.network.inference import Predictor

    workspace = open_insight(window, monkeypatch)
    first = evaluate(qtbot, workspace, subset_source(mnist_dir, 200))
    other = Predictor.load(weights_path)
    with torch.no_grad():
        other.model.c1.weight.mul_(0.5)  # a different network: a different model key
    with qtbot.waitSignal(workspace.evaluation_finished, timeout=TIMEOUT) as finished:
        window.set_predictor(other, "halved")
    assert finished.args[0].key[0] != first.key[0]
    assert finished.args[0].confusion.sum() == 200


def test_closing_the_window_mid_evaluation_stops_the_job(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    workspace.evaluate(mnist_test_source(mnist_dir))
    assert workspace.jobs.running and workspace.cancel_button.isVisible()
    window.close()  # must not abort the process with a running QThread
    assert not workspace.jobs.running


def test_cancel_stops_the_evaluation_and_keeps_the_last_result(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    small = evaluate(qtbot, workspace, subset_source(mnist_dir, 50))
    workspace.evaluate(mnist_test_source(mnist_dir))
    job = workspace.jobs.job
    with qtbot.waitSignal(job.done, timeout=TIMEOUT):
        workspace.cancel_button.click()
    assert not workspace.jobs.running and not workspace.progress.isVisible()
    assert "cancelled" in workspace.status.text()
    np.testing.assert_array_equal(workspace.confusion_matrix(), small.confusion)


def test_a_missing_mnist_is_said_inline_with_choose_and_download(
    qtbot, window, tmp_path, monkeypatch, mnist_dir
) -> None:
    """Issue 19, item 2: Insight says inline that MNIST is missing, with Choose folder… and
    Download; a folder chosen there is the app's (Retrain then opens on it) and Insight
    evaluates at once."""
    from PySide6.QtWidgets import QFileDialog

    from app.insight.workspace import InsightWorkspace

    window.context.data_location.set_mnist_dir(tmp_path)  # an empty folder
    monkeypatch.setattr(InsightWorkspace, "auto_evaluate", True)
    workspace = window.switch_workspace("insight")
    qtbot.waitUntil(lambda: not workspace.jobs.running, timeout=TIMEOUT)
    assert workspace.status.text() == ""  # the box says it, not a cut-off status line
    assert window.error_box is None
    assert workspace.confusion_matrix() is None
    box = workspace.data_missing
    assert box.isVisible() and str(tmp_path) in box.row.edit.text()
    assert box.row.download_button.isVisible() and box.row.choose_button.isVisible()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_dir))
    with qtbot.waitSignal(workspace.evaluation_finished, timeout=TIMEOUT):
        qtbot.mouseClick(box.row.choose_button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    assert workspace.confusion_matrix() is not None
    window.open_retrain_dialog()
    from app.retrain import RetrainDialog

    dialog = window.findChild(RetrainDialog)
    assert dialog.data_folder.folder() == mnist_dir and dialog.data_folder.is_ready()
    dialog.close()


def test_a_single_click_selects_and_a_double_click_opens(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 60))
    gallery = workspace.gallery
    centre = gallery.visualRect(gallery.model().index(4, 0)).center()
    QTest.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert gallery.currentIndex().row() == 4 and window.workspace_key == "insight"
    with qtbot.waitSignal(window.workspace_changed, timeout=TIMEOUT):
        QTest.mouseDClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.workspace_key == "draw"
    assert window.session.shown.digit == int(
        workspace.evaluation.predictions[workspace.gallery_samples()[4]]
    )


def test_visiting_insight_leaves_the_draw_layout_as_it_was(qtbot, window, monkeypatch) -> None:
    widths = {key: window.docks[key].width() for key in ("probabilities", "C1")}
    open_insight(window, monkeypatch)
    window.switch_workspace("draw")
    qtbot.wait(10)
    for key, width in widths.items():
        assert abs(window.docks[key].width() - width) <= 2, key


def test_drawing_after_opening_a_sample_drops_its_true_label(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    from tests.gui.mouse import draw_stroke

    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 20))
    workspace.open_sample(3)
    assert window.digit_panel.truth.text() != ""
    window.context.drawing.clear()
    draw_stroke(window.canvas, [(140.0, 50.0 + 4 * i) for i in range(46)])
    window.session.refresh_now()
    assert window.digit_panel.truth.text() == ""
    assert window.digit_panel.digit.text() == str(window.current_result.digit)
