"""Draw follows the active network's design: for every preset of the architecture lab, made
active the way Retrain's "Use" does, a digit drawn with real mouse events shows that design's
maps, kernels and dense layers; switching designs rebuilds the panels, and the shipped LeNet-5
looks as before when it comes back."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent

from app.draw.panels.titles import MAP_SLOTS, slot_layers
from model.analysis.design_layers import design_layers
from model.analysis.receptive_field import unit_field
from model.config import Normalization
from model.files.checkpoint import Checkpoint
from model.network.architecture import PRESETS, preset
from model.network.builder import build
from model.network.inference import Predictor
from tests.gui.mouse import click_in_view, draw_stroke, send_to_view

# an L-shaped drawing 200 px tall on the canvas
DRAWING = [[(100.0, 40.0 + 4 * i) for i in range(51)], [(100.0 + 4 * i, 240.0) for i in range(21)]]


def designed_predictor(name: str, seed: int = 0) -> Predictor:
    """A random-weight network of a preset, as the lab's training would hand it over."""
    torch.manual_seed(seed)
    return Predictor(Checkpoint(build(preset(name)).eval(), Normalization()))


def use(window, predictor: Predictor, label: str = "") -> None:
    """Make `predictor` the active model as Retrain's and the lab's "Use" do."""
    window.context.session.set_predictor(predictor, label=label or "designed", end_preview=True)


def draw(window) -> None:
    for stroke in DRAWING:
        draw_stroke(window.canvas, stroke)


def assert_panels_show(window, predictor: Predictor) -> None:
    """Every Draw panel shows the design's shapes and the network's current reading."""
    layers = design_layers(predictor.architecture)
    result = window.current_result
    assert set(result.activations) == set(layers.names)
    for slot in MAP_SLOTS:
        panel = window.panels[slot]
        shown = slot_layers(layers, slot)
        assert panel.layers == tuple(m.name for m in shown), slot
        assert panel.note.isVisibleTo(window) == (not shown), slot
        assert window.docks[slot].toggleViewAction().text() == panel.title
        for m in shown:
            section = panel.section(m.name)
            assert section.mosaic.grid.count == m.maps
            assert (section.mosaic.grid.tile_h, section.mosaic.grid.tile_w) == m.shape[1:]
            np.testing.assert_array_equal(section.mosaic.data, result.activations[m.name])
    kernels = window.panels["kernels"]
    assert [r.layer for r in kernels.rows] == [c.name for c in layers.conv]
    for row, conv in zip(kernels.rows, layers.conv):
        assert row.mosaic.grid.count == conv.maps * conv.in_channels
        assert row.mosaic.grid.tile_h == conv.window
        assert (
            kernels.kernels[conv.name].shape == (conv.maps, conv.in_channels) + (conv.window,) * 2
        )
    assert kernels.note.isVisibleTo(window) == (not layers.conv)
    dense = window.panels["dense"]
    assert list(dense.strips) == [d.name for d in layers.dense]
    for d in layers.dense:
        np.testing.assert_array_equal(dense.strips[d.name].values, result.activations[d.name])
    probabilities = result.probabilities
    assert probabilities.shape == (10,) and probabilities.sum() == pytest.approx(1, abs=1e-5)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_drives_every_draw_panel(window, name: str) -> None:
    predictor = designed_predictor(name)
    use(window, predictor, name)
    draw(window)
    assert not window.current_result.is_blank
    assert_panels_show(window, predictor)
    np.testing.assert_array_equal(
        window.panels["input"].image.image, window.current_result.network_input
    )


def test_switching_designs_rebuilds_the_views_and_lenet5_comes_back_as_before(window) -> None:
    shipped = window.predictor
    before = {slot: window.docks[slot].toggleViewAction().text() for slot in MAP_SLOTS}
    before_kernels = window.panels["kernels"].c2.grid
    draw(window)
    for name in ("no_pooling_stride2", "kernels3_same", "flattened"):
        predictor = designed_predictor(name)
        use(window, predictor, name)
        assert_panels_show(window, predictor)
    use(window, shipped)
    assert_panels_show(window, shipped)
    after = {slot: window.docks[slot].toggleViewAction().text() for slot in MAP_SLOTS}
    assert after == before
    assert after["C1"] == "C1 · convolution 5x5 · 6@28x28"
    assert window.panels["kernels"].c2.grid == before_kernels
    assert list(window.panels["dense"].strips) == ["F5", "F6"]


def test_flattened_design_says_it_has_no_maps(window) -> None:
    use(window, designed_predictor("flattened"))
    draw(window)
    panel = window.panels["C1"]
    assert panel.layers == () and "no convolution" in panel.note.text()
    assert "no convolution" in window.panels["kernels"].note.text()
    assert "no pooling" in window.panels["S1"].note.text().lower() or panel.note.text()


def test_no_pooling_design_says_where_pooling_would_be(window) -> None:
    use(window, designed_predictor("no_pooling_stride2"))
    draw(window)
    note = window.panels["S1"].note.text()
    assert "No pooling after C1" in note
    assert window.panels["C2"].layers == ("C2",)


def test_hover_on_a_designed_network_outlines_its_own_receptive_field(window) -> None:
    predictor = designed_predictor("no_pooling_stride2")
    use(window, predictor)
    draw(window)
    panel = window.panels["C2"]
    result = window.current_result
    row, col = 1, 2
    pos = panel.mosaic.scene_pos_of(3, row, col)
    send_to_view(panel.graphics, QEvent.Type.MouseMove, pos)
    value = result.activations["C2"][3, row, col]
    assert f"C2 map 3, unit row {row}, column {col}: {value:.3f}" in panel.readout.text()
    field = window.panels["input"].field
    expected = unit_field("C2", row, col, predictor.architecture)
    assert (field.top(), field.left(), field.width()) == (4, 8, 13)  # stride 2: jump 4
    assert (field.top(), field.left(), field.width()) == (
        expected.top,
        expected.left,
        expected.width,
    )
    assert window.canvas.highlight is not None
    panel.graphics.left.emit()
    assert window.panels["input"].field is None


def test_clicking_a_map_of_a_designed_network_opens_it_with_its_own_kernels(window, qtbot) -> None:
    predictor = designed_predictor("kernels3_same")
    use(window, predictor)
    draw(window)
    result = window.current_result
    panel = window.panels["C2"]
    pos = panel.mosaic.scene_pos_of(5, 4, 4)
    click_in_view(panel.graphics, pos)
    qtbot.waitUntil(lambda: len(window.details) == 1)
    dialog = window.details[0]
    assert dialog.kernels.data.shape == (6, 3, 3)
    np.testing.assert_array_equal(dialog.kernels.data, predictor.kernels()["C2"][5])
    np.testing.assert_array_equal(dialog.map_image.image, result.activations["C2"][5])
    # the reading network changes to a design without this map: the dialog closes
    use(window, designed_predictor("flattened"))
    qtbot.waitUntil(lambda: not window.details)


def test_a_kernel_of_a_designed_network_reports_its_weight(window, qtbot) -> None:
    predictor = designed_predictor("wide_c1")
    use(window, predictor)
    kernels = window.panels["kernels"]
    draw(window)  # the rebuilt panel is laid out by the time a user points at it
    qtbot.waitUntil(lambda: kernels.c2.view.width() > 0)
    pos = kernels.c2.scene_pos_of(16 * 9 + 3, 1, 4)  # C2 filter 3 reading S1 map 9
    height = kernels.graphics.height()
    send_to_view(kernels.graphics, QEvent.Type.MouseMove, pos)
    weight = predictor.kernels()["C2"][3, 9, 1, 4]
    assert kernels.readout.texts[0] == (  # shown whole where it fits, else shortened
        f"C2 filter 3 (grid column) ← S1 map 9 (grid row), weight row 1, column 4: {weight:+.3f}"
    )
    assert kernels.readout.text().startswith(("C2 filter 3", f"{weight:+.3f}"))  # whole or short
    assert kernels.graphics.height() == height  # the kernels do not move under the pointer
    # on to C1's row: the readout follows (C2's row leaving does not clear it); pyqtgraph
    # drops moves that follow each other too closely, so the move is sent until it arrives
    c1 = kernels.c1.scene_pos_of(2, 0, 0)

    def moved_to_c1() -> bool:
        send_to_view(kernels.graphics, QEvent.Type.MouseMove, c1)
        return kernels.readout.texts[0].startswith("C1 filter 2, weight row 0, column 0")

    qtbot.waitUntil(moved_to_c1)
    kernels.graphics.left.emit()
    assert kernels.readout.text() == "Hover a weight for its value"


def test_a_three_stage_design_shows_its_later_stages_one_above_the_other(window) -> None:
    from model.network.architecture import Architecture, ConvStage, Dense, Pooling

    pool = Pooling("avg", 2, 2)
    design = Architecture(
        stages=(
            ConvStage(4, 3, "same", 1, "tanh", pool),
            ConvStage(8, 3, "same", 1, "relu", pool),
            ConvStage(12, 3, "valid", 1, "sigmoid", None),
        ),
        dense=(Dense(32),),
    )
    torch.manual_seed(0)
    predictor = Predictor(Checkpoint(build(design).eval(), Normalization()))
    use(window, predictor)
    draw(window)
    assert_panels_show(window, predictor)
    assert window.panels["C2"].layers == ("C2", "C3")
    assert window.panels["S2"].layers == ("S2",)
    title = window.docks["C2"].toggleViewAction().text()
    assert title.startswith("C2, C3 · ") and "8@16x16, 12@6x6" in title
    assert [r.layer for r in window.panels["kernels"].rows] == ["C1", "C2", "C3"]
    assert list(window.panels["dense"].strips) == ["F7"]


def test_a_preview_of_another_design_lays_the_panels_out_for_it_until_it_ends(window) -> None:
    """A run's preview (Retrain, the lab) may read the drawing with another design: the panels
    follow the reading network, and the active one's layout comes back when the preview ends."""
    shipped = window.predictor
    draw(window)
    preview = designed_predictor("no_pooling_stride2")
    window.session.preview(preview, "a design in training")
    assert window.predictor is shipped  # the active model is untouched
    assert_panels_show(window, preview)
    window.session.end_preview()
    assert_panels_show(window, shipped)


def test_a_convolution_reading_many_maps_lays_its_kernels_out_a_row_per_filter(
    window, qtbot
) -> None:
    """8 filters reading 64 maps: 8 rows of 64 kernels (64 rows of 8 would be a thin strip);
    the readout says which is which."""
    from model.network.architecture import Architecture, ConvStage, Dense, Pooling

    pool = Pooling("max", 2, 2)
    design = Architecture(
        stages=(
            ConvStage(64, 5, "valid", 1, "relu", pool),
            ConvStage(8, 3, "valid", 1, "relu", pool),
        ),
        dense=(Dense(120), Dense(84)),
    )
    torch.manual_seed(0)
    predictor = Predictor(Checkpoint(build(design).eval(), Normalization()))
    use(window, predictor)
    draw(window)
    assert_panels_show(window, predictor)
    kernels = window.panels["kernels"]
    c2 = kernels.row("C2")
    assert (c2.mosaic.grid.rows, c2.mosaic.grid.cols) == (8, 64)
    qtbot.waitUntil(lambda: c2.mosaic.view.width() > 0)
    pos = c2.mosaic.scene_pos_of(3 * 64 + 40, 2, 1)  # filter 3 reading S1 map 40

    def hovered() -> bool:
        send_to_view(kernels.graphics, QEvent.Type.MouseMove, pos)
        return kernels.readout.texts[0].startswith("C2 filter 3 (grid row)")

    qtbot.waitUntil(hovered)
    weight = predictor.kernels()["C2"][3, 40, 2, 1]
    assert kernels.readout.texts[0] == (
        f"C2 filter 3 (grid row) ← S1 map 40 (grid column), weight row 2, column 1: {weight:+.3f}"
    )
