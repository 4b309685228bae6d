"""The Draw workspace stays readable from the minimum size up to 4K, on resize and after
View ▸ Restore default layout: every panel at least its readable minimum and inside the window,
"100%" whole on the probability axis, and the canvas no longer taking all new space."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from app.draw.layout import MINIMUM_SIZES

pytestmark = pytest.mark.shared_window  # one window, reset before each (tests/gui/conftest.py)

SIZES = [(800, 600), (1366, 740), (1920, 1080), (3840, 2160)]


def settle(window, width: int, height: int) -> None:
    window.resize(width, height)
    for _ in range(4):
        QApplication.processEvents()
    assert window.width() == width and window.height() == height


def assert_readable(window) -> None:
    inside = QRect(0, 0, window.width(), window.height())
    for key, (min_w, min_h) in MINIMUM_SIZES.items():
        dock = window.docks[key]
        panel = dock.widget()
        assert dock.isVisible(), key
        assert panel.width() >= min_w and panel.height() >= min_h, (key, panel.size())
        assert inside.contains(dock.geometry()), (key, dock.geometry(), inside)
    axis = window.panels["probabilities"].getPlotItem().getAxis("left")
    assert axis.width() >= QFontMetrics(window.panels["probabilities"].font()).horizontalAdvance(
        "100%"
    )
    dense = window.panels["dense"]
    for strip in dense.strips.values():  # F5 and F6 both shown, neither squashed
        assert strip.view.sceneBoundingRect().height() >= 40, strip.name
    kernels = window.panels["kernels"]
    shown = kernels.c2.image.sceneBoundingRect()  # 16x6 kernels of 5x5: at least 1 px a weight
    assert shown.width() >= 16 * 6 and shown.height() >= 6 * 6, shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_panels_stay_readable_when_resized(window, size) -> None:
    settle(window, 800, 600)
    settle(window, *size)  # grown from the smallest size, as the user did
    assert_readable(window)
    width = window.width()
    if width >= 1366:  # new space is shared: the canvas area stays a bounded part of it
        assert window.canvas_area.width() <= 0.45 * width
        assert window.canvas.width() >= 300
    window.actions.restore_layout.trigger()
    for _ in range(4):
        QApplication.processEvents()
    assert_readable(window)


def test_the_window_cannot_shrink_below_a_readable_size(window) -> None:
    window.resize(300, 200)
    QApplication.processEvents()
    assert window.width() >= 800 and window.height() >= 560


@pytest.mark.parametrize("height", [90, 120, 200])
def test_the_top_bar_label_fits_above_a_full_bar_in_a_short_panel(qtbot, height) -> None:
    import numpy as np

    from app.draw.panels.probabilities import ProbabilitiesPanel

    panel = ProbabilitiesPanel()
    qtbot.addWidget(panel)
    panel.resize(300, height)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)  # the view box reports its new size
    panel.set_probabilities(np.eye(10)[3], 3)
    qtbot.wait(20)
    label = panel.top_label.sceneBoundingRect()
    assert panel.mapFromScene(label.topLeft()).y() >= 0  # "100.0%" is not cut off at the top
