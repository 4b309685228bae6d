"""The Concepts workspace: views follow the drawing, and a hidden view costs nothing."""

from __future__ import annotations

from model.analysis.shift import shift_sweep
from tests.gui.mouse import draw_stroke

ONE = [(140.0, 50.0 + 4 * i) for i in range(46)]
BAR = [(60.0 + 4 * i, 140.0) for i in range(40)]


def test_a_hidden_view_waits_and_catches_up_when_shown(window, qtbot) -> None:
    draw_stroke(window.canvas, ONE)
    window.switch_workspace("concepts")
    panel = window.panels["shifts"]
    qtbot.waitUntil(lambda: "avg" in panel.sweeps, timeout=30_000)
    before = panel.sweeps["max"]
    window.docks["shifts"].hide()
    window.switch_workspace("draw")
    draw_stroke(window.canvas, BAR)
    window.switch_workspace("concepts")
    assert panel.sweeps["max"] is before  # hidden: the new drawing was not swept
    window.docks["shifts"].show()
    qtbot.waitUntil(lambda: panel.sweeps.get("max") is not before, timeout=30_000)
    x = window.current_result.network_input
    assert (panel.sweeps["max"].distances == shift_sweep(window.predictor, x).distances).all()


def test_clear_from_the_concepts_centre_blanks_every_view(window) -> None:
    draw_stroke(window.canvas, ONE)
    central = window.switch_workspace("concepts")
    central.clear_button.click()
    assert window.current_result.is_blank
    assert central.answer.text() == "Nothing drawn yet"
    assert window.panels["arithmetic"].arithmetic is None
    assert window.panels["flatten"].answers == {"LeNet-5": None, "fully connected": None}
