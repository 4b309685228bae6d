"""Concepts ▸ How one unit got its value: the numbers shown are the network's own."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.mouse import draw_stroke

SEVEN = [(60.0 + 4 * i, 60.0) for i in range(40)] + [
    (220.0 - 3 * i, 60.0 + 5 * i) for i in range(36)
]


def _shown_value(panel) -> float:
    return float(re.search(r"<b>(-?[0-9.]+)</b>", panel.value_label.text()).group(1))


@pytest.fixture
def concepts(window):
    draw_stroke(window.canvas, SEVEN)
    window.workspace_actions["concepts"].trigger()
    return window


def test_the_concepts_workspace_is_one_switch_away(concepts) -> None:
    action = concepts.findChild(type(concepts.actions.undo), "actionConcepts")
    assert action.isChecked() and action.shortcut().toString() == "F4"
    central = concepts.central_stack.currentWidget()
    assert central.objectName() == "conceptsCentral"
    assert str(concepts.current_result.digit) in central.answer.text()
    central.draw_button.click()
    assert concepts.workspace_key == "draw"


@pytest.mark.parametrize(
    ("layer", "unit"),
    [("C1", (2, 9, 11)), ("S1", (4, 6, 7)), ("C2", (5, 3, 4)), ("S2", (7, 2, 1)), ("F5", 17)],
)
def test_the_value_shown_is_the_units_activation(concepts, layer, unit) -> None:
    panel = concepts.panels["arithmetic"]
    panel.layer_box.setCurrentText(layer)
    if isinstance(unit, int):
        panel.map_spin.setValue(unit)
    else:
        for spin, value in zip((panel.map_spin, panel.row_spin, panel.col_spin), unit):
            spin.setValue(value)
    expected = float(concepts.current_result.activations[layer][unit])
    assert _shown_value(panel) == pytest.approx(expected, abs=1e-5)
    assert panel.arithmetic.value == pytest.approx(expected, abs=1e-5)


def test_clicking_a_unit_on_the_map_selects_it_and_step_slides_the_window(concepts, qtbot) -> None:
    panel = concepts.panels["arithmetic"]
    panel.layer_box.setCurrentText("C1")
    view = panel.map_view
    scene_point = view.image.mapToScene(QPointF(12.5, 8.5))
    target = view.mapFromScene(scene_point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(target.x(), target.y()))
    assert panel.unit == (0, 8, 12)
    assert panel.arithmetic.origin == (8, 12)
    panel.step_button.click()
    assert panel.unit == (0, 8, 13)
    expected = float(concepts.current_result.activations["C1"][0, 8, 13])
    assert _shown_value(panel) == pytest.approx(expected, abs=1e-5)
    panel.play_button.click()
    with qtbot.waitSignal(panel.timer.timeout, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: panel.unit[2] > 13, timeout=30_000)
    panel.play_button.click()
    assert not panel.timer.isActive()


def test_c2_shows_every_input_channel_and_their_sum(concepts) -> None:
    panel = concepts.panels["arithmetic"]
    panel.layer_box.setCurrentText("C2")
    assert panel.channel_spin.isVisible()
    panel.channel_spin.setValue(4)
    text = panel.details.text()
    assert "Input channel 4" in text and "6 input channels" in text
    assert np.allclose(
        panel.arithmetic.channel_sums.sum() + panel.arithmetic.bias, panel.arithmetic.pre_activation
    )


def test_a_previewed_network_is_the_one_explained(concepts) -> None:
    """While a retrain or fine-tune preview runs, the views explain the previewed network."""
    import torch

    from model.config import Normalization
    from model.files.checkpoint import Checkpoint
    from model.network.inference import Predictor
    from model.network.lenet import LeNet5

    panel = concepts.panels["arithmetic"]
    panel.layer_box.setCurrentText("F5")
    active = concepts.current_result.activations["F5"].copy()
    torch.manual_seed(3)
    preview = Predictor(Checkpoint(LeNet5().eval(), Normalization(), {}))
    concepts.session.preview(preview, "preview")
    previewed = concepts.current_result.activations["F5"]
    unit = int(np.abs(previewed - active).argmax())  # where the two networks differ most
    panel.map_spin.setValue(unit)
    assert _shown_value(panel) == pytest.approx(float(previewed[unit]), abs=1e-5)
    assert float(previewed[unit]) != pytest.approx(float(active[unit]), abs=1e-3)
    concepts.session.end_preview()
    assert _shown_value(panel) == pytest.approx(float(active[unit]), abs=1e-5)


def test_while_drawing_the_computation_follows_a_few_times_a_second(window, qtbot) -> None:
    """A stroke drawn with the panel shown: every event reaches the session, but the
    computation's text is rewritten only for the first drawing and then at most every
    FOLLOW_MS; the last drawing is shown once the pen stops."""
    from app.concepts.arithmetic import FOLLOW_MS
    from tests.gui.mouse import mouse, to_widget

    window.switch_workspace("concepts")
    panel = window.panels["arithmetic"]
    written = []
    panel.recompute = lambda original=panel.recompute: (written.append(1), original())[1]
    points = [to_widget(window.canvas, p) for p in SEVEN]
    start = time.perf_counter()
    mouse(window.canvas, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:]:
        mouse(window.canvas, QEvent.Type.MouseMove, *p)
        window.session.throttle.flush()  # every event read, as the benchmark forces it
        QApplication.processEvents()  # the event loop turns between mouse moves
    mouse(window.canvas, QEvent.Type.MouseButtonRelease, *points[-1])
    window.session.throttle.flush()
    elapsed_ms = (time.perf_counter() - start) * 1000
    # one rewrite per FOLLOW_MS at most, plus the first and the last (however slow the machine)
    allowed = elapsed_ms / FOLLOW_MS + 2
    assert 1 <= len(written) <= allowed, f"{len(written)} rewrites in {elapsed_ms:.0f} ms"
    assert len(written) < len(points)  # not one per event
    unit = panel.unit
    final = float(window.current_result.activations[panel.layer][unit])
    qtbot.waitUntil(
        lambda: _shown_value(panel) == pytest.approx(final, abs=1e-5), timeout=10 * FOLLOW_MS
    )
