"""Issue 11, part 3: the Retrain dialog's "include my drawings" mixes the kept drawings into
training (as renders in the pen pool); unticked, training is as before."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.retrain import RetrainDialog
from model.config import ModelConfig, TrainConfig
from tests.gui.teach_support import draw_one

TINY = TrainConfig(epochs=1, train_subset=1000, test_subset=200)


def test_include_my_drawings(qtbot, window, data_home, mnist_dir) -> None:
    draw_one(window.canvas)
    window.teach(1)
    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    check = dialog.include_drawings
    assert "1 kept" in check.text() and not check.isChecked()
    dialog.data_folder.set_folder(mnist_dir)
    dialog.form.set_config(TINY, ModelConfig())

    def run_once() -> int:
        with qtbot.waitSignal(dialog.run_ended, timeout=120_000) as ended:
            qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
        assert ended.args == ["finished"], dialog.banner.text()
        return dialog.outcome.checkpoint.metadata["pen_images"]

    without = run_once()  # real pen digits only, where the shared data has them
    check.setChecked(True)
    assert run_once() == without + 32  # plus 32 renders of the one kept drawing
    check.setChecked(False)
    assert run_once() == without  # the shared, cached training data stays without them
