"""`python -m app` / `lenet-lens`: starts, reopens the last weights, survives bad ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import app.__main__ as entry
from app.shell import settings as keys
from app.shell.main_window import MainWindow
from model.files.weights import shipped_weights_path


def run_main(monkeypatch, settings) -> list[MainWindow]:
    """Run the entry point on private settings; close its window once it is up."""
    monkeypatch.setattr(keys, "default_settings", lambda: settings)
    seen: list[MainWindow] = []

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if not shown:
            QTimer.singleShot(50, close_window)
            return
        seen.extend(shown)
        for window in shown:
            window.close()

    QTimer.singleShot(50, close_window)
    assert entry.main([]) == 0
    return seen


@pytest.fixture
def shipped() -> None:
    if not shipped_weights_path().is_file():
        pytest.skip("shipped weights not built yet")


def test_entry_point_opens_the_last_weights(qapp, monkeypatch, settings, weights_path) -> None:
    settings.setValue(keys.LAST_WEIGHTS, str(weights_path))
    (window,) = run_main(monkeypatch, settings)
    assert window.predictor.source == weights_path
    window.deleteLater()


def test_unloadable_last_weights_fall_back_to_shipped(
    monkeypatch, settings, tmp_path, shipped
) -> None:
    broken = tmp_path / "broken.pt"
    broken.write_bytes(b"garbage")
    settings.setValue(keys.LAST_WEIGHTS, str(broken))
    (window,) = run_main(monkeypatch, settings)
    assert window.predictor.source.resolve() == shipped_weights_path().resolve()
    assert "broken.pt" in window.error_box.text()
    assert settings.value(keys.LAST_WEIGHTS) is None
    window.deleteLater()
