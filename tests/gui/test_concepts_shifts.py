"""Concepts ▸ Pooling and shifts: the curves are model.analysis.shift's, the slider moves the
cursor."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.concepts import networks
from model.analysis.shift import LAYERS, shift_input, shift_sweep
from tests.gui.mouse import draw_stroke

TWO = (
    [(70.0 + 3 * i, 70.0 - 8 * np.sin(i / 6)) for i in range(40)]
    + [(190.0 - 3 * i, 70.0 + 4 * i) for i in range(30)]
    + [(100.0 + 4 * i, 190.0) for i in range(30)]
)

#: a looping "2"-ish stroke (tools/bench.py's path)
LOOP = [
    (140 + 70 * np.cos(t) * (1 - t / 20), 140 + 90 * np.sin(t * 0.7) * (1 - t / 25))
    for t in (i * 0.06 for i in range(200))
]


@pytest.fixture
def shifts(window, qtbot):
    draw_stroke(window.canvas, TWO)
    window.switch_workspace("concepts")
    panel = window.panels["shifts"]
    qtbot.waitUntil(lambda: set(panel.sweeps) == {"max", "avg"}, timeout=30_000)
    return panel


def _curve(panel, key: str, layer: str) -> tuple[np.ndarray, np.ndarray]:
    return panel.plots[key].curves[layer].getData()


def test_curves_equal_the_direct_computation_for_both_poolings(shifts, window) -> None:
    x = window.current_result.network_input
    direct = {
        "max": shift_sweep(window.predictor, x, "x"),
        "avg": shift_sweep(networks.average_pooling(), x, "x"),
    }
    for key, sweep in direct.items():
        for j, layer in enumerate(LAYERS):
            xs, ys = _curve(shifts, key, layer)
            np.testing.assert_array_equal(xs, np.arange(-4, 5))
            np.testing.assert_allclose(ys, 100 * sweep.distances[:, j], atol=1e-4)  # in %
    assert networks.average_pooling().model.config.pooling == "avg"


def test_the_slider_moves_the_cursor_and_the_shifted_drawing(shifts, window, qtbot) -> None:
    panel = shifts
    assert panel.slider.value() == 2  # starts one pooling window away, the layers apart
    panel.slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(panel.slider, Qt.Key.Key_Left)
    assert panel.slider.value() == -3
    assert all(plot.cursor_value == -3 for plot in panel.plots.values())
    norm = window.predictor.normalization
    expected = shift_input(window.current_result.network_input, -3, 0, norm)
    np.testing.assert_array_equal(panel.shifted_view.image.image, expected)
    sweep = shift_sweep(window.predictor, window.current_result.network_input, "x")
    verdict = panel.verdict.text()
    assert f"reads {int(sweep.predictions[1])}" in verdict
    assert ("holds" if sweep.holds[1] else "changes") in verdict


def test_the_vertical_axis_and_the_animation(shifts, window, qtbot) -> None:
    panel = shifts
    before = panel.sweeps["max"]
    panel.axis_box.setCurrentIndex(panel.axis_box.findData("y"))
    qtbot.waitUntil(
        lambda: panel.sweeps.get("max") is not before and "avg" in panel.sweeps, timeout=30_000
    )
    sweep = shift_sweep(window.predictor, window.current_result.network_input, "y")
    np.testing.assert_allclose(
        _curve(panel, "max", "S2")[1], 100 * sweep.distances[:, 3], atol=1e-4
    )
    start = panel.slider.value()
    panel.animate_button.click()
    qtbot.waitUntil(lambda: panel.slider.value() != start, timeout=30_000)
    panel.animate_button.click()
    assert not panel.timer.isActive()


def test_the_verdict_says_the_change_in_percent(shifts) -> None:
    """The number has a unit and the axis says so."""
    assert "%" in shifts.plots["max"].getAxis("left").labelText
    assert "change C1 " in shifts.verdict.text() and "%" in shifts.verdict.text()


def test_moving_the_slider_never_relays_out_the_panel(window, qtbot) -> None:
    """Every shift's verdict fits the verdict's one height, so no step resizes it and lays the
    panel out again (this loop's verdict at 0 px wrapped to one line fewer, and each such step
    redrew the whole panel: ~100 ms instead of ~5)."""
    window.resize(1600, 1000)
    draw_stroke(window.canvas, LOOP)
    window.switch_workspace("concepts")
    panel = window.panels["shifts"]
    qtbot.waitUntil(lambda: set(panel.sweeps) == {"max", "avg"}, timeout=30_000)
    heights = set()
    for s in [*range(-4, 5), *range(4, -5, -1)]:
        panel.slider.setValue(s)
        QApplication.processEvents()
        heights.add(panel.verdict.height())
        need = panel.verdict.heightForWidth(panel.verdict.width())
        assert need <= panel.verdict.height(), f"the verdict at {s:+d} px is cut"
    assert len(heights) == 1, heights
