"""Training a lab design through the window: a short run in the background, "Use this model"
makes the design the active network, "Save…" writes a file that loads back with the design, and
the Compare tab measures it beside the shipped network."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.lab.compare_view import LAB, SHIPPED
from model.files.checkpoint import load_checkpoint
from model.network.architecture import preset
from model.network.builder import architecture_of

TIMEOUT = 240_000  # ms: two busy cores, MNIST and the pen digits read on first use


def open_lab(window):
    window.workspace_actions["lab"].trigger()
    return window.central("lab")


def test_a_short_lab_run_is_used_saved_and_compared(window, qtbot, tmp_path, mnist_dir):
    lab = open_lab(window)
    design = preset("kernels3_same")
    lab.design_view.editor.set_design(design)
    qtbot.mouseClick(lab.design_view.train_button, Qt.MouseButton.LeftButton)
    dialog = lab.dialog
    assert dialog is not None and dialog.isVisible() and dialog.design == design
    dialog.data_folder.set_folder(mnist_dir)
    dialog.epochs.setValue(1)
    dialog.train_images.setValue(500)
    active_before = window.session.predictor
    with qtbot.waitSignal(dialog.run_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"], dialog.run.error_message
    assert window.session.predictor is active_before  # nothing changes before "Use"
    assert lab.state.last_trained is not None
    assert architecture_of(lab.state.last_trained.model) == design

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert window.session.predictor.architecture == design
    assert "lab design" in window.session.label
    assert not dialog.use_button.isEnabled()

    saved = dialog.save_to(tmp_path / "lab-design")
    assert saved is not None and saved.suffix == ".pt"
    assert load_checkpoint(saved).architecture == design

    compare = lab.compare_view
    lab.tabs.setCurrentWidget(compare)
    assert compare.choices["A"].key() == SHIPPED and compare.choices["B"].key() == LAB
    compare.limit, compare.pen_limit = 300, 100
    with qtbot.waitSignal(compare.measured, timeout=TIMEOUT) as measured:
        qtbot.mouseClick(compare.measure_button, Qt.MouseButton.LeftButton)
    figures = measured.args[0]
    assert figures["B"].design == design and figures["A"].design != design
    assert figures["A"].mnist_count == 300
    assert figures["A"].mnist_accuracy > 0.9  # the shipped network
    texts = [compare.table.item(r, 1).text() for r in range(compare.table.rowCount())]
    assert all(text and text != "—" for text in texts), texts
    assert f"{figures['B'].params:,}" in texts
    qtbot.waitUntil(compare.measure_button.isEnabled, timeout=5_000)  # ready to measure again
    dialog.close()


def test_a_lab_run_can_be_cancelled_and_changes_nothing(window, qtbot, mnist_dir):
    lab = open_lab(window)
    lab.design_view.editor.set_design(preset("flattened"))
    dialog = lab.open_training()
    dialog.data_folder.set_folder(mnist_dir)
    dialog.epochs.setValue(5)
    active = window.session.predictor
    with qtbot.waitSignal(dialog.run_ended, timeout=TIMEOUT) as ended:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.run.is_running(), timeout=5_000)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert window.session.predictor is active and lab.state.last_trained is None
    dialog.close()
