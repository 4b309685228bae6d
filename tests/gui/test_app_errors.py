"""Errors: a box with the details, a log file, and a bug in a slot that does not end the app."""

from __future__ import annotations

import gc
import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.shell.error_boxes import install_excepthook, show_error
from app.shell.logs import setup_logging
from model.errors import CheckpointError
from model.files.user_dirs import user_state_dir


def test_the_error_box_offers_the_traceback(qtbot) -> None:
    try:
        raise CheckpointError("weights.pt: not a checkpoint")
    except CheckpointError as exc:
        box = show_error(None, "Cannot load weights", str(exc), exc)
    qtbot.addWidget(box)
    assert box.isVisible() and box.text() == "weights.pt: not a checkpoint"
    assert "Traceback" in box.detailedText() and "CheckpointError" in box.detailedText()
    box.close()


def test_the_log_file_lives_in_the_state_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert user_state_dir() == tmp_path / "lenet-lens"
    path = setup_logging(tmp_path / "state")
    logging.getLogger("app.test").warning("something to remember")
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    assert "something to remember" in path.read_text(encoding="utf-8")
    for logger in (logging.getLogger("app"), logging.getLogger("model")):
        for handler in list(logger.handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                logger.removeHandler(handler)
                handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_and_survived(
    qtbot, window, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda: window)
    button = QPushButton("crash", window)

    def broken() -> None:
        raise ZeroDivisionError("a bug in a slot")

    button.clicked.connect(broken)
    with caplog.at_level(logging.ERROR, logger="app.shell.error_boxes"):
        button.click()
    assert any("unexpected error" in r.message for r in caplog.records)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "ZeroDivisionError: a bug in a slot" in boxes[0].text()
    assert "Traceback" in boxes[0].detailedText()
    boxes[0].close()
    window.context.drawing.clear()  # still alive and answering
    assert window.current_result.is_blank


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_without_a_window_is_still_shown(qtbot, monkeypatch, caplog) -> None:
    """install_excepthook() with no parent (before the window exists, or with none active): the
    box has no owner, and it must stay open until the user closes it."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    # No window active (an earlier test's window may linger until its deferred deletion).
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: None))
    install_excepthook()
    try:
        raise KeyError("no window yet")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="app.shell.error_boxes"):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    gc.collect()
    qtbot.wait(10)  # let a dropped box be deleted, as it would be in the app
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]
    assert len(boxes) == 1
    assert "KeyError" in boxes[0].text() and "no window yet" in boxes[0].text()
    boxes[0].close()
