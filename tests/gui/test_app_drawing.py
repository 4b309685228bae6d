"""Drawing with the mouse: live prediction, blank prompt, undo, clear, pen width, stylus."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from tests.gui.mouse import (
    digit_paths,
    draw_digit,
    draw_stroke,
    first_of_each_digit,
    mouse,
    to_widget,
)

pytestmark = pytest.mark.shared_window  # draw-and-read tests: one window, reset before each

SHAPES = {
    "C1": (6, 28, 28),
    "S1": (6, 14, 14),
    "C2": (16, 10, 10),
    "S2": (16, 5, 5),
    "F5": (120,),
    "F6": (84,),
}
VERTICAL_BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def test_blank_canvas_prompts_to_draw_instead_of_guessing(window) -> None:
    result = window.current_result
    assert result.digit is None
    assert np.isclose(result.probabilities.sum(), 1.0)
    assert window.digit_panel.confidence.text() == "Draw a digit"
    assert window.canvas.objectName() == "canvas"


def test_drawn_mnist_digits_are_read(window, mnist_test) -> None:
    """Ten real handwritten digits (the first of each class), drawn with the mouse.

    At the default pen width the drawing also comes out of preprocessing with MNIST-like
    stroke weight: about as much ink in the 28x28 field as the original digit had.
    """
    correct, ink_ratios = 0, []
    for index in first_of_each_digit(mnist_test.labels):
        window.context.drawing.clear()
        draw_digit(window.canvas, mnist_test.images[index])
        result = window.current_result
        correct += result.digit == mnist_test.labels[index]
        assert np.isclose(result.probabilities.sum(), 1.0, atol=1e-5)
        assert result.network_input.shape == (32, 32)
        assert {k: v.shape for k, v in result.activations.items()} == SHAPES
        assert window.digit_panel.digit.text() == str(result.digit)
        original_ink = mnist_test.images[index].sum() / 255.0
        ink_ratios.append(result.image28.sum() / original_ink)
    assert correct >= 8, f"only {correct}/10 drawn digits read correctly"
    assert 0.7 < float(np.median(ink_ratios)) < 1.4


def test_panels_update_during_the_stroke_not_only_on_release(window, mnist_test) -> None:
    canvas = window.canvas
    path = digit_paths(mnist_test.images[first_of_each_digit(mnist_test.labels)[7]])[0]
    points = [to_widget(canvas, p) for p in path]
    mouse(canvas, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1 : len(points) // 2 + 1]:
        mouse(canvas, QEvent.Type.MouseMove, *p)
    QApplication.processEvents()
    result = window.current_result  # the button is still down
    assert result.digit is not None
    # half a 7 may well be "not a digit?": then its best guess is the smaller line
    shown = window.digit_panel.guess if result.not_a_digit else window.digit_panel.digit
    assert str(result.digit) in shown.text()
    np.testing.assert_array_equal(window.panels["input"].image.image, result.network_input)
    assert window.panels["probabilities"].probabilities.argmax() == result.digit
    mid_stroke_input = result.network_input.copy()
    for p in points[len(points) // 2 + 1 :]:
        mouse(canvas, QEvent.Type.MouseMove, *p)
    QApplication.processEvents()
    assert not np.array_equal(window.current_result.network_input, mid_stroke_input)
    mouse(canvas, QEvent.Type.MouseButtonRelease, *points[-1])


def test_a_fast_stroke_does_not_queue_a_prediction_per_event(window, monkeypatch) -> None:
    calls = []
    predict = window.predictor.predict
    monkeypatch.setattr(
        window.predictor, "predict", lambda *args: calls.append(1) or predict(*args)
    )
    canvas = window.canvas
    points = [to_widget(canvas, p) for p in VERTICAL_BAR]
    mouse(canvas, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:]:
        mouse(canvas, QEvent.Type.MouseMove, *p)  # 45 moves before the loop runs
    QApplication.processEvents()
    assert 1 <= len(calls) <= 2
    assert window.current_result.digit is not None


def test_undo_removes_the_last_stroke_and_clear_empties(window, qtbot) -> None:
    draw_stroke(window.canvas, VERTICAL_BAR)
    one_stroke = window.current_result.network_input.copy()
    draw_stroke(window.canvas, [(80.0 + 3 * i, 60.0) for i in range(40)])
    assert not np.array_equal(window.current_result.network_input, one_stroke)

    window.findChild(type(window.actions.undo), "actionUndo").trigger()
    np.testing.assert_allclose(window.current_result.network_input, one_stroke, atol=1e-6)
    assert window.context.drawing.stroke_count == 1

    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.current_result.digit is None
    assert window.current_raster() is None
    draw_stroke(window.canvas, VERTICAL_BAR)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert window.current_result.digit is None
    assert window.digit_panel.confidence.text() == "Draw a digit"


def test_ctrl_z_undoes(window, qtbot) -> None:
    draw_stroke(window.canvas, VERTICAL_BAR)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.context.drawing.stroke_count == 0
    assert window.current_result.digit is None


def test_pen_width_control_sets_stroke_thickness(window) -> None:
    spin = window.actions.pen_width
    assert spin.value() == 20  # 1/14 of the 280 px canvas: MNIST-like after preprocessing
    draw_stroke(window.canvas, VERTICAL_BAR)
    thin_ink = int((window.context.drawing.raster() > 127).sum())  # the canvas as shown
    window.context.drawing.clear()
    spin.setValue(40)
    draw_stroke(window.canvas, VERTICAL_BAR)
    thick_ink = int((window.context.drawing.raster() > 127).sum())
    assert thick_ink > 1.7 * thin_ink


def test_raster_does_not_depend_on_window_size(window, qtbot) -> None:
    draw_stroke(window.canvas, VERTICAL_BAR)
    before = window.current_raster()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.canvas.width() < 600 or window.canvas.height() < 600)
    assert window.current_raster().shape == (280, 280)
    np.testing.assert_array_equal(window.current_raster(), before)


def test_stylus_draws_like_the_mouse(window) -> None:
    canvas = window.canvas
    device = QPointingDevice.primaryPointingDevice()
    for kind, (x, y) in [
        (QEvent.Type.TabletPress, VERTICAL_BAR[0]),
        *[(QEvent.Type.TabletMove, p) for p in VERTICAL_BAR[1:]],
        (QEvent.Type.TabletRelease, VERTICAL_BAR[-1]),
    ]:
        pos = QPointF(*to_widget(canvas, (x, y)))
        down = kind != QEvent.Type.TabletRelease
        event = QTabletEvent(
            kind, device, pos, canvas.mapToGlobal(pos), 0.8 if down else 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton,
        )  # fmt: skip
        QApplication.sendEvent(canvas, event)
    assert canvas.drawing.stroke_count == 1
    assert window.current_result.digit == 1


def test_a_small_digit_drawn_with_a_thick_pen_is_read_as_if_drawn_thinner(
    window, mnist_test, qtbot
) -> None:
    """A thick pen turns a small digit into a blob: the network reads the strokes drawn again no
    thicker than the model's cap for the drawing's size, while the canvas shows them as drawn;
    a digit drawn large with the default pen is read exactly as drawn."""
    drawing = window.context.drawing
    window.actions.pen_width.setValue(36)
    read = []
    for index in first_of_each_digit(mnist_test.labels):
        drawing.clear()
        for path in digit_paths(mnist_test.images[index], size=50.0):
            draw_stroke(window.canvas, path)
        shown, network = drawing.raster(), window.current_raster()
        assert (network > 127).sum() < 0.7 * (shown > 127).sum()  # thinner for the network
        assert window.current_result.network_input is not None
        read.append(window.current_result.digit == mnist_test.labels[index])
    assert sum(read) >= 9  # as drawn, 6 of these 10 blobs were read
    with qtbot.waitSignal(drawing.notice, timeout=5000) as said:  # once the hand rests
        pass
    assert said.args == ["Thick pen for a small drawing: LeNet reads it drawn thinner"]

    drawing.clear()
    window.actions.pen_width.setValue(20)
    for path in digit_paths(mnist_test.images[first_of_each_digit(mnist_test.labels)[3]]):
        draw_stroke(window.canvas, path)
    np.testing.assert_array_equal(window.current_raster(), drawing.raster())


def test_a_digit_drawn_large_with_the_default_pen_says_nothing_about_the_pen(
    window, mnist_test, qtbot
) -> None:
    """Every stroke starts small (its first points are a dot): the note about a thick pen comes
    only for a finished drawing that is small for its pen, not at the start of every one."""
    drawing = window.context.drawing
    said = []
    drawing.notice.connect(said.append)
    draw_digit(window.canvas, mnist_test.images[first_of_each_digit(mnist_test.labels)[7]])
    assert drawing.thin_note.isActive()  # the hand has just left the canvas
    qtbot.waitUntil(lambda: not drawing.thin_note.isActive(), timeout=5000)
    assert said == []
