"""Training ▸ Retrain… on the real window: train, watch, keep/save/discard, cancel, and faults.

Every run starts from the real `actionRetrain` of a real `MainWindow`, uses a small subset of
MNIST for one epoch, and waits on the dialog's `run_ended` signal (no sleeps).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from app.retrain import RetrainDialog
from model.config import QUICK_RETRAIN, QUICK_RETRAIN_MODEL, ModelConfig, Normalization, TrainConfig
from model.data import mnist
from model.data.idx import read_idx
from model.files.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from model.network.lenet import LeNet5
from tests.gui.mouse import drag

#: MNIST alone (pen_fraction 0): these tests are about the dialog and the run; drawing the pen
#: digits and calibrating on them (most of a small run's time) is test_retrain_pen's.
MNIST_ONLY = {"pen_fraction": 0.0}
TINY = TrainConfig(epochs=1, train_subset=2000, test_subset=500, **MNIST_ONLY)
RUN_TIMEOUT_MS = 180_000  # a hang guard, not a measure (two test processes on two busy cores)


def draw_stroke(canvas, points: list[tuple[float, float]]) -> None:
    """A real left-button stroke on the canvas widget (points in widget coordinates)."""
    drag(canvas, points)


def vertical_bar(canvas) -> list[tuple[float, float]]:
    """A "1" down the middle of the canvas, whatever its size."""
    w, h = canvas.width(), canvas.height()
    return [(w / 2, h * (0.2 + 0.6 * i / 40)) for i in range(41)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def gui_work_stays_on_the_gui_thread(qtlog):
    """A slot run on the worker thread makes Qt warn ("... from another thread"): fail on it."""
    yield
    wrong = [r.message for r in qtlog.records if "thread" in r.message.lower()]
    assert not wrong, wrong


@pytest.fixture(scope="session")
def old_weights(tmp_path_factory) -> Path:
    """An untrained network as the active model: deterministic and needs no data."""
    torch.manual_seed(1234)
    path = tmp_path_factory.mktemp("weights") / "old.pt"
    save_checkpoint(
        Checkpoint(LeNet5(ModelConfig()), Normalization(), {"test_accuracy": 0.1}), path
    )
    return path


@pytest.fixture
def window(qtbot, old_weights: Path, tmp_path: Path):
    from app.shell.start import open_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = open_window(old_weights, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_dialog(window, data_dir: Path, config: TrainConfig = TINY) -> RetrainDialog:
    """Training ▸ Retrain… through the real action, then the settings a test needs."""
    action = window.findChild(QAction, "actionRetrain")
    assert action is not None and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()
    dialog = window.findChild(RetrainDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.data_folder.set_folder(data_dir)
    dialog.form.set_config(config, ModelConfig())
    return dialog


def run(qtbot, dialog: RetrainDialog, expect: str) -> None:
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [expect], dialog.banner.text()
    assert not dialog.is_running()


def assert_alive_and_unchanged(window, dialog, old_predictor, old_weights, old_digest) -> None:
    assert window.predictor is old_predictor
    assert digest(old_weights) == old_digest
    assert dialog.outcome is None and not dialog.result_box.isVisible()
    assert dialog.train_button.isEnabled() and dialog.form.isEnabled()
    draw_stroke(window.canvas, vertical_bar(window.canvas))  # the window still answers
    assert window.current_result.digit is not None


def test_retrain_from_menu_swaps_the_model_only_on_use(qtbot, window, mnist_dir) -> None:
    old = window.predictor
    dialog = open_dialog(
        window, mnist_dir, TrainConfig(epochs=1, train_subset=6000, test_subset=500, **MNIST_ONLY)
    )
    assert dialog.data_folder.is_ready()
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        with qtbot.waitSignal(dialog.curves.raw_loss.sigPlotChanged, timeout=RUN_TIMEOUT_MS):
            qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
        # Mid-training: the canvas works and the active model answers.
        assert dialog.is_running() and not dialog.train_button.isEnabled()
        draw_stroke(window.canvas, vertical_bar(window.canvas))
        during = window.current_result
        expected = old.predict(window.current_raster())
        assert np.allclose(during.probabilities, expected.probabilities)
    assert ended.args == ["finished"]

    counts = dialog.curves.point_counts()
    assert counts["loss"] == 47 and counts["train_accuracy"] == 47  # ceil(6000 / 128)
    assert counts["test_accuracy"] == 1
    assert dialog.epochs_table.rowCount() == 1
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.result_box.isVisible() and "New model" in dialog.result_label.text()
    assert "same 500 MNIST images" in dialog.result_label.text()
    outcome = dialog.outcome
    assert outcome is not None and outcome.baseline_accuracy is not None
    assert outcome.test_accuracy > 0.5  # one short epoch: far above chance (10%)

    before = window.current_result.probabilities.copy()
    assert window.predictor is old  # finishing alone changes nothing
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert window.predictor is not old
    assert window.predictor.checkpoint is outcome.checkpoint
    after = window.current_result.probabilities
    assert not np.allclose(before, after)
    assert np.allclose(after, window.predictor.predict(window.current_raster()).probabilities)
    assert "retrained" in window.model_label.text()
    assert not dialog.use_button.isEnabled()


def test_save_writes_atomically_with_metadata(qtbot, window, mnist_dir, tmp_path, monkeypatch):
    dialog = open_dialog(window, mnist_dir)
    run(qtbot, dialog, "finished")
    target = tmp_path / "out" / "mine"  # no suffix: ".pt" is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "LeNet Lens weights (*.pt)")
    )
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_name("mine.pt")
    assert "mine.pt" in window.model_label.text()  # the model in use is now named by its file
    loaded = load_checkpoint(saved)
    assert loaded.test_accuracy == pytest.approx(dialog.outcome.test_accuracy)
    assert loaded.metadata["train_config"]["epochs"] == 1
    assert loaded.metadata["train_config"]["train_subset"] == 2000
    assert len(loaded.metadata["history"]) == 1 and "saved" in loaded.metadata
    assert sorted(p.name for p in saved.parent.iterdir()) == ["mine.pt"]  # no temp file left
    for name, tensor in dialog.outcome.checkpoint.model.state_dict().items():
        assert torch.equal(loaded.model.state_dict()[name], tensor)
    assert "Saved to" in dialog.banner.text()

    # A save that fails midway keeps the previous file intact and says so.
    first = digest(saved)

    def crash(*args, **kwargs) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch, "save", crash)
    assert dialog.save_to(saved) is None
    assert "Not saved" in dialog.banner.text() and "No space left" in dialog.banner.text()
    assert digest(saved) == first
    assert sorted(p.name for p in saved.parent.iterdir()) == ["mine.pt"]


def test_cancel_stops_the_run_and_changes_nothing(qtbot, window, mnist_dir, old_weights) -> None:
    """Cancel ends the run (how fast is measured by tools/retrain_bench.py, not here: a busy
    machine makes any wall-clock bound flaky) and leaves the model and its file alone."""
    old, old_digest = window.predictor, digest(old_weights)
    # full data: minutes
    dialog = open_dialog(window, mnist_dir, TrainConfig(epochs=3, **MNIST_ONLY))
    with qtbot.waitSignal(dialog.curves.raw_loss.sigPlotChanged, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    assert dialog.is_running()
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    assert not dialog.is_running()
    assert "cancelled" in dialog.banner.text().lower()
    assert_alive_and_unchanged(window, dialog, old, old_weights, old_digest)


def test_closing_the_window_mid_training_stops_the_thread(
    qtbot, window, mnist_dir, old_weights, tmp_path
) -> None:
    old_digest = digest(old_weights)
    before = sorted(tmp_path.rglob("*"))
    dialog = open_dialog(window, mnist_dir, TrainConfig(epochs=3, **MNIST_ONLY))
    with qtbot.waitSignal(dialog.curves.raw_loss.sigPlotChanged, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    thread = dialog.run.thread
    assert thread.isRunning()
    window.close()  # returns once the thread has stopped (its latency: tools/retrain_bench.py)
    assert not thread.isRunning() and thread.isFinished()
    assert not dialog.isVisible() and not dialog.is_running() and dialog.outcome is None
    assert digest(old_weights) == old_digest
    written = [p for p in sorted(tmp_path.rglob("*")) if p not in before]
    assert [p.name for p in written if p.suffix != ".ini"] == []  # settings only


def test_missing_data_offers_download_and_another_folder(
    qtbot, window, mnist_dir, old_weights, tmp_path, monkeypatch
) -> None:
    old, old_digest = window.predictor, digest(old_weights)
    empty = tmp_path / "no-mnist"
    empty.mkdir()
    dialog = open_dialog(window, empty)
    row = dialog.data_folder
    assert "not in this folder" in row.status.text()
    assert row.download_button.isVisibleTo(dialog) and row.choose_button.isEnabled()
    qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_running()
    assert str(empty) in dialog.banner.text() and "Download" in dialog.banner.text()
    assert_alive_and_unchanged(window, dialog, old, old_weights, old_digest)

    # Unreachable mirrors: a clear message, nothing written, the row usable again.
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    monkeypatch.setattr(mnist, "MIRRORS", (nowhere.as_uri() + "/",))
    with qtbot.waitSignal(row.download_ended, timeout=10_000) as ended:
        qtbot.mouseClick(row.download_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["failed"]
    assert "could not download" in dialog.banner.text()
    assert list(empty.iterdir()) == [] and row.download_button.isEnabled()

    # A reachable "mirror" (the local copy, as file:// URLs): downloaded, verified, ready.
    monkeypatch.setattr(mnist, "MIRRORS", (mnist_dir.as_uri() + "/",))
    if not all((mnist_dir / f"{spec.name}.gz").is_file() for spec in mnist.FILES.values()):
        pytest.skip("the local MNIST copy is not gzipped like the mirrors")
    with qtbot.waitSignal(row.download_ended, timeout=30_000) as ended:
        qtbot.mouseClick(row.download_button, Qt.MouseButton.LeftButton)
        assert row.progress.isVisibleTo(dialog)
    assert ended.args == ["finished"], dialog.banner.text()
    assert row.is_ready() and "MNIST found" in row.status.text()
    assert not row.download_button.isVisibleTo(dialog)

    # Or pick another folder.
    row.set_folder(empty.parent / "elsewhere")
    assert not row.is_ready()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_dir))
    qtbot.mouseClick(row.choose_button, Qt.MouseButton.LeftButton)
    assert row.folder() == mnist_dir and row.is_ready()


def test_closing_during_a_download_leaves_no_partial_file(
    qtbot, window, mnist_dir, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "fresh"
    monkeypatch.setattr(mnist, "MIRRORS", (mnist_dir.as_uri() + "/",))
    dialog = open_dialog(window, target)
    row = dialog.data_folder
    qtbot.mouseClick(row.download_button, Qt.MouseButton.LeftButton)
    thread = row.jobs.handle.thread
    dialog.close()
    assert not thread.isRunning()
    names = {f"{spec.name}.gz" for spec in mnist.FILES.values()}
    leftovers = [p.name for p in target.iterdir()] if target.exists() else []
    assert set(leftovers) <= names  # whole, verified files only: no temporary or partial file
    for name in leftovers:
        spec = next(s for s in mnist.FILES.values() if f"{s.name}.gz" == name)
        assert read_idx(target / name, sha256=spec.sha256).shape == spec.shape


def test_corrupt_data_fails_clearly(qtbot, window, mnist_dir, old_weights, tmp_path) -> None:
    old, old_digest = window.predictor, digest(old_weights)
    bad = tmp_path / "corrupt"
    bad.mkdir()
    for spec in mnist.FILES.values():  # right names, a valid-looking header, wrong bytes
        (bad / spec.name).write_bytes(b"\x00\x00\x08\x03" + b"\x00\x00\x00\x02" * 3 + b"\x07" * 8)
    dialog = open_dialog(window, bad)
    run(qtbot, dialog, "failed")
    text = dialog.banner.text()
    assert "train-images-idx3-ubyte" in text and "active model is unchanged" in text
    assert_alive_and_unchanged(window, dialog, old, old_weights, old_digest)


def test_exception_in_the_worker_is_reported(
    qtbot, window, mnist_dir, old_weights, monkeypatch
) -> None:
    old, old_digest = window.predictor, digest(old_weights)

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug in the training loop")

    monkeypatch.setattr("app.retrain.worker.train", broken)
    dialog = open_dialog(window, mnist_dir)
    run(qtbot, dialog, "failed")
    assert "RuntimeError: simulated bug" in dialog.banner.text()
    assert dialog.details_button.isVisible()  # the traceback, for a bug report
    box = dialog.show_error_details()
    assert "Traceback" in box.detailedText() and "simulated bug" in box.detailedText()
    box.close()
    assert_alive_and_unchanged(window, dialog, old, old_weights, old_digest)
    monkeypatch.undo()
    run(qtbot, dialog, "finished")  # and the next run works


def test_nan_loss_from_a_huge_learning_rate(qtbot, window, mnist_dir, old_weights) -> None:
    old, old_digest = window.predictor, digest(old_weights)
    dialog = open_dialog(window, mnist_dir)
    dialog.form.lr.setValue(1e6)
    run(qtbot, dialog, "failed")
    text = dialog.banner.text()
    assert "diverged" in text and "learning rate" in text
    assert dialog.curves.point_counts()["test_accuracy"] == 0
    assert_alive_and_unchanged(window, dialog, old, old_weights, old_digest)


def test_preview_shows_the_network_in_training_then_restores(
    qtbot, window, mnist_dir, monkeypatch
) -> None:
    draw_stroke(window.canvas, vertical_bar(window.canvas))
    old = window.predictor
    shown = []
    window.session.result_changed.connect(shown.append)  # what every panel was shown
    dialog = open_dialog(
        window, mnist_dir, TrainConfig(epochs=2, train_subset=1000, test_subset=200, **MNIST_ONLY)
    )
    dialog.preview.setChecked(True)
    notes = []
    window.statusBar().messageChanged.connect(notes.append)
    run(qtbot, dialog, "finished")
    assert any("Preview: the network in training" in note for note in notes)
    assert len(shown) >= 3  # at least one per epoch, then the active model's view again
    assert window.statusBar().currentMessage() == ""  # the preview note is gone
    raster = window.current_raster()
    assert not np.allclose(shown[0].probabilities, old.predict(raster).probabilities)
    assert np.allclose(shown[-1].probabilities, old.predict(raster).probabilities)
    assert window.predictor is old


def no_other_mnist(monkeypatch, tmp_path: Path) -> None:
    """No MNIST beside the checkout or in the user cache: only what a test puts somewhere."""
    from app.core import data_location as location

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tmp_path.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(location, "_CHECKOUT", tmp_path / "checkout")


def test_dialog_defaults(qtbot, window, tmp_path, monkeypatch) -> None:
    no_other_mnist(monkeypatch, tmp_path)
    monkeypatch.setenv(mnist.ENV_VAR, str(tmp_path / "data"))
    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    assert dialog.form.train_config() == QUICK_RETRAIN
    assert dialog.form.model_config() == QUICK_RETRAIN_MODEL  # with the "not a digit" head
    assert dialog.data_folder.folder() == tmp_path / "data"
    dialog.form.lr.lineEdit().setText("1e-3")
    assert dialog.form.lr.value() == pytest.approx(1e-3)
    window.findChild(QAction, "actionRetrain").trigger()  # a second trigger: the same dialog
    assert window.findChildren(RetrainDialog) == [dialog]


def test_recorded_accuracy_stands_in_for_the_same_full_test_set() -> None:
    from app.retrain.worker import baseline_accuracy
    from model.training.loop import TrainingData

    def data(test_images: int) -> TrainingData:
        x = torch.zeros(test_images, 1, 32, 32)
        return TrainingData(
            x[:10],
            torch.zeros(10, dtype=torch.long),
            x,
            torch.zeros_like(x[:, 0, 0, 0], dtype=torch.long),
        )

    model = LeNet5()
    recorded = Checkpoint(model, Normalization(), {"test_accuracy": 0.25, "test_images": 10_000})
    assert baseline_accuracy(recorded, data(10_000)) == 0.25
    measured = baseline_accuracy(recorded, data(100))  # a subset: measured, not recorded
    assert measured in (0.0, 1.0)  # all-blank images, all labelled 0: one class for all


def test_loaded_data_is_reused_until_the_files_change(tmp_path) -> None:
    from app.core.data_cache import DataCache

    for spec in mnist.FILES.values():  # the key looks at names, sizes and times only
        (tmp_path / f"{spec.name}.gz").write_bytes(b"stand-in")
    key = DataCache.training_key(tmp_path, TINY)
    assert DataCache.training_key(tmp_path, TINY) == key
    assert DataCache.training_key(tmp_path, TrainConfig(epochs=1)) != key  # other subsets
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"replaced, longer")
    assert DataCache.training_key(tmp_path, TINY) != key


def test_the_mnist_row_finds_its_data_like_the_pen_row(
    qtbot, window, tmp_path, monkeypatch, mnist_dir
) -> None:
    """Issue 19, item 3: MNIST in a shared/data folder beside the checkout is found, as the pen
    digits are, instead of defaulting to the missing per-user cache."""
    no_other_mnist(monkeypatch, tmp_path / "work" / "clone")
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    shared = tmp_path / "work" / "shared" / "data" / "mnist"
    shared.mkdir(parents=True)
    for spec in mnist.FILES.values():
        found = mnist.find_file(mnist_dir, spec)
        (shared / found.name).symlink_to(found)
    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    assert dialog.data_folder.folder() == shared and dialog.data_folder.is_ready()


def test_fields_keep_their_height_beside_an_error_and_a_result(qtbot, window, tmp_path) -> None:
    """Issue 19, item 8: the missing-data error and the result box never squeeze the settings
    ("4", "128", "0.003" were cut in half): the column scrolls instead."""
    empty = tmp_path / "no-mnist"
    empty.mkdir()
    dialog = open_dialog(window, empty)
    dialog.resize(1060, 640)
    qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)  # the error banner
    dialog.result_label.setText("New model: 99.01%<br>two<br>three")
    dialog.result_box.show()
    qtbot.waitUntil(lambda: dialog.banner.isVisible())
    form = dialog.form
    for field in (form.epochs, form.batch_size, form.lr, form.train_images, form.seed):
        qtbot.waitUntil(lambda f=field: f.height() >= f.sizeHint().height())


def test_the_bar_hides_while_the_stage_line_counts(qtbot, window, mnist_dir) -> None:
    """Issue 19, item 16: before the first batch a stage line without a count of its own
    hides the bar (never full beside "89%"); it moves with the batches (the pen pool's drawing
    shows in both: tests/gui/test_retrain_pen.py)."""
    dialog = open_dialog(window, mnist_dir)
    with qtbot.waitSignal(dialog.run_ended, timeout=RUN_TIMEOUT_MS):
        with qtbot.waitSignal(dialog.run.stage, timeout=RUN_TIMEOUT_MS):
            qtbot.mouseClick(dialog.train_button, Qt.MouseButton.LeftButton)
        if not dialog._batches_seen:
            assert not dialog.progress.isVisible()
        dialog.run.stage.emit("Drawing 1,000 real pen digits like the canvas: 89%")
        if not dialog._batches_seen:
            assert not dialog.progress.isVisible()
    assert dialog.progress.isVisible()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_the_test_dot_stays_off_the_legend(qtbot, window) -> None:
    """Issue 19, item 19: the accuracy legend sits where the curves are not (bottom right)."""
    from PySide6.QtCore import QPointF

    from model.training.loop import EpochResult

    window.findChild(QAction, "actionRetrain").trigger()
    dialog = window.findChild(RetrainDialog)
    curves = dialog.curves
    curves.set_epochs(4)
    for epoch, acc in enumerate((0.97, 0.98, 0.985, 0.99), start=1):
        curves.add_epoch(EpochResult(epoch, 0.1, 0.95, acc, 1.0))
    qtbot.waitUntil(lambda: curves.acc_plot.isVisible())
    item = curves.acc_plot.getPlotItem()
    item.vb.autoRange()
    legend = item.legend.sceneBoundingRect()
    for x, y in zip(curves._test_x, curves._test_acc):
        assert not legend.contains(item.vb.mapViewToScene(QPointF(x, y)))
