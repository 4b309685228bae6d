"""The architecture lab (F5) driven through its real widgets: the live table follows every edit
to what torch builds, an impossible design says why and cannot be trained, every preset can be
chosen, and stages are added and removed within the caps."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from app.lab.table import FORMULA, PARAMS, SHAPE
from model.analysis.shapes import shape_table
from model.network.architecture import MAX_STAGES, PRESETS, preset
from model.network.builder import build

pytestmark = pytest.mark.shared_window


@pytest.fixture
def lab(window, qtbot):
    action = window.workspace_actions["lab"]
    assert action.shortcut().toString() == "F5"
    action.trigger()
    central = window.central("lab")
    assert window.workspace_key == "lab" and central.isVisible()
    central.design_view.editor.set_design(preset("lenet5_shipped"))
    central.tabs.setCurrentIndex(0)
    return central


def shape_cell(lab, layer: str) -> str:
    model = lab.design_view.model
    row = next(i for i in range(model.rowCount() - 1) if model.row(i).name == layer)
    return model.index(row, SHAPE).data()


def test_a_narrow_window_keeps_every_number_in_sight_and_the_formulas_a_hover_away(
    lab, window, qtbot
):
    """At 800x600 the table scrolled sideways; it now drops the size-formula column and the
    parameter sums there (their formulas in the cells' tooltips), and shows them when wide."""
    table, model = lab.design_view.table, lab.design_view.model
    row = next(i for i in range(model.rowCount() - 1) if model.row(i).name == "C1")
    size = window.size()
    try:
        window.resize(800, 600)
        qtbot.waitUntil(lambda: model.compact and table.isColumnHidden(FORMULA))
        # nothing off to the side, once the columns have been sized to their new contents
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
        assert model.index(row, PARAMS).data() == "156"
        assert "150 + 6 = 156" in model.index(row, PARAMS).data(Qt.ItemDataRole.ToolTipRole)
        assert "= 28" in model.index(row, SHAPE).data(Qt.ItemDataRole.ToolTipRole)
        window.resize(1600, 1000)
        qtbot.waitUntil(lambda: not model.compact and not table.isColumnHidden(FORMULA))
        assert model.index(row, PARAMS).data() == "150 + 6 = 156"
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    finally:
        window.resize(size)


def torch_shape(design, layer: str) -> str:
    with torch.no_grad():
        out = build(design).eval()(torch.zeros(1, 1, 32, 32))
    return " × ".join(str(n) for n in out.activations[layer].shape[1:])


def step(qtbot, widget: QSpinBox | QComboBox, key: Qt.Key, times: int = 1) -> None:
    """Keyboard steps on a control, as a user with the focus in it."""
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


def test_the_table_follows_kernel_padding_and_stride_to_what_torch_builds(lab, qtbot):
    stage = lab.design_view.editor.stage_editors[0]
    assert shape_cell(lab, "C1") == "6 × 28 × 28"
    step(qtbot, stage.kernel, Qt.Key.Key_Up, 2)  # 5 -> 7
    design = lab.state.design
    assert design.stages[0].kernel == 7
    assert shape_cell(lab, "C1") == "6 × 26 × 26" == torch_shape(design, "C1")
    step(qtbot, stage.padding, Qt.Key.Key_Down)  # VALID -> SAME
    design = lab.state.design
    assert design.stages[0].padding == "same"
    assert shape_cell(lab, "C1") == "6 × 32 × 32" == torch_shape(design, "C1")
    step(qtbot, stage.stride, Qt.Key.Key_Up)  # stride 2
    design = lab.state.design
    assert shape_cell(lab, "C1") == "6 × 16 × 16" == torch_shape(design, "C1")
    assert shape_cell(lab, "C2") == torch_shape(design, "C2")
    formula = lab.design_view.model.index(1, 2).data()
    assert formula == "⌊(32 + 2×3 − 7) / 2⌋ + 1 = 16"
    totals = shape_table(design)
    assert f"{totals.total_params:,}" in lab.design_view.totals.text()
    assert lab.design_view.train_button.isEnabled()


def test_an_impossible_design_says_why_and_cannot_be_trained(lab, qtbot):
    view = lab.design_view
    stage = view.editor.stage_editors[0]
    step(qtbot, stage.padding, Qt.Key.Key_Down)  # SAME
    step(qtbot, stage.kernel, Qt.Key.Key_Down)  # 5 -> 4: even
    assert view.problem.isVisible()
    assert "odd kernel" in view.problem.text() and "C1" in view.problem.text()
    assert not view.train_button.isEnabled()
    step(qtbot, stage.kernel, Qt.Key.Key_Up)  # back to 5: fine again
    assert not view.problem.isVisible() and view.train_button.isEnabled()
    step(qtbot, stage.padding, Qt.Key.Key_Up)  # VALID
    step(qtbot, stage.stride, Qt.Key.Key_Up, 3)  # stride 4: 32 -> 7 -> pooled 3 -> C2 k5 < 1
    assert view.problem.isVisible() and "C2" in view.problem.text()
    assert "shrink" in view.problem.text()
    assert shape_cell(lab, "C2") == "—"
    assert not view.train_button.isEnabled()


def test_every_preset_can_be_chosen_and_its_table_is_the_models(lab, qtbot):
    box = lab.design_view.editor.presets
    box.setFocus()
    for index, key in enumerate(PRESETS):
        box.setCurrentIndex(index)
        box.activated.emit(index)  # what a click on the item sends
        assert lab.state.design == PRESETS[key]
        table = shape_table(PRESETS[key])
        model = lab.design_view.model
        assert model.rowCount() == len(table.rows) + 1
        assert lab.design_view.train_button.isEnabled()
    # no convolution: the table goes straight from the input to the dense layers
    assert [model.row(i).kind for i in range(model.rowCount() - 1)][:2] == ["input", "flatten"]


def test_stages_and_dense_layers_are_added_and_removed_within_the_caps(lab, qtbot):
    editor = lab.design_view.editor
    while editor.add_stage.isEnabled():
        qtbot.mouseClick(editor.add_stage, Qt.MouseButton.LeftButton)
    assert len(lab.state.design.stages) == MAX_STAGES
    assert editor.presets.currentData() == "custom"
    qtbot.mouseClick(editor.stage_editors[-1].remove, Qt.MouseButton.LeftButton)
    assert len(lab.state.design.stages) == MAX_STAGES - 1 and editor.add_stage.isEnabled()
    qtbot.mouseClick(editor.add_dense, Qt.MouseButton.LeftButton)
    assert len(lab.state.design.dense) == 3 and not editor.add_dense.isEnabled()
    assert shape_table(lab.state.design).rows[-1].name == "output"


def test_every_reason_a_design_is_refused_has_words_in_the_app():
    from app.lab.lab_text import REASONS, reason_text
    from model.network.architecture import _ENGLISH, Architecture, ConvStage, Dense

    assert set(_ENGLISH) <= set(REASONS)
    too_big = Architecture(stages=(ConvStage(64, 5, "same"),), dense=(Dense(10),))
    (reason,) = too_big.problems()
    assert reason.id == "too_many_macs"
    text = reason_text(reason)
    assert f"{reason.args['macs']:,}" in text and "2,000,000" in text


def test_measuring_runs_in_the_background_and_can_be_cancelled(lab, qtbot):
    compare = lab.compare_view
    lab.tabs.setCurrentWidget(compare)
    compare.limit = compare.pen_limit = None  # the whole test set: long enough to cancel
    qtbot.mouseClick(compare.measure_button, Qt.MouseButton.LeftButton)
    assert compare.jobs.running and not compare.measure_button.isEnabled()
    assert compare.cancel_button.isEnabled()
    qtbot.mouseClick(compare.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(compare.measure_button.isEnabled, timeout=60_000)
    assert not compare.jobs.running and compare.figures == {}
    assert compare.status.text() == "Cancelled."
