"""Concepts ▸ Why not flatten: the fully-connected network's answer, and the shift test job."""

from __future__ import annotations

import numpy as np
import pytest

from app.concepts import networks
from app.concepts.flatten import FLAT, LENET
from model.analysis.shift import shift_test
from tests.gui.mouse import draw_stroke

SEVEN = [(60.0 + 4 * i, 60.0) for i in range(40)] + [
    (220.0 - 3 * i, 60.0 + 5 * i) for i in range(36)
]


@pytest.fixture
def flatten(window, mnist_dir):
    draw_stroke(window.canvas, SEVEN)
    window.switch_workspace("concepts")
    panel = window.panels["flatten"]
    panel.data_dir = mnist_dir
    return panel


def test_the_fully_connected_answer_is_shown_beside_lenets(flatten, window) -> None:
    flat = networks.fully_connected()
    probabilities, _ = flat.forward(window.current_result.network_input)
    digit = int(np.argmax(probabilities))
    assert flatten.answers[FLAT] == (digit, pytest.approx(float(probabilities[digit])))
    assert f"<b>{digit}</b>" in flatten.flat_label.text()
    assert flatten.answers[LENET][0] == window.current_result.digit
    assert f"<b>{window.current_result.digit}</b>" in flatten.lenet_label.text()
    assert "61,698 parameters" in flatten.flat_label.text()


def test_the_shift_test_runs_on_a_subset_with_progress(flatten, window, mnist_test, qtbot) -> None:
    flatten.size_spin.setValue(400)
    fractions: list[float] = []
    flatten.run_button.click()
    job = flatten.job
    assert job is not None and not flatten.run_button.isEnabled()
    job.progress.connect(fractions.append)
    with qtbot.waitSignal(job.done, timeout=30_000):
        pass
    assert fractions and fractions[-1] == pytest.approx(1.0)
    assert flatten.progress.value() == 100 and flatten.run_button.isEnabled()
    direct = shift_test(window.predictor, mnist_test.images[:400], mnist_test.labels[:400])
    xs, ys = flatten.curves[LENET].getData()
    np.testing.assert_array_equal(xs, [0, 1, 2, 3, 4])
    np.testing.assert_allclose(ys, direct.accuracy)
    assert len(flatten.curves[FLAT].getData()[1]) == 5
    assert "400 test images" in flatten.status.text()


def test_the_shift_test_can_be_cancelled(flatten, qtbot) -> None:
    flatten.size_spin.setValue(10_000)
    flatten.run_button.click()
    job = flatten.job
    with qtbot.waitSignals([job.cancelled, job.done], timeout=30_000):
        flatten.cancel_button.click()
    assert "cancelled" in flatten.status.text()
    assert flatten.run_button.isEnabled() and not flatten.cancel_button.isEnabled()
    assert flatten.test_results == {}


def test_missing_mnist_is_said_inline_and_chosen_there(
    flatten, window, qtbot, tmp_path, monkeypatch, mnist_dir
) -> None:
    """Issue 19, item 2: the shift test uses the app's MNIST folder; where it is missing the
    panel says so with Choose folder… and Download, and a chosen folder serves it at once."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    flatten.data_dir = None  # the app's folder
    window.context.data_location.set_mnist_dir(tmp_path)
    qtbot.mouseClick(flatten.run_button, Qt.MouseButton.LeftButton)
    assert flatten.job is None
    box = flatten.data_missing
    assert not box.isHidden() and box.row.download_button.isVisibleTo(box)
    assert "missing" in flatten.status.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_dir))
    with qtbot.waitSignal(box.ready, timeout=5_000):
        qtbot.mouseClick(box.row.choose_button, Qt.MouseButton.LeftButton)
    assert box.isHidden() and "MNIST found" in flatten.status.text()
