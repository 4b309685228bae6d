"""One undo history: strokes, Clear and Open image undo and redo with Ctrl+Z / Ctrl+Shift+Z,
and the Edit menu says what there is to undo."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.gui.mouse import draw_stroke
from tests.gui.test_app_files import dark_on_light_png

pytestmark = pytest.mark.shared_window  # draw-and-read tests: one window, reset before each

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]
DASH = [(80.0 + 3 * i, 60.0) for i in range(40)]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_clear_is_undone_and_redone_with_the_keyboard(window, qtbot) -> None:
    undo, redo = window.actions.undo, window.actions.redo
    assert not undo.isEnabled() and not redo.isEnabled()  # nothing yet
    draw_stroke(window.canvas, BAR)
    draw_stroke(window.canvas, DASH)
    drawn = window.current_raster().copy()
    assert undo.isEnabled() and not redo.isEnabled()

    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.current_raster() is None
    assert "clear" in undo.text().lower()

    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)  # the drawing is back, pixel for pixel
    np.testing.assert_array_equal(window.current_raster(), drawn)
    assert window.context.drawing.stroke_count == 2 and redo.isEnabled()

    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL_SHIFT)  # redo the clear
    assert window.current_raster() is None
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)  # and the dash
    assert window.context.drawing.stroke_count == 1
    window.actions.redo.trigger()
    np.testing.assert_array_equal(window.current_raster(), drawn)


def test_drawing_on_an_opened_image_can_be_undone(window, qtbot, mnist_test, tmp_path) -> None:
    index = int(np.flatnonzero(mnist_test.labels == 8)[0])
    path = dark_on_light_png(tmp_path / "eight.png", mnist_test.images[index])
    draw_stroke(window.canvas, BAR)
    assert window.open_image(path)
    image = window.current_raster().copy()
    assert window.current_result.digit == 8

    messages = []
    window.context.drawing.notice.connect(messages.append)
    draw_stroke(window.canvas, BAR)  # replaces the image, and says how to get it back
    assert window.context.drawing.stroke_count == 1
    assert messages and "Ctrl+Z" in messages[0]
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)  # the image is back
    np.testing.assert_array_equal(window.current_raster(), image)
    assert window.current_result.digit == 8
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)  # the bar drawn before opening
    assert window.context.drawing.stroke_count == 1 and window.current_raster().shape == (280, 280)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL_SHIFT)
    np.testing.assert_array_equal(window.current_raster(), image)


def test_the_history_is_bounded(window) -> None:
    from app.core.drawing import UNDO_LIMIT

    for i in range(UNDO_LIMIT + 5):
        draw_stroke(window.canvas, [(20.0 + i * 4, 40.0), (20.0 + i * 4, 60.0)])
    assert window.context.drawing.undo_stack.count() == UNDO_LIMIT
    assert window.context.drawing.stroke_count == UNDO_LIMIT + 5  # the drawing itself is all there
