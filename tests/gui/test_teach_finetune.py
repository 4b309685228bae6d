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
    assert "4 drawings" in dialog.count_label.text()
    with qtbot.waitSignal(dialog.run_ended, timeout=120_000) as ended:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    assert dialog.use_button.isEnabled() and dialog.save_button.isEnabled()
    text = dialog.result_label.text()
    assert "Your drawings" in text and "MNIST test" in text and "held out" in text
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
