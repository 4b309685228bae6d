"""Issue 11, part 1: the "That was a…" row, Ctrl+digit and `MainWindow.teach` keep the drawing
with its label in the user's collection (under XDG_DATA_HOME); Undo takes the keep back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from model.data.collection import default_collection_path, read_collection
from tests.gui.teach_support import draw_one


def button(window, digit: int) -> QToolButton:
    return window.findChild(QToolButton, f"teachButton{digit}")


def test_buttons_disabled_without_strokes(window, data_home) -> None:
    assert not button(window, 7).isEnabled()
    assert not window.teacher.teach_actions[7].isEnabled()
    draw_one(window.canvas)
    assert button(window, 7).isEnabled()
    window.context.drawing.clear()
    assert not button(window, 7).isEnabled()
    assert window.teach(3) is None  # nothing to keep: nothing kept, no file written
    assert not default_collection_path().exists()


def test_button_keeps_with_label_and_undo_removes(qtbot, window, data_home) -> None:
    draw_one(window.canvas)
    read = window.current_result.digit
    qtbot.mouseClick(button(window, 7), Qt.MouseButton.LeftButton)
    kept = read_collection(default_collection_path())
    assert [d.label for d in kept] == [7]
    assert kept[0].predicted == read
    assert kept[0].pen_width == window.context.drawing.pen_width
    assert "Kept as 7" in window.statusBar().currentMessage()
    undo = window.findChild(QToolButton, "teachUndo")
    assert undo.isVisible()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert read_collection(default_collection_path()) == []
    assert not undo.isVisible()
    assert not window.teacher.undo_action.isEnabled()


def test_ctrl_digit_keeps_and_ctrl_alt_z_undoes(qtbot, window, data_home) -> None:
    draw_one(window.canvas)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert [d.label for d in read_collection(default_collection_path())] == [4]
    window.context.drawing.clear()
    draw_one(window.canvas, x=100.0)
    qtbot.keyClick(window.canvas, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert [d.label for d in read_collection(default_collection_path())] == [4, 1]
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, mods)
    assert [d.label for d in read_collection(default_collection_path())] == [4]


def test_teach_equals_the_button_path(qtbot, window, data_home) -> None:
    draw_one(window.canvas)
    by_api = window.teach(9)
    window.teacher.undo()
    qtbot.mouseClick(button(window, 9), Qt.MouseButton.LeftButton)
    (by_button,) = read_collection(default_collection_path())
    assert by_api.id == by_button.id
    assert (by_api.label, by_api.pen_width, by_api.predicted) == (
        by_button.label,
        by_button.pen_width,
        by_button.predicted,
    )
    assert len(by_api.strokes) == len(by_button.strokes) == 1


def test_opened_image_cannot_be_kept(window, data_home, tmp_path) -> None:
    import numpy as np

    raster = np.zeros((28, 28), dtype=np.float32)
    raster[4:24, 12:16] = 1.0
    window.context.drawing.set_image(raster)
    assert not button(window, 1).isEnabled()
    assert window.teach(1) is None
    assert not default_collection_path().exists()


def test_undo_keep_leaves_the_row_when_an_image_is_shown(qtbot, window, data_home) -> None:
    """Issue 19, item 19: after opening a sample (an image, nothing to keep) the "Undo keep"
    button no longer sits beside the disabled row; the menu's Undo last keep still works."""
    import numpy as np

    draw_one(window.canvas)
    qtbot.mouseClick(button(window, 7), Qt.MouseButton.LeftButton)
    undo = window.findChild(QToolButton, "teachUndo")
    assert undo.isVisible()
    window.context.drawing.set_image(np.zeros((28, 28), dtype=np.float32))
    assert not button(window, 7).isEnabled() and not undo.isVisible()
    assert window.teacher.undo_action.isEnabled()
    window.context.drawing.undo()  # the drawing is back: so is the button
    assert undo.isVisible()
