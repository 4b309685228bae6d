"""Quitting with a retrained model that was never saved asks Save / Discard / Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from model.network.inference import Predictor

Button = QMessageBox.StandardButton


def unsaved_model(window, weights_path) -> None:
    retrained = Predictor.load(weights_path)
    retrained.checkpoint.path = None  # as Retrain ▸ Use this model hands it over
    window.set_predictor(retrained, label="retrained 10:00")


def answer(qtbot, window, button: Button) -> None:
    box = window.quit_box
    assert box is not None and box.isVisible() and box.objectName() == "unsavedModelBox"
    assert "retrained 10:00" in box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_saved_model_quits_without_asking(window) -> None:
    window.close()
    assert not window.isVisible()
    assert window.findChild(QMessageBox, "unsavedModelBox") is None


def test_cancel_keeps_the_window_and_discard_quits(qtbot, window, weights_path) -> None:
    unsaved_model(window, weights_path)
    window.close()
    assert window.isVisible()
    answer(qtbot, window, Button.Cancel)
    assert window.isVisible()

    window.close()
    answer(qtbot, window, Button.Discard)
    assert not window.isVisible()


def test_save_writes_the_model_then_quits(qtbot, window, weights_path, tmp_path, monkeypatch):
    target = tmp_path / "kept.pt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    unsaved_model(window, weights_path)
    window.close()
    answer(qtbot, window, Button.Save)
    assert target.is_file()
    assert not window.isVisible()
