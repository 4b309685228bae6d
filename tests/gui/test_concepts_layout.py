"""Concepts at 800x600, 1024x768 and 1600x1000 with a digit drawn: the event loop goes idle (the
pooling plots once re-ranged on every paint and froze the app), every plot's range stays
finite, and the views neither overlap the centre nor each other."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from app.concepts.shifts import ShiftPlot
from tests.gui.concepts_layout_helpers import (
    assert_goes_idle,
    assert_no_overlap,
    assert_ranges_finite,
)
from tests.gui.mouse import draw_stroke

TWO = (
    [(70.0 + 3 * i, 70.0 - 8 * (i % 7) / 7) for i in range(40)]
    + [(190.0 - 3 * i, 70.0 + 4 * i) for i in range(30)]
    + [(100.0 + 4 * i, 190.0) for i in range(30)]
)
SIZES = [(800, 600), (1024, 768), (1600, 1000)]
PANELS = ("arithmetic", "playground", "shifts", "flatten")


def test_the_pooling_plots_never_auto_range(qtbot) -> None:
    """The cause of the freeze: `enableAutoRange(False)` had turned x auto-ranging on."""
    plot = ShiftPlot("max", legend=True)
    qtbot.addWidget(plot)
    assert plot.getViewBox().state["autoRange"] == [False, False]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_concepts_settles_with_a_digit_drawn(window, qtbot, size) -> None:
    window.resize(*size)
    QApplication.processEvents()
    draw_stroke(window.canvas, TWO)
    central = window.switch_workspace("concepts")
    shifts = window.panels["shifts"]
    qtbot.waitUntil(lambda: set(shifts.sweeps) == {"max", "avg"}, timeout=10000)
    panels = [window.panels[k] for k in PANELS]
    assert_goes_idle(window, panels)
    assert_ranges_finite(panels)
    for plot in shifts.plots.values():
        (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
        assert x0 < -4 and x1 > 4 and y0 <= 0 < y1, plot.getViewBox().viewRange()
        assert plot.getViewBox().height() > 40  # a plot, not a sliver under its labels
    widgets = {k: window.docks[k] for k in PANELS} | {"centre": central}
    assert_no_overlap(window, widgets)
    for key in PANELS:  # never squeezed below the size its layout needs
        panel = window.panels[key]
        hint = panel.minimumSizeHint()
        assert panel.width() >= hint.width() and panel.height() >= hint.height(), key
        scroll = panel.findChild(QScrollArea, "conceptScroll")  # taller content scrolls down,
        body = scroll.widget()  # but nothing is cut at the right (the playground was)
        assert body.minimumSizeHint().width() <= scroll.viewport().width(), key
    arithmetic = window.panels["arithmetic"]
    arithmetic.layer_box.setCurrentText("C2")
    details = arithmetic.details  # the products column shows without a horizontal scrollbar
    assert "×" in details.text() and details.width() <= arithmetic.width()


def test_the_unit_shown_first_is_the_most_active_of_its_map(window) -> None:
    draw_stroke(window.canvas, TWO)
    window.switch_workspace("concepts")
    panel = window.panels["arithmetic"]
    for layer, index in (("C1", 0), ("C2", 0), ("C2", 3)):
        panel.layer_box.setCurrentText(layer)
        panel.map_spin.setValue(index)
        activations = window.current_result.activations[layer][index]
        assert panel.arithmetic.value == pytest.approx(float(activations.max()), abs=1e-5)
        assert panel.arithmetic.value > 0  # not a ReLU reading 0 on blank paper
    assert "kernel 3," in panel.details.text() and "k,0..5" in panel.details.text()
