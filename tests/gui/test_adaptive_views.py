"""Insight and Concepts accept a network of another design as the active model: Grad-CAM looks
at its last convolution (and says it is not available for a flattened design), the canvas
overlay follows, Compare sets it against the shipped weights, unit arithmetic offers its own
layers and the shift view draws its own layers' curves."""

from __future__ import annotations

import numpy as np
import pytest

from model.analysis.shift import shift_sweep
from model.analysis.unit_arithmetic import unit_arithmetic
from tests.gui.insight_helpers import TIMEOUT, compare_with, evaluate, open_insight, subset_source
from tests.gui.mouse import draw_stroke
from tests.gui.test_adaptive_draw import DRAWING, designed_predictor, draw, use

SEVEN = [(80.0 + i * 6, 60.0) for i in range(21)] + [
    (200.0 - i * 3, 60.0 + i * 9) for i in range(21)
]


def show_attribution(window, monkeypatch, method: str):
    open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    window.docks["insightAttribution"].show()
    panel.method.setCurrentIndex(panel.method.findData(method))
    return panel


def test_grad_cam_looks_at_the_last_convolution_of_a_designed_network(
    qtbot, window, monkeypatch
) -> None:
    predictor = designed_predictor("no_pooling_stride2")
    use(window, predictor)
    draw_stroke(window.canvas, SEVEN)
    panel = show_attribution(window, monkeypatch, "grad_cam")
    assert panel.method.currentText() == "Grad-CAM on C2"
    window.session.refresh_now()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=TIMEOUT)
    assert panel.result.method == "grad_cam" and panel.result.values.shape == (32, 32)
    assert "C2 units" in panel.caption.text() or "Nothing stands out" in panel.caption.text()


def test_grad_cam_is_not_available_for_a_flattened_design_and_other_maps_still_are(
    qtbot, window, monkeypatch
) -> None:
    use(window, designed_predictor("flattened"))
    draw_stroke(window.canvas, SEVEN)
    panel = show_attribution(window, monkeypatch, "grad_cam")
    assert panel.method.currentText() == "Grad-CAM (not available)"
    window.session.refresh_now()
    qtbot.waitUntil(lambda: "not available" in panel.caption.text(), timeout=TIMEOUT)
    assert panel.result is None and "no convolution" in panel.caption.text()
    panel.method.setCurrentIndex(panel.method.findData("saliency"))
    qtbot.waitUntil(lambda: panel.result is not None, timeout=TIMEOUT)
    assert panel.result.method == "saliency"


def test_the_canvas_overlay_follows_a_designed_network(qtbot, window, monkeypatch) -> None:
    use(window, designed_predictor("kernels3_same"))
    workspace = open_insight(window, monkeypatch)
    panel = window.panels["insightAttribution"]
    panel.method.setCurrentIndex(panel.method.findData("grad_cam"))
    panel.overlay_check.click()
    overlay = workspace.overlay
    window.switch_workspace("draw")
    draw_stroke(window.canvas, [(140.0, 50.0 + 4 * i) for i in range(46)])
    window.session.refresh_now()
    qtbot.waitUntil(lambda: overlay.computations > 0, timeout=TIMEOUT)
    assert overlay.image is not None or overlay.message == "Nothing stands out"
    # a flattened design has no Grad-CAM: the canvas says so instead of colouring
    use(window, designed_predictor("flattened"))
    qtbot.waitUntil(lambda: "not available" in (overlay.message or ""), timeout=TIMEOUT)
    assert overlay.image is None


def test_compare_sets_a_designed_network_against_the_shipped_weights(
    qtbot, window, monkeypatch, mnist_dir, weights_path
) -> None:
    use(window, designed_predictor("wide_c1"))
    workspace = open_insight(window, monkeypatch)
    evaluate(qtbot, workspace, subset_source(mnist_dir, 200))
    comparison = compare_with(qtbot, workspace, weights_path)
    compare = workspace.compare
    # random weights against the shipped LeNet-5: B is far better, and they disagree a lot
    assert comparison.accuracy_b > comparison.accuracy_a
    assert len(comparison.disagreements) > 0
    assert "A (active)" in compare.summary.text()


@pytest.mark.parametrize("name", ["no_pooling_stride2", "kernels3_same", "flattened"])
def test_unit_arithmetic_offers_the_designed_networks_own_layers(qtbot, window, name) -> None:
    predictor = designed_predictor(name)
    use(window, predictor)
    draw(window)
    window.switch_workspace("concepts")
    panel = window.panels["arithmetic"]
    window.docks["arithmetic"].show()
    names = [panel.layer_box.itemText(i) for i in range(panel.layer_box.count())]
    assert names == list(predictor.activation_shapes())
    result = window.current_result
    for layer in names:
        shape = result.activations[layer].shape
        unit = (0, shape[1] // 2, shape[2] // 2) if len(shape) == 3 else shape[0] - 1
        panel.select(layer, unit)
        qtbot.waitUntil(lambda: panel.arithmetic is not None, timeout=TIMEOUT)
        assert panel.arithmetic.layer == layer
        expected = unit_arithmetic(predictor.model, result.network_input, layer, unit)
        assert panel.arithmetic.value == pytest.approx(expected.value)
        assert f"{layer} unit" in panel.value_label.text()
        if len(shape) == 3:
            panel.step()  # the window slides by the layer's own stride
            assert panel.arithmetic.layer == layer


def test_the_shift_view_draws_the_layers_a_designed_network_has(
    qtbot, window, weights_path
) -> None:
    predictor = designed_predictor("no_pooling_stride2")
    use(window, predictor)
    draw(window)
    window.switch_workspace("concepts")
    panel = window.panels["shifts"]
    window.docks["shifts"].show()
    qtbot.waitUntil(lambda: "max" in panel.sweeps, timeout=TIMEOUT)
    plot = panel.plots["max"]
    assert tuple(plot.curves) == ("C1", "C2", "output")
    assert plot.plotItem.titleLabel.text == "the active network"
    # the caption no longer tells of C1 to S2, layers this design lacks
    assert "S2" not in panel.explanation.text() and "its own layers" in panel.explanation.text()
    expected = shift_sweep(predictor, window.current_result.network_input)
    np.testing.assert_allclose(panel.sweeps["max"].distances, expected.distances)
    # back to the shipped LeNet-5: its five curves and its title again
    from model.network.inference import Predictor

    use(window, Predictor.load(weights_path))
    for stroke in DRAWING:
        draw_stroke(window.canvas, stroke)
    lenet = ("C1", "S1", "C2", "S2", "output")
    qtbot.waitUntil(lambda: tuple(plot.curves) == lenet, timeout=TIMEOUT)
    assert plot.plotItem.titleLabel.text == "max pooling"
    assert "from C1 to S2" in panel.explanation.text()


def test_the_playground_offers_the_designed_networks_first_stage(qtbot, window) -> None:
    predictor = designed_predictor("one_channel")
    use(window, predictor)
    draw(window)
    window.switch_workspace("concepts")
    panel = window.panels["playground"]
    window.docks["playground"].show()
    inputs = [panel.input_box.itemData(i) for i in range(panel.input_box.count())]
    assert inputs == ["input", "C1:0", "S1:0"]  # one map per layer in this design
    learned = [
        panel.kernel_box.itemText(i)
        for i in range(panel.kernel_box.count())
        if str(panel.kernel_box.itemData(i)).startswith("learned")
    ]
    assert learned == ["Learned C1 kernel 0 (5x5)"]
    panel.input_box.setCurrentIndex(panel.input_box.findData("S1:0"))
    panel.kernel_box.setCurrentIndex(panel.kernel_box.findData("learned:0"))
    np.testing.assert_array_equal(panel.kernel(), predictor.kernels()["C1"][0, 0])
    qtbot.waitUntil(lambda: panel.output is not None, timeout=TIMEOUT)
    assert panel.output.shape == (10, 10)  # 14x14 S1 map, 5x5 kernel, VALID, stride 1
    # a flattened design has no maps and no learned kernels: the input and presets remain
    use(window, designed_predictor("flattened"))
    assert panel.input_box.count() == 1
    assert not any(
        str(panel.kernel_box.itemData(i)).startswith("learned")
        for i in range(panel.kernel_box.count())
    )
