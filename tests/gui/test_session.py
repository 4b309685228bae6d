"""The live session: previews, model swaps and subscribers that leave when they close."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.config import ModelConfig, Normalization
from model.files.checkpoint import Checkpoint
from model.network.inference import Predictor
from model.network.lenet import LeNet5
from tests.gui.mouse import draw_stroke

pytestmark = pytest.mark.shared_window  # one window, reset before each (tests/gui/conftest.py)

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def untrained(seed: int = 1) -> Predictor:
    torch.manual_seed(seed)
    return Predictor(Checkpoint(LeNet5(ModelConfig()), Normalization(), {"preview": True}))


def test_a_preview_reads_the_drawing_until_it_ends(window, qtbot) -> None:
    draw_stroke(window.canvas, BAR)
    session, active, other = window.session, window.predictor, untrained()
    notes: list[str] = []
    session.preview_changed.connect(notes.append)
    with qtbot.waitSignal(session.result_changed) as shown:
        session.preview(other, "watching another network")
    raster = window.current_raster()
    np.testing.assert_allclose(shown.args[0].probabilities, other.predict(raster).probabilities)
    assert window.predictor is active and session.reader is other
    assert window.statusBar().currentMessage() == "watching another network"
    draw_stroke(window.canvas, [(100.0, 200.0), (180.0, 200.0)])  # still the preview reading
    raster = window.current_raster()
    np.testing.assert_allclose(
        window.current_result.probabilities, other.predict(raster).probabilities, rtol=1e-5
    )
    session.end_preview()
    np.testing.assert_allclose(
        window.current_result.probabilities, active.predict(raster).probabilities, rtol=1e-5
    )
    assert notes == ["watching another network", ""] and window.statusBar().currentMessage() == ""


def test_a_detail_dialog_unsubscribes_when_closed(window, qtbot) -> None:
    draw_stroke(window.canvas, BAR)
    dialog = window.open_map_detail("C1", 2)
    qtbot.waitExposed(dialog)
    assert (dialog.map_image.image == window.current_result.activations["C1"][2]).all()
    before = dialog.map_image.image.copy()
    assert before.any()
    dialog.close()  # finished: detached (deleted later, once the event loop runs)
    window.context.drawing.clear()
    assert window.current_result.is_blank  # every subscriber got a blank result...
    assert not window.panels["C1"].mosaic.data.any()
    assert (dialog.map_image.image == before).all()  # ...but the closed dialog did not
