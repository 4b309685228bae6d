"""A teacher's tools: Presentation (larger text and canvas), F11 full screen, the in-app guide
to the panels and the keyboard shortcut list."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.mouse import draw_stroke
from tests.gui.test_app_drawing import VERTICAL_BAR

pytestmark = pytest.mark.shared_window  # one window, reset before each test


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def test_presentation_enlarges_text_and_canvas_and_goes_back(window) -> None:
    window.resize(1366, 740)
    draw_stroke(window.canvas, VERTICAL_BAR)
    settle()
    font, digit = window.font().pointSizeF(), window.digit_panel.digit.font().pointSizeF()
    canvas = window.canvas.width()
    action = window.findChild(type(window.actions.undo), "actionPresentation")
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    settle()
    assert window.font().pointSizeF() >= 1.4 * font
    assert window.digit_panel.digit.font().pointSizeF() >= 1.4 * digit
    assert window.canvas.width() > canvas
    answer = window.digit_panel.confidence
    assert answer.geometry().right() <= window.digit_panel.width()  # the answer still fits
    action.trigger()
    settle()
    assert window.font().pointSizeF() == font
    assert window.digit_panel.digit.font().pointSizeF() == digit


def test_f11_toggles_full_screen(window) -> None:
    action = window.findChild(type(window.actions.undo), "actionFullScreen")
    assert action.shortcut().toString() == "F11"
    action.trigger()
    assert window.isFullScreen()
    action.trigger()
    assert not window.isFullScreen()


def test_guide_explains_every_panel(window) -> None:
    window.findChild(type(window.actions.undo), "actionGuide").trigger()
    dialog = window.classroom.guide_dialog
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.text.toPlainText()
    for name in ("canvas", "Network input", "C1", "S1", "C2", "S2", "F5", "Kernels", "Probab"):
        assert name in text, name


def test_shortcut_list_comes_from_the_actions(window) -> None:
    window.findChild(type(window.actions.undo), "actionShortcuts").trigger()
    table = window.classroom.shortcuts_dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Full screen"] == "F11"
    assert "Ctrl+Shift+Z" in rows["Redo"]
    assert rows["Draw"] == "F2"
    assert any(name.startswith("Undo") and "Ctrl+Z" in keys for name, keys in rows.items())
