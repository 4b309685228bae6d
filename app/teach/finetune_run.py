"""A fine-tune run without widgets: the background job, the outcome, use, save and preview.

The job loads what keeps the network from forgetting (MNIST through the shared cache, the real
pen digits when they are on disk), then calls the one fine-tune function in
`model.training.finetune`,
the same the CLI calls. The run object owns the job's thread and the session's preview: a
finished network reads the canvas (`LiveSession.preview`) until it is used, discarded or the
dialog closes, so the user can try it before choosing. Cancelling, failing or closing leaves
the active model and every file unchanged. `app/teach/finetune_dialog.py` is a view of this.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import torch
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot

from app.core.cpu import training_threads
from app.core.data_cache import DATA_CACHE, DataCache
from app.core.jobs import Job, JobThread, start_job
from app.core.result_files import save_result
from app.core.session import LiveSession
from model.config import FinetuneConfig, TrainConfig
from model.data.mnist import load_split, resolve_data_dir
from model.data.pen_digits import find_pen_file, load_pen_digits, training_writers
from model.errors import DataError
from model.files.checkpoint import Checkpoint
from model.training.finetune import FinetuneResult, finetune
from model.training.loop import TrainingData

log = logging.getLogger(__name__)

IDLE, RUNNING, FINISHED, FAILED, CANCELLED = "idle", "running", "finished", "failed", "cancelled"


@dataclass(frozen=True)
class FinetuneRequest:
    """What one fine-tune needs; `mnist_subset` (train, test) keeps tests quick."""

    checkpoint: Checkpoint
    drawings: tuple
    data_dir: Path | None = None
    config: FinetuneConfig = dataclasses.field(default_factory=FinetuneConfig)
    mnist_subset: tuple[int | None, int | None] = (None, None)
    use_mnist: bool = True
    use_pen: bool = True


_pen_lock = threading.Lock()
_pen_digits: dict[str, list] = {}  # the same list each run, so model.training.replay caches renders


def _training_pen_digits() -> list | None:
    path = find_pen_file()
    if path is None:
        return None
    with _pen_lock:
        if str(path) not in _pen_digits:
            _pen_digits.clear()
            _pen_digits[str(path)] = training_writers(load_pen_digits(path))
        return _pen_digits[str(path)]


class FinetuneJob(Job):
    """Loads the replay data and fine-tunes; the result is a `FinetuneResult`."""

    def __init__(self, request: FinetuneRequest) -> None:
        super().__init__()
        self.request = request

    def work(self) -> FinetuneResult:
        threads = torch.get_num_threads()
        try:
            torch.set_num_threads(training_threads())
            r = self.request
            mnist = self._mnist() if r.use_mnist else None
            self.check_cancel()
            pen = None
            if r.use_pen:
                try:
                    pen = _training_pen_digits()
                except DataError as exc:  # a damaged file: tune without it, the note says so
                    log.warning("pen digits not used: %s", exc)
            self.check_cancel()
            return finetune(
                r.checkpoint,
                r.drawings,
                mnist=mnist,
                pen_digits=pen,
                config=r.config,
                progress=self.report,
                cancel=self.is_cancel_requested,
            )
        finally:
            torch.set_num_threads(threads)

    def _mnist(self) -> TrainingData | None:
        """MNIST from the shared cache (loaded once per session), None where it is absent."""
        data_dir = resolve_data_dir(self.request.data_dir)
        train_subset, test_subset = self.request.mnist_subset
        config = TrainConfig(train_subset=train_subset, test_subset=test_subset)
        key = DataCache.key(data_dir, config)
        cached = DATA_CACHE.get(key)
        if cached is not None:
            return cached
        try:
            train = load_split("train", data_dir)
            self.check_cancel()
            test = load_split("test", data_dir)
        except DataError as exc:
            log.info("fine-tuning without MNIST: %s", exc)
            return None
        data = TrainingData.from_splits(train, test, train_subset, test_subset)
        DATA_CACHE.clear()  # never two copies of MNIST at once
        DATA_CACHE.put(key, data)
        return data


class FinetuneRun(QObject):
    """One fine-tune at a time. `progress(FinetuneProgress)`; `ended(state)` after the thread."""

    progress = Signal(object)
    ended = Signal(str)

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = IDLE
        self.result: FinetuneResult | None = None
        self.error: BaseException | None = None
        self._handle: JobThread | None = None
        self._outcome = FAILED

    def is_running(self) -> bool:
        return self._handle is not None

    def start(self, request: FinetuneRequest) -> None:
        if self._handle is not None:
            raise RuntimeError("a fine-tune is already running")
        self.discard()
        self.error = None
        self._outcome = FAILED
        job = FinetuneJob(request)
        job.progress.connect(self.progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.done.connect(self._on_done)
        self.state = RUNNING
        self._handle = start_job(job, "finetune")

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def stop(self) -> None:
        """Cancel and wait (closing): nothing of the run survives."""
        if self._handle is not None:
            handle, self._handle = self._handle, None
            handle.stop()
            QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
            self.state = CANCELLED
            self.result = None
            self.ended.emit(CANCELLED)
        self.session.end_preview()

    # ----- the result -----------------------------------------------------------------------
    def use(self) -> str | None:
        """Make the fine-tuned network the active model; its label, or None without one."""
        if self.result is None:
            return None
        from model.network.inference import Predictor

        checkpoint = self.result.checkpoint
        label = (
            checkpoint.path.name
            if checkpoint.path is not None
            else (
                QCoreApplication.translate("FinetuneRun", "fine-tuned {0}").format(
                    f"{dt.datetime.now():%H:%M}"
                )
            )
        )
        self.session.end_preview()
        self.session.set_predictor(Predictor(checkpoint), label=label)
        return label

    def save(self, path: str | Path) -> Path:
        """Save the fine-tuned network (atomically; `.pt` added). Raises `CheckpointError`."""
        if self.result is None:
            raise RuntimeError("no finished fine-tune to save")
        return save_result(self.session, self.result.checkpoint, path)

    def discard(self) -> None:
        """Forget an unused result and stop previewing it."""
        self.result = None
        self.session.end_preview()

    # ----- the job's reports ----------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, result: FinetuneResult) -> None:
        self.result = result
        self._outcome = FINISHED

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self._outcome = FAILED

    @Slot()
    def _on_cancelled(self) -> None:
        self._outcome = CANCELLED

    @Slot()
    def _on_done(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        handle.wait()
        self.state = self._outcome
        if self.result is not None:
            from model.network.inference import Predictor

            note = QCoreApplication.translate(
                "FinetuneRun",
                "Preview: the fine-tuned network reads your drawing (the active model is "
                "unchanged until you press “Use this model”)",
            )
            self.session.preview(Predictor(self.result.checkpoint), note)
        self.ended.emit(self.state)
