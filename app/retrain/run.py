"""A retrain run without widgets: the state machine, the outcome and the preview.

    idle ──start──▶ loading ──▶ training ──┬──▶ finished   (outcome: a RetrainOutcome)
                                           ├──▶ failed     (error: the exception)
                                           └──▶ cancelled  (cancel(), stop(), closing)

Any state but loading/training may start again. `ended(state)` comes once per run after its
thread has ended, so the owner can tidy up in one place. While the preview is on, each snapshot
of the network in training reads the drawing through `LiveSession.preview`; the active model
comes back (`end_preview`) when the run ends or the preview is switched off. The dialog
(`app.retrain.dialog`) is a view of this object.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot

from app.core.jobs import JobThread, start_job
from app.core.result_files import save_result
from app.core.session import LiveSession
from app.retrain.worker import (
    EVALUATING,
    LOADING,
    TRAINING,
    RetrainJob,
    RetrainOutcome,
    RetrainRequest,
    failure_message,
    frozen_copy,
)
from model.config import ModelConfig, TrainConfig
from model.files.checkpoint import Checkpoint
from model.network.inference import Predictor

log = logging.getLogger(__name__)

IDLE, FINISHED, FAILED, CANCELLED = "idle", "finished", "failed", "cancelled"
RUNNING = (LOADING, TRAINING, EVALUATING)


class RetrainRun(QObject):
    """One retrain at a time; see the module docstring for the states."""

    state_changed = Signal(str)
    stage = Signal(str)  # human-readable phase text
    batches = Signal(object)  # list[BatchProgress] since the last emission
    epoch_result = Signal(object)  # EpochResult
    ended = Signal(str)  # FINISHED, FAILED or CANCELLED, after the thread has ended

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = IDLE
        self.outcome: RetrainOutcome | None = None
        self.error: BaseException | None = None
        self.error_message: str | None = None
        self._handle: JobThread | None = None
        self._preview = False
        self._result_state = FAILED

    # ----- queries ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._handle is not None

    @property
    def thread(self) -> QThread | None:
        """The running job's thread (tests check that it ends)."""
        return self._handle.thread if self._handle is not None else None

    # ----- control ----------------------------------------------------------------------------
    def request(
        self,
        data_dir: Path,
        config: TrainConfig,
        model_config: ModelConfig,
        torch_threads: int | None = None,
        drawings: tuple = (),
        pen_file: Path | None = None,
        device: str = "auto",
    ) -> RetrainRequest:
        """A request that also measures the active model on the run's test images."""
        active = self.session.predictor.checkpoint
        baseline = Checkpoint(
            frozen_copy(active.model), active.normalization, dict(active.metadata)
        )
        return RetrainRequest(
            data_dir,
            config,
            model_config,
            baseline,
            torch_threads,
            drawings=drawings,
            pen_file=pen_file,
            device=device,
        )

    def start(self, request: RetrainRequest) -> None:
        """Start a run; the caller checks `is_running()` first."""
        if self._handle is not None:
            raise RuntimeError("a retrain run is already running")
        self.outcome, self.error, self.error_message = None, None, None
        self._result_state = FAILED
        job = RetrainJob(request)
        job.set_preview(self._preview)
        job.stage.connect(self._on_stage)
        job.progress.connect(self._on_batches)
        job.epoch_result.connect(self._on_epoch)
        job.snapshot.connect(self._on_snapshot)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.done.connect(self._on_done)
        self._set_state(LOADING)
        log.info("retrain: %s", request.train_config)
        self._handle = start_job(job, "retrain")

    def cancel(self) -> None:
        """Ask the run to stop; it ends (`ended("cancelled")`) within a batch or so."""
        if self._handle is not None:
            self._handle.cancel()

    def set_preview(self, enabled: bool) -> None:
        self._preview = enabled
        if self._handle is not None:
            self._handle.job.set_preview(enabled)
        if not enabled:
            self.session.end_preview()

    def stop(self) -> None:
        """Cancel and wait for the thread (closing): safe to destroy afterwards."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        handle.stop()
        # The stopped job's last signals are still queued for this object: drop them, so
        # they can never be mistaken for a later run's.
        QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
        self.session.end_preview()
        self._set_state(CANCELLED)
        self.ended.emit(CANCELLED)

    # ----- the result -------------------------------------------------------------------------
    def use(self) -> str | None:
        """Make the finished run's network the active model; its label, or None if none."""
        if self.outcome is None:
            return None
        checkpoint = self.outcome.checkpoint
        if checkpoint.path is not None:
            label = checkpoint.path.name
        else:
            label = self.tr("retrained {0:%H:%M}").format(dt.datetime.now())
        self.session.set_predictor(Predictor(checkpoint), label=label)
        return label

    def save(self, path: str | Path) -> Path:
        """Save the result (atomically, `.pt` added if missing). Raises `CheckpointError`."""
        if self.outcome is None:
            raise RuntimeError("no finished run to save")
        saved = save_result(self.session, self.outcome.checkpoint, path)
        log.info("retrained weights saved to %s", saved)
        return saved

    def discard(self) -> None:
        """Forget an unused result (its network lives on only if it is the active model)."""
        self.outcome = None

    # ----- the job's reports ------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    @Slot(str, str)
    def _on_stage(self, phase: str, text: str) -> None:
        if self._handle is not None:
            self._set_state(phase)
            self.stage.emit(text)

    @Slot(object)
    def _on_batches(self, batches: list) -> None:
        if self._handle is not None and batches:
            self._set_state(TRAINING)
            self.batches.emit(batches)

    @Slot(object)
    def _on_epoch(self, result: object) -> None:
        if self._handle is not None:
            self.epoch_result.emit(result)

    @Slot(object)
    def _on_snapshot(self, predictor: Predictor) -> None:
        if self._handle is None or not self._preview:
            return
        epochs = predictor.checkpoint.metadata.get("epochs_done", 0)
        note = QCoreApplication.translate(
            "RetrainRun",
            "Preview: the network in training, after {0:g} epochs (the active model is unchanged)",
        ).format(epochs)
        self.session.preview(predictor, note)

    @Slot(object)
    def _on_finished(self, outcome: RetrainOutcome) -> None:
        self.outcome = outcome
        self._result_state = FINISHED

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self.error_message = failure_message(exc)
        self._result_state = FAILED

    @Slot()
    def _on_cancelled(self) -> None:
        self._result_state = CANCELLED

    @Slot()
    def _on_done(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        handle.wait()
        self.session.end_preview()
        self._set_state(self._result_state)
        self.ended.emit(self._result_state)
