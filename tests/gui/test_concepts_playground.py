"""Concepts ▸ Convolution playground: the output is conv2d's; impossible settings are explained."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from torch.nn import functional as F

from tests.gui.mouse import draw_stroke

FOUR = [(80.0, 40.0 + 4 * i) for i in range(30)] + [(80.0 + 4 * i, 160.0) for i in range(30)]


@pytest.fixture
def playground(window):
    draw_stroke(window.canvas, FOUR)
    window.switch_workspace("concepts")
    return window.panels["playground"]


def _conv2d(image: np.ndarray, kernel: np.ndarray, padding: int, stride: int) -> np.ndarray:
    x = torch.from_numpy(np.ascontiguousarray(image, dtype=np.float32))[None, None]
    w = torch.from_numpy(np.ascontiguousarray(kernel, dtype=np.float32))[None, None]
    return F.conv2d(x, w, padding=padding, stride=stride)[0, 0].numpy()


def test_output_equals_conv2d_for_settings_changed_through_the_widgets(
    playground,
    window,
) -> None:
    p = playground
    p.input_box.setCurrentIndex(p.input_box.findText("S1 map 2 (14x14)"))
    p.kernel_box.setCurrentIndex(p.kernel_box.findText("Learned C1 kernel 3 (5x5)"))
    p.padding_box.setCurrentIndex(p.padding_box.findData("number"))
    p.padding_spin.setValue(3)
    p.stride_spin.setValue(2)
    image = window.current_result.activations["S1"][2]
    kernel = window.predictor.model.c1.weight[3, 0].detach().numpy()
    expected = _conv2d(image, kernel, 3, 2)
    assert p.output.shape == expected.shape == (8, 8)
    np.testing.assert_allclose(p.output, expected, atol=1e-5)
    assert "floor((14 + 2×3 − 5) / 2) + 1 = 8" in p.formula_label.text()
    assert not p.error_label.isVisible()


def test_a_typed_kernel_value_is_used(playground, window, qtbot) -> None:
    p = playground
    p.kernel_box.setCurrentIndex(p.kernel_box.findText("Preset: blur"))
    p.padding_box.setCurrentIndex(p.padding_box.findData("same"))
    table = p.table
    assert table.isVisible()
    cell = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "2.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    kernel = np.full((3, 3), 1 / 9, dtype=np.float32)
    kernel[0, 0] = 2.5
    # the delegate commits the typed value on its next event-loop turn
    qtbot.waitUntil(lambda: p.kernel_box.currentData() == "custom", timeout=30_000)
    expected = _conv2d(window.current_result.network_input, kernel, 1, 1)
    assert p.output.shape == (32, 32)
    np.testing.assert_allclose(p.output, expected, atol=1e-5)


def test_impossible_settings_are_explained_not_accepted(playground) -> None:
    p = playground
    p.kernel_box.setCurrentIndex(p.kernel_box.findData("custom"))
    p.size_spin.setValue(4)
    p.padding_box.setCurrentIndex(p.padding_box.findData("same"))
    assert p.output is None
    assert p.error_label.isVisible()
    assert "SAME padding needs an odd kernel" in p.error_label.text()
    p.padding_box.setCurrentIndex(p.padding_box.findData("number"))
    p.padding_spin.setValue(10)
    assert "padding must be 0 to 8" in p.error_label.text()
    p.padding_spin.setValue(0)
    assert not p.error_label.isVisible() and p.output.shape == (29, 29)
