"""Issue 17, item 3: one base for model-producing runs, one owner of background jobs, one data
cache. What a user would notice: closing the window stops every job whoever started it; a
fine-tune failure reads as a sentence in their language with file names and markup shown
literally; "Use this model" refreshes the views once; the Train button speaks Chinese; MNIST is
read once for Retrain, Fine-tune and Insight."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app import i18n
from app.core import data_cache
from app.core.data_cache import DATA_CACHE
from app.core.jobs import job_owner
from app.insight.providers import DataSetSource, mnist_test_source
from app.retrain import RetrainDialog
from app.retrain.worker import RetrainJob, RetrainRequest
from app.teach.finetune_run import FinetuneJob, FinetuneRequest
from model.config import FinetuneConfig, ModelConfig, TrainConfig
from model.errors import Cancelled
from tests.gui.insight_helpers import open_insight
from tests.gui.mouse import draw_stroke
from tests.gui.teach_support import draw_one

QUICK = FinetuneConfig(steps=4, batch_size=16, variants=1, pen_replay=0, mnist_test_subset=100)
SEVEN = [(60.0 + 4 * i, 60.0) for i in range(40)] + [
    (220.0 - 3 * i, 60.0 + 5 * i) for i in range(36)
]


@pytest.fixture
def chinese():
    assert i18n.install_language(i18n.CHINESE)
    yield
    i18n.install_language(i18n.ENGLISH)


def wait_for_cancel(cancel, what: str) -> None:
    """Block like a long job until cancelled (a cap, so a failing test still ends)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if cancel():
            raise Cancelled(f"{what} cancelled")
        time.sleep(0.01)
    raise RuntimeError(f"{what} was never cancelled")


def test_closing_the_window_stops_the_insight_and_shift_test_jobs(
    qtbot, window, monkeypatch, mnist_dir
) -> None:
    workspace = open_insight(window, monkeypatch)
    slow = DataSetSource("slow", "Slow", lambda _p, cancel: wait_for_cancel(cancel, "loading"))
    workspace.evaluate(slow)
    insight = workspace.jobs.handle
    assert insight is not None and insight.thread.isRunning()

    def endless_shift_test(*_args, should_cancel, **_kwargs):
        wait_for_cancel(should_cancel, "shift test")

    monkeypatch.setattr("app.concepts.shift_test_job.shift_test", endless_shift_test)
    draw_stroke(window.canvas, SEVEN)
    window.switch_workspace("concepts")
    flatten = window.panels["flatten"]
    flatten.data_dir = mnist_dir
    flatten.size_spin.setValue(100)
    qtbot.mouseClick(flatten.run_button, Qt.MouseButton.LeftButton)
    shift = flatten.jobs.handle
    assert shift is not None and shift.thread.isRunning()
    assert {insight, shift} <= set(job_owner().running())

    window.close()
    assert not insight.thread.isRunning() and not shift.thread.isRunning()
    assert job_owner().running() == []


@pytest.fixture
def finetune_dialog(window, data_home):
    draw_one(window.canvas)
    window.teach(1)
    dialog = window.teacher.open_finetune()
    dialog.config = QUICK
    dialog.use_pen = False
    return dialog


def test_a_fine_tune_failure_is_escaped_and_in_the_users_language(
    qtbot, window, finetune_dialog, monkeypatch, chinese
) -> None:
    def broken(*_args, **_kwargs):
        raise ValueError("<b>bold</b> & broken")

    monkeypatch.setattr("app.teach.finetune_run.finetune", broken)
    finetune_dialog.data_dir = Path("/nonexistent")  # no MNIST: straight to the failure
    with qtbot.waitSignal(finetune_dialog.run_ended, timeout=30_000) as ended:
        qtbot.mouseClick(finetune_dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["failed"]
    banner = finetune_dialog.banner
    assert banner.textFormat() == Qt.TextFormat.RichText
    # shown literally: the markup is escaped, not interpreted
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; broken" in banner.text() and "<b>" not in banner.text()
    unchanged = QCoreApplication.translate("ModelRunDialog", "{0} The active model is unchanged.")
    assert unchanged != "{0} The active model is unchanged."  # the catalogue has it
    assert unchanged.replace("{0}", "").strip() in banner.text()
    assert finetune_dialog.details_button.isVisible()  # the traceback, for a bug report
    box = finetune_dialog.show_error_details()
    assert "Traceback" in box.detailedText() and "broken" in box.detailedText()
    box.close()


def test_use_this_model_refreshes_the_views_once(qtbot, window, finetune_dialog, mnist_dir) -> None:
    draw_stroke(window.canvas, SEVEN)
    finetune_dialog.data_dir = mnist_dir
    finetune_dialog.mnist_subset = (1000, 100)
    with qtbot.waitSignal(finetune_dialog.run_ended, timeout=120_000) as ended:
        qtbot.mouseClick(finetune_dialog.start_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    assert window.session.preview_predictor is not None  # the result previews
    refreshes: list[object] = []
    window.session.result_changed.connect(refreshes.append)
    qtbot.mouseClick(finetune_dialog.use_button, Qt.MouseButton.LeftButton)
    assert window.predictor.checkpoint is finetune_dialog.run.result.checkpoint
    assert window.session.preview_predictor is None
    assert len(refreshes) == 1


def test_the_train_button_speaks_chinese(window, chinese) -> None:
    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    train = QCoreApplication.translate("RetrainDialog", "Train")
    assert train != "Train" and dialog.train_button.text() == train
    dialog.close()


def test_mnist_is_read_once_for_retrain_finetune_and_insight(
    window, mnist_dir, monkeypatch
) -> None:
    reads: list[str] = []
    real = data_cache.load_split

    def counting(split: str, data_dir):
        reads.append(split)
        return real(split, data_dir)

    monkeypatch.setattr(data_cache, "load_split", counting)
    DATA_CACHE.clear()
    try:
        tiny = TrainConfig(epochs=1, train_subset=1000, test_subset=200)
        retrain = RetrainJob(RetrainRequest(mnist_dir, tiny, ModelConfig()))._load(mnist_dir, tiny)
        request = FinetuneRequest(
            window.predictor.checkpoint, (), mnist_dir, QUICK, mnist_subset=(1000, 200)
        )
        finetune = FinetuneJob(request)._mnist()
        assert finetune is retrain  # the same loaded object
        dataset = mnist_test_source(mnist_dir).load(None, None)
        assert len(dataset) == 10_000
        split = DATA_CACHE.mnist_split(mnist_dir, "test")
        assert DATA_CACHE.mnist_split(mnist_dir, "test") is split
        assert sorted(reads) == ["test", "train"]  # each file read once for all three
    finally:
        DATA_CACHE.clear()
