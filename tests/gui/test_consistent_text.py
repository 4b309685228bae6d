"""Text that agrees with itself and goes away when it no longer applies: the bar's label and
the headline, hover readouts after the pointer leaves, the hovered dense unit outlined, the
retrain result once the new model is in use, and data messages for a GUI user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF

from app.retrain import RetrainDialog
from app.retrain.worker import RetrainOutcome
from model.data.mnist import missing_data_message
from model.errors import DownloadError
from model.network.inference import Predictor
from tests.gui.mouse import draw_stroke, send_to_view
from tests.gui.test_app_drawing import VERTICAL_BAR

pytestmark = pytest.mark.shared_window  # draw-and-read tests: one window, reset before each


def test_bar_label_and_headline_say_the_same_percentage(window) -> None:
    draw_stroke(window.canvas, VERTICAL_BAR)
    window.current_result  # noqa: B018 (runs the pending refresh)
    bar = window.panels["probabilities"].top_label.toPlainText()
    assert window.digit_panel.confidence.text().startswith(bar)
    window.panels["probabilities"].set_probabilities([0.0] * 9 + [0.9996], 9)
    window.digit_panel.set_result(9, 0.9996)
    assert window.panels["probabilities"].top_label.toPlainText() == "100.0%"
    assert window.digit_panel.confidence.text() == "100.0% confident"


def test_hover_readouts_clear_and_dense_unit_is_outlined(window, qtbot) -> None:
    draw_stroke(window.canvas, VERTICAL_BAR)
    dense = window.panels["dense"]
    strip = dense.strips["F5"]
    send_to_view(dense.graphics, QEvent.Type.MouseMove, strip.image.mapToScene(QPointF(7.5, 0.5)))
    assert strip.marker.isVisible() and strip.marker.rect().x() == 7
    assert not dense.strips["F6"].marker.isVisible()
    dense.graphics.left.emit()
    assert not strip.marker.isVisible() and "F5 unit" not in dense.readout.text()

    kernels = window.panels["kernels"]
    pos = kernels.c2.scene_pos_of(16 * 2 + 3, 1, 4)  # column 3 (C2 filter 3), row 2 (S1 map 2)
    send_to_view(kernels.graphics, QEvent.Type.MouseMove, pos)
    text = kernels.readout.texts[0]  # the whole readout (a narrow panel shows it shortened)
    assert "C2 filter 3" in text and "S1 map 2" in text and "row 1, column 4" in text
    kernels.graphics.left.emit()
    assert kernels.readout.text() == "Hover a weight for its value"


def fake_outcome(weights_path, baseline: float) -> RetrainOutcome:
    checkpoint = Predictor.load(weights_path).checkpoint
    checkpoint.path = None
    checkpoint.metadata["test_accuracy"] = 0.9812
    return RetrainOutcome(checkpoint, baseline_accuracy=baseline, test_images=10_000)


def test_result_line_stops_comparing_once_the_model_is_in_use(window, weights_path) -> None:
    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    dialog.run.outcome = fake_outcome(weights_path, 0.99)
    dialog.show_result()
    assert "points" in dialog.result_label.text()
    dialog.use_model()
    text = dialog.result_label.text()
    assert "In use: 98.12%" in text and "points" not in text
    assert "replaced" in text and "99.00%" in text
    assert "distorted" in dialog.accuracy_note.text()
    window.session.set_predictor(Predictor.load(weights_path))  # no quit prompt at teardown
    dialog.close()


def test_download_failure_speaks_to_a_gui_user_and_goes_when_data_is_found(
    window, mnist_dir, tmp_path
) -> None:
    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    row = dialog.data_folder
    row.set_folder(tmp_path)
    row._on_failed(
        DownloadError("could not download x: offline. " + missing_data_message(tmp_path))
    )
    banner = dialog.banner.text()
    assert "--data-dir" not in banner and "python -m" not in banner
    assert "try again" in banner
    assert dialog.banner.isVisible()
    row.set_folder(mnist_dir)  # "✓ MNIST found": the old error goes
    assert not dialog.banner.isVisible()
    dialog.close()
