"""Retrain with real pen digits: used when the folder has them, said when it has not, the
download from the UCI archive (a fake local copy), and the device the run uses.

Each run is one epoch on a few hundred MNIST images and a pen folder the test writes with
`model.data.unipen_text.write_unipen` (its checksum put in place of the real file's); UNIPEN is
hidden from these runs (an empty $LENET_LENS_UNIPEN_DATA), except where a test asks for the
real shared files.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.retrain import RetrainDialog
from model.config import ModelConfig, TrainConfig
from model.data import pen_archive as pen_download
from model.data import pen_digits as pendata
from model.data import unipen_json
from model.data.unipen_text import PenDigit, write_unipen
from tests.lzw_writer import lzw_compress

#: The real UNIPEN files, where the app finds them before any test hides them.
REAL_UNIPEN = unipen_json.find_unipen_file(unipen_json.NONDIGITS_FILE)
TINY = TrainConfig(epochs=1, train_subset=500, test_subset=200, pen_variants=1)
RUN_TIMEOUT_MS = 180_000  # a hang guard, not a measure (two test processes on two busy cores)


def pen_digits() -> list[PenDigit]:
    """Three digits by training writers, one by a held-out test writer (never trained on)."""
    one = (np.array([[250, 450], [250, 50]], np.float32),)
    seven = (np.array([[100, 450], [400, 450], [200, 50]], np.float32),)
    held_out = pendata.TEST_WRITERS[0]
    return [
        PenDigit(1, 1, 0, one),
        PenDigit(7, 2, 0, seven),
        PenDigit(1, 4, 1, one),
        PenDigit(7, held_out, 0, seven),
    ]


def pen_text(tmp_path: Path) -> bytes:
    path = tmp_path / "made.tra"
    write_unipen(path, pen_digits())
    return path.read_bytes()


@pytest.fixture(autouse=True)
def no_unipen(tmp_path: Path, monkeypatch) -> None:
    """Only the test's UCI file: UNIPEN is looked for in an empty folder."""
    from app.core.data_cache import DATA_CACHE

    empty = tmp_path / "no-unipen"
    empty.mkdir()
    monkeypatch.setenv(unipen_json.ENV_VAR, str(empty))
    monkeypatch.setattr(unipen_json, "user_cache_dir", lambda: empty)
    # ...and nowhere else: a checkout beside ../shared (as CI's is) would find the real files
    monkeypatch.setattr(
        unipen_json,
        "candidate_dirs",
        lambda unipen_dir=None: [Path(unipen_dir or os.environ[unipen_json.ENV_VAR])],
    )
    DATA_CACHE.clear()


@pytest.fixture
def pen_dir(tmp_path: Path, monkeypatch) -> Path:
    """A folder with the pen-digit file, accepted as the real one."""
    text = pen_text(tmp_path)
    folder = tmp_path / "pen"
    folder.mkdir()
    (folder / "pendigits-orig.tra").write_bytes(text)
    monkeypatch.setattr(pendata, "SHA256", hashlib.sha256(text).hexdigest())
    return folder


def open_dialog(window, mnist_dir: Path, pen_folder: Path) -> RetrainDialog:
    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.data_folder.set_folder(mnist_dir)
    dialog.pen_folder.set_folder(pen_folder)
    dialog.form.set_config(TINY, ModelConfig())
    return dialog


def train(qtbot, dialog: RetrainDialog) -> list[str]:
    """Click Train, wait for the end; the stage lines the run showed."""
    stages: list[str] = []
    dialog.run.stage.connect(stages.append)
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"], dialog.banner.text()
    return stages


def test_pen_digits_in_the_folder_are_trained_on(qtbot, window, mnist_dir, pen_dir) -> None:
    dialog = open_dialog(window, mnist_dir, pen_dir)
    row = dialog.pen_folder
    assert row.is_ready() and "✓ Found: UCI pen digits." in row.status.text()
    assert not row.download_button.isVisibleTo(dialog)
    shown: list[tuple[str, bool, int, str]] = []  # what the dialog shows at each report

    def look(fraction: float) -> None:  # connected after the dialog: runs once it has drawn
        bar = dialog.progress
        shown.append((dialog.stage.text(), bar.isVisible(), bar.value(), bar.format()))

    dialog.run.preparing.connect(look)
    stages = train(qtbot, dialog)
    # Issue 19, item 16: while the pool is drawn, the stage line and the bar say the same
    assert shown, "no progress while the pen digits were drawn"
    text, visible, value, words = shown[-1]
    assert text.startswith("Drawing 3 real pen digits like the canvas") and text.endswith("100%")
    assert visible and value == dialog.progress.maximum() and words == "100% drawn"
    # The three training writers' digits, never the held-out writer's.
    assert dialog.outcome.pen_digits == 3
    training = [s for s in stages if s.startswith("Training on")]
    assert training and "MNIST and 3 real pen digits" in training[-1]
    assert "Trained on MNIST and 3 real pen digits" in dialog.result_label.text()


def test_without_pen_digits_it_says_mnist_alone(qtbot, window, mnist_dir, tmp_path) -> None:
    empty = tmp_path / "no-pen"
    empty.mkdir()
    dialog = open_dialog(window, mnist_dir, empty)
    row = dialog.pen_folder
    assert not row.is_ready()
    assert "No real pen digits found: training on MNIST alone" in row.status.text()
    assert row.download_button.isVisibleTo(dialog) and row.download_button.isEnabled()
    stages = train(qtbot, dialog)
    assert dialog.outcome.pen_digits == 0
    assert any("No real pen digits found: training on MNIST alone" in s for s in stages)
    assert "trained on MNIST alone" in dialog.result_label.text()


def test_download_fills_the_folder_and_the_row_turns_found(
    qtbot,
    window,
    mnist_dir: Path,
    tmp_path: Path,
    monkeypatch,
) -> None:
    text = pen_text(tmp_path)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pendigits-orig.tra.Z", lzw_compress(text))
    mirror = tmp_path / "uci.zip"
    mirror.write_bytes(archive.getvalue())
    monkeypatch.setattr(pen_download, "URL", mirror.as_uri())
    monkeypatch.setattr(pen_download, "SIZE", len(text))
    monkeypatch.setattr(pendata, "SHA256", hashlib.sha256(text).hexdigest())
    target = tmp_path / "downloads"
    dialog = open_dialog(window, mnist_dir, target)
    row = dialog.pen_folder
    assert not row.is_ready()
    with qtbot.waitSignal(row.download_ended, timeout=30_000) as ended:
        qtbot.mouseClick(row.download_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"], dialog.banner.text()
    assert [p.name for p in target.iterdir()] == ["pendigits-orig.tra.gz"]
    assert row.is_ready() and "✓ Found: UCI pen digits." in row.status.text()
    assert not row.download_button.isVisibleTo(dialog)
    assert "downloaded and verified" in dialog.banner.text()
    assert row.pen_file() == target / "pendigits-orig.tra.gz"


def test_a_failed_download_says_why_and_keeps_nothing(
    qtbot,
    window,
    mnist_dir: Path,
    tmp_path: Path,
    monkeypatch,
) -> None:
    monkeypatch.setattr(pen_download, "URL", (tmp_path / "nowhere.zip").as_uri())
    target = tmp_path / "downloads"
    dialog = open_dialog(window, mnist_dir, target)
    row = dialog.pen_folder
    with qtbot.waitSignal(row.download_ended, timeout=30_000) as ended:
        qtbot.mouseClick(row.download_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["failed"]
    assert "nowhere.zip" in dialog.banner.text()
    assert not target.exists() and row.download_button.isEnabled()


def test_the_device_choice_and_the_device_shown(qtbot, window, mnist_dir, tmp_path) -> None:
    dialog = open_dialog(window, mnist_dir, tmp_path)
    box = dialog.form.device
    items = {box.itemText(i): box.model().item(i).isEnabled() for i in range(box.count())}
    assert items["auto"] and items["cpu"]
    assert items["cuda"] == torch.cuda.is_available()
    assert box.currentText() == "auto"
    box.setCurrentText("cpu")
    stages = train(qtbot, dialog)
    assert any(s.startswith("Training on CPU (") and "thread" in s for s in stages), stages
    assert dialog.outcome.device == "cpu"


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU here")
def test_training_on_cuda_names_the_gpu(qtbot, window, mnist_dir, tmp_path) -> None:
    dialog = open_dialog(window, mnist_dir, tmp_path)
    dialog.form.device.setCurrentText("cuda")
    stages = train(qtbot, dialog)
    name = torch.cuda.get_device_name(0)
    assert any(s.startswith(f"Training on CUDA: {name}") for s in stages), stages
    assert dialog.outcome.device == "cuda"
    assert dialog.outcome.checkpoint.model.c1.weight.device.type == "cpu"


def test_cancel_while_drawing_the_pen_digits(
    qtbot, window, mnist_dir, tmp_path, monkeypatch
) -> None:
    """Drawing the pool takes seconds: Cancel stops it at the next chunk, nothing is kept."""
    from app.core.data_cache import DATA_CACHE, PEN_POOL

    many = [PenDigit(d.label, 1 + i % 2, i, d.strokes) for i, d in enumerate(pen_digits() * 600)]
    folder = tmp_path / "pen"
    folder.mkdir()
    write_unipen(folder / "pendigits-orig.tra", many)
    text = (folder / "pendigits-orig.tra").read_bytes()
    monkeypatch.setattr(pendata, "SHA256", hashlib.sha256(text).hexdigest())
    dialog = open_dialog(window, mnist_dir, folder)
    dialog.form.set_config(
        TrainConfig(epochs=1, train_subset=6000, test_subset=200, pen_variants=1), ModelConfig()
    )

    stages: list[str] = []

    def cancel_when_drawing(stage: str) -> None:
        stages.append(stage)
        if stage.startswith("Drawing") and dialog.is_running():
            dialog.cancel()

    dialog.run.stage.connect(cancel_when_drawing)
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert not any(s.startswith("Training on") for s in stages), stages  # stopped while drawing
    assert dialog.outcome is None and "cancelled" in dialog.banner.text().lower()
    assert not DATA_CACHE._entries.get(PEN_POOL)  # nothing drawn was kept


@pytest.mark.skipif(REAL_UNIPEN is None, reason="UNIPEN files not found (../shared/data/unipen)")
def test_every_pen_source_and_the_non_digits_with_the_head(
    qtbot, window, mnist_dir, pen_dir, monkeypatch
) -> None:
    """With UNIPEN found the row names it and training uses its writers too; with the head
    asked for, the non-digits are learnt and the threshold comes from validation writers."""
    from model.network.inference import Predictor

    monkeypatch.setenv(unipen_json.ENV_VAR, str(REAL_UNIPEN.parent))  # the real shared files
    dialog = open_dialog(window, mnist_dir, pen_dir)
    text = dialog.pen_folder.status.text()
    assert "UCI pen digits" in text and "UNIPEN digits" in text
    assert "UNIPEN letters and symbols" in text
    dialog.form.set_config(TINY, ModelConfig(reject_head=True))
    assert dialog.form.reject_head.isChecked()
    stages = train(qtbot, dialog)
    outcome = dialog.outcome
    assert outcome.pen_digits > 3  # the UCI file's 3 and UNIPEN training writers'
    assert outcome.nondigits > 0
    assert any("non-digits" in s for s in stages if s.startswith("Training on"))
    predictor = Predictor(outcome.checkpoint)
    assert predictor.model.reject is not None
    assert predictor.not_a_digit_threshold is not None  # chosen on validation writers
    assert "temperature" in outcome.checkpoint.metadata
