"""Issue 11, part 4: Fine-tune on my drawings from the dialog: it runs in the background,
previews the result, offers Use/Save; Use swaps the model; cancel changes nothing."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from model.config import FinetuneConfig
from model.data.collection import Collection
from model.files.checkpoint import load_checkpoint

QUICK = FinetuneConfig(steps=8, batch_size=32, variants=2, pen_replay=0, mnist_test_subset=300)


def one(x: float) -> list:
    return [[(x, 50.0 + 4.5 * i) for i in range(41)]]


def zero(w: float) -> list:
    return [
        [
            (140 + w * math.sin(2 * math.pi * i / 48), 140 - 85 * math.cos(2 * math.pi * i / 48))
            for i in range(49)
        ]
    ]


@pytest.fixture
def small_collection(data_home: Path) -> Collection:
    c = Collection.open()
    for x in (120.0, 150.0):
        c.keep(one(x), 1)
    for w in (50.0, 60.0):
        c.keep(zero(w), 0)
    return c


def open_dialog(window, mnist_dir: Path):
    dialog = window.teacher.open_finetune()
    dialog.config = QUICK
    dialog.mnist_subset = (2000, 300)
    dialog.data_dir = mnist_dir
    dialog.use_pen = False
    return dialog


def test_finetune_finishes_offers_use_and_save(
    qtbot,
    window,
    small_collection,
    mnist_dir,
    tmp_path,
) -> None:
    active = window.predictor
    dialog = open_dialog(window, mnist_dir)
    assert "has 4 drawing" in dialog.count_label.text()
    with qtbot.waitSignal(dialog.run_ended, timeout=120_000) as ended:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    assert dialog.use_button.isEnabled() and dialog.save_button.isEnabled()
    text = dialog.result_label.text()
    assert "Your drawings" in text and "MNIST test" in text and "held out" in text
    # issue 19, item 22: the MNIST change per digit, before and after
    assert "MNIST test accuracy per digit" in text and "change" in text
    before, after = dialog.run.result.mnist_by_class
    assert before.shape == after.shape == (10,)
    assert window.predictor is active  # nothing swapped yet: only a preview
    assert window.session.preview_predictor is not None

    saved = dialog.save_to(tmp_path / "mine")
    assert saved == tmp_path / "mine.pt" and load_checkpoint(saved).metadata.get("finetune")

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert dialog.save_to(blocker / "x.pt") is None
    assert "not saved" in window.error_box.text()

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert window.predictor is not active
    assert window.predictor.checkpoint is dialog.run.result.checkpoint
    assert window.session.preview_predictor is None
    assert "fine-tuned" in window.session.label or window.session.label == "mine.pt"


def test_cancel_leaves_model_and_files_unchanged(
    qtbot,
    window,
    small_collection,
    mnist_dir,
) -> None:
    active = window.predictor
    before = small_collection.path.read_bytes()
    dialog = open_dialog(window, mnist_dir)
    dialog.config = FinetuneConfig(steps=100_000, batch_size=32, variants=2, pen_replay=0)
    with qtbot.waitSignal(dialog.run.progress, timeout=120_000):
        assert dialog.start()
    with qtbot.waitSignal(dialog.run_ended, timeout=30_000) as ended:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert window.predictor is active
    assert window.session.preview_predictor is None
    assert not dialog.use_button.isEnabled()
    assert small_collection.path.read_bytes() == before
    assert "unchanged" in dialog.banner.text()


def test_empty_collection_says_how_to_keep(window, data_home) -> None:
    dialog = window.teacher.open_finetune()
    assert not dialog.start()
    assert "empty" in dialog.banner.text()


def test_says_beforehand_what_is_mixed_in_and_offers_mnist(
    qtbot, window, small_collection, tmp_path
) -> None:
    """Issue 19, item 4: without MNIST the dialog says so before starting, with Choose folder…
    and Download; a finished run without MNIST carries no MNIST accuracy into the status bar."""
    empty = tmp_path / "no-mnist"
    empty.mkdir()
    window.context.data_location.set_mnist_dir(empty)
    dialog = window.teacher.open_finetune()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "MNIST is not in" in dialog.mix_label.text() and str(empty) in dialog.mix_label.text()
    box = dialog.data_missing
    assert box.isVisible() and box.row.download_button.isVisible()
    assert box.row.choose_button.text() == "Choose folder…"

    dialog.config = QUICK
    dialog.mnist_subset = (2000, 300)
    dialog.use_pen = False
    with qtbot.waitSignal(dialog.run_ended, timeout=120_000) as ended:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    result = dialog.run.result
    assert result.mnist_after is None and result.mnist_by_class is None
    assert result.checkpoint.test_accuracy is None  # not the parent's figure
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert "no recorded accuracy" in window.model_label.text()


def test_choosing_the_folder_in_one_place_serves_fine_tune(
    qtbot, window, small_collection, mnist_dir, tmp_path, monkeypatch
) -> None:
    """Issue 19, item 2: the folder chosen in the box is the app's; the dialog then mixes it in."""
    from PySide6.QtWidgets import QFileDialog

    empty = tmp_path / "no-mnist"
    empty.mkdir()
    window.context.data_location.set_mnist_dir(empty)
    dialog = window.teacher.open_finetune()
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_dir))
    with qtbot.waitSignal(dialog.data_missing.ready, timeout=5_000):
        qtbot.mouseClick(dialog.data_missing.row.choose_button, Qt.MouseButton.LeftButton)
    assert not dialog.data_missing.isVisible()
    assert "MNIST training images" in dialog.mix_label.text()
    assert window.context.data_location.mnist_dir() == mnist_dir
    assert dialog.mnist_folder() == mnist_dir


def test_progress_bar_agrees_with_the_step_text(qtbot, window, small_collection) -> None:
    """Issue 19, item 16: "step 2 of 120" fills 2/120 of the bar, and the bar says it too."""
    from model.training.finetune import FinetuneProgress

    dialog = window.teacher.open_finetune()
    dialog.on_progress(FinetuneProgress("training", 0.11, step=2, steps=120, loss=0.5))
    bar = dialog.progress
    assert "step 2 of 120" in dialog.stage.text()
    assert bar.format() == "step 2 of 120"
    assert abs(bar.value() / bar.maximum() - 2 / 120) < 0.01
    dialog.on_progress(FinetuneProgress("measuring", 0.95))
    assert bar.maximum() == 0  # busy: no step count to show
