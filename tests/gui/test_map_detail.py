"""The enlarged map opens beside the canvas (not over it), can be hovered, and C2's kernel
numbers sit above the kernels instead of over their top-left weights."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, QRect
from PySide6.QtWidgets import QApplication

from tests.gui.mouse import draw_stroke, send_to_view

pytestmark = pytest.mark.shared_window  # draw-and-read tests: one window, reset before each

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("canvas_left", [300, 900, 1300])
def test_detail_opens_beside_the_canvas(window, qtbot, canvas_left) -> None:
    dialog = window.open_map_detail("C2", 3)
    qtbot.waitExposed(dialog)
    screen = QRect(0, 0, 1920, 1080)
    canvas = QRect(canvas_left, 200, 500, 500)
    dialog.place_beside(canvas, screen)
    placed = QRect(dialog.pos(), dialog.frameGeometry().size())
    assert not placed.intersects(canvas) and screen.contains(placed), placed


def test_detail_from_the_window_avoids_its_canvas(window, qtbot) -> None:
    window.resize(1000, 700)
    room = window.screen().availableGeometry()
    dialog = window.open_map_detail("C1", 0)
    qtbot.waitExposed(dialog)
    canvas = global_rect(window.canvas)
    if max(room.right() - canvas.right(), canvas.left() - room.left()) < dialog.width() + 12:
        pytest.skip("this screen has no room beside the canvas")
    assert not dialog.frameGeometry().intersects(canvas)


def test_detail_is_hoverable_and_clears_on_leave(window, qtbot) -> None:
    draw_stroke(window.canvas, BAR)
    dialog = window.open_map_detail("C2", 3)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.map_view.sceneBoundingRect().width() > 50)
    for _ in range(5):  # let the view settle its range before aiming at a unit
        QApplication.processEvents()
    image = dialog.map_image
    send_to_view(dialog.graphics, QEvent.Type.MouseMove, image.mapToScene(QPointF(7.5, 2.5)))
    value = window.current_result.activations["C2"][3][2, 7]
    assert dialog.readout.text() == f"C2 map 3, row 2, column 7: {value:.3f}"

    pos = dialog.kernels.scene_pos_of(4, 0, 0)  # S1 map 4's kernel, its top-left weight
    weight = window.predictor.kernels()["C2"][3, 4, 0, 0]
    expected = f"C2 filter 3 ← S1 map 4, weight row 0, column 0: {weight:+.3f}"

    def moved() -> bool:  # pyqtgraph rate-limits move events: repeat until one gets through
        send_to_view(dialog.graphics, QEvent.Type.MouseMove, pos)
        return dialog.readout.text() == expected

    qtbot.waitUntil(moved)

    dialog.graphics.left.emit()
    assert dialog.readout.text() == dialog.hint


def test_c2_kernel_numbers_do_not_cover_weights(window) -> None:
    dialog = window.open_map_detail("C2", 0)
    grid = dialog.kernels.grid
    assert [b.toPlainText() for b in dialog.badges] == [str(i) for i in range(6)]
    for i, badge in enumerate(dialog.badges):
        top, left = grid.origin(i)
        box = badge.mapRectToItem(dialog.kernels.image, badge.boundingRect())
        assert box.bottom() <= top + 0.01, (i, box, top)  # above its tile, in the gap
