"""Inspecting layers: hover shows a unit's value and receptive field; click enlarges a map."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF

from tests.gui.mouse import click_in_view, draw_stroke, send_to_view

pytestmark = pytest.mark.shared_window  # draw-and-read tests: one window, reset before each

# an L-shaped digit-ish drawing 200 px tall: one input pixel = 200/20 = 10 canvas px
DRAWING = [[(100.0, 40.0 + 4 * i) for i in range(51)], [(100.0 + 4 * i, 240.0) for i in range(21)]]
FIELD = {"C1": 5, "S1": 6, "C2": 14, "S2": 16}


def hover(panel, index: int, row: int, col: int) -> None:
    send_to_view(panel.graphics, QEvent.Type.MouseMove, panel.mosaic.scene_pos_of(index, row, col))


@pytest.mark.parametrize("layer", ["C1", "S1", "C2", "S2"])
def test_hover_shows_value_and_receptive_field(window, layer: str) -> None:
    for stroke in DRAWING:
        draw_stroke(window.canvas, stroke)
    result = window.current_result
    panel = window.panels[layer]
    count, rows, cols = result.activations[layer].shape
    index, row, col = count - 1, rows // 2, cols // 3
    hover(panel, index, row, col)

    value = result.activations[layer][index, row, col]
    assert f"{layer} map {index}, unit row {row}, column {col}: {value:.3f}" in panel.readout.text()
    field = window.panels["input"].field
    assert field is not None
    assert (field.width(), field.height()) == (FIELD[layer], FIELD[layer])
    # on the canvas the same field, scaled by the preprocessing (raster px per input px)
    top, left, bottom, right = result.preprocessed.bbox
    box_h = result.preprocessed.placement[2]
    canvas_field = window.canvas.highlight
    assert canvas_field.height() == pytest.approx(FIELD[layer] * (bottom - top) / box_h)

    send_to_view(panel.graphics, QEvent.Type.MouseMove, QPointF(-1000, -1000))
    panel.graphics.left.emit()
    assert window.panels["input"].field is None
    assert window.canvas.highlight is None


def test_hover_on_blank_canvas_still_shows_field_on_the_input(window) -> None:
    hover(window.panels["C2"], 0, 0, 0)
    assert window.panels["input"].field.width() == 14
    assert window.canvas.highlight is None  # nothing drawn: no mapping onto the canvas


def test_clicking_a_map_opens_it_large_beside_its_kernels(window, qtbot) -> None:
    draw_stroke(window.canvas, DRAWING[0])
    panel = window.panels["C2"]
    pos = panel.mosaic.scene_pos_of(5, 4, 4)
    click_in_view(panel.graphics, pos)
    qtbot.waitUntil(lambda: len(window.details) == 1)
    dialog = window.details[0]
    assert (dialog.layer, dialog.index) == ("C2", 5)
    assert dialog.isVisible()
    kernels = window.predictor.kernels()["C2"][5]
    assert dialog.kernels.data.shape == (6, 5, 5)
    assert (dialog.kernels.data == kernels).all()
    assert (dialog.map_image.image == window.current_result.activations["C2"][5]).all()
    draw_stroke(window.canvas, DRAWING[1])  # the enlarged map follows the drawing
    assert (dialog.map_image.image == window.current_result.activations["C2"][5]).all()


def test_dense_units_report_values(window) -> None:
    draw_stroke(window.canvas, DRAWING[0])
    strip = window.panels["dense"].strips["F6"]
    pos = strip.image.mapToScene(QPointF(10.5, 0.5))
    send_to_view(window.panels["dense"].graphics, QEvent.Type.MouseMove, pos)
    value = window.current_result.activations["F6"][10]
    assert window.panels["dense"].readout.text() == f"F6 unit 10: {value:.3f}"
    assert window.panels["input"].field.width() == 32
