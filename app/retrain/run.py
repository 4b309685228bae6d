"""A retrain run without widgets: `ModelRun` (app/core/model_run.py) with Retrain's job.

    idle ──start──▶ loading ──▶ training ──▶ evaluating ──┬──▶ finished  (outcome)
                                                           ├──▶ failed
                                                           └──▶ cancelled

The states, the job's thread, stop, use / save / discard are the shared `ModelRun`'s; this
adds the finer running states, the stage text, batches and epochs for the curves, and the
preview of the network in training: while it is on, each snapshot reads the drawing through
`LiveSession.preview`, and the active model comes back when the run ends or the preview is
switched off. The dialog (`app.retrain.dialog`) is a view of this object.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance

from app.core.jobs import Callback, Job
from app.core.model_run import CANCELLED, FAILED, FINISHED, IDLE, ModelRun
from app.core.session import LiveSession
from app.retrain.worker import (
    EVALUATING,
    LOADING,
    TRAINING,
    RetrainJob,
    RetrainOutcome,
    RetrainRequest,
    frozen_copy,
)
from model.config import ModelConfig, TrainConfig
from model.files.checkpoint import Checkpoint
from model.network.inference import Predictor

log = logging.getLogger(__name__)

__all__ = ["CANCELLED", "EVALUATING", "FAILED", "FINISHED", "IDLE", "LOADING", "TRAINING"]

RUNNING = (LOADING, TRAINING, EVALUATING)


class RetrainRun(ModelRun):
    """One retrain at a time; see the module docstring for the states."""

    stage = Signal(str)  # human-readable phase text
    preparing = Signal(float)  # how much of the pool the stage line names is drawn (0-1)
    batches = Signal(object)  # list[BatchProgress] since the last emission
    epoch_result = Signal(object)  # EpochResult

    JOB_NAME = "retrain"

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self._preview = False

    @property
    def outcome(self) -> RetrainOutcome | None:
        """The finished, not yet discarded run's result."""
        return self.result  # type: ignore[return-value]

    @outcome.setter
    def outcome(self, outcome: RetrainOutcome | None) -> None:
        self.result = outcome

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
        job = RetrainJob(request)
        job.set_preview(self._preview)
        log.info("retrain: %s", request.train_config)
        self.start_job(job, LOADING)

    def set_preview(self, enabled: bool) -> None:
        self._preview = enabled
        job = self.jobs.job
        if isinstance(job, RetrainJob):
            job.set_preview(enabled)
        if not enabled:
            self.session.end_preview()

    # ----- what the base asks -----------------------------------------------------------------
    def job_signals(self, job: Job) -> dict[SignalInstance, Callback]:
        assert isinstance(job, RetrainJob)
        return {
            job.stage: self._on_stage,
            job.preparing: self.preparing.emit,
            job.epoch_result: self.epoch_result.emit,
            job.snapshot: self._on_snapshot,
        }

    def unsaved_label(self) -> str:
        return QCoreApplication.translate("RetrainRun", "retrained {0:%H:%M}").format(
            dt.datetime.now()
        )

    # ----- the job's reports ------------------------------------------------------------------
    def _on_stage(self, phase: str, text: str) -> None:
        self._set_state(phase)
        self.stage.emit(text)

    def _on_progress(self, batches: object) -> None:
        if batches:
            self._set_state(TRAINING)
            self.batches.emit(batches)
            super()._on_progress(batches)

    def _on_snapshot(self, predictor: Predictor) -> None:
        if not self._preview:
            return
        epochs = predictor.checkpoint.metadata.get("epochs_done", 0)
        note = QCoreApplication.translate(
            "RetrainRun",
            "Preview: the network in training, after {0:g} epochs (the active model is unchanged)",
        ).format(epochs)
        self.session.preview(predictor, note)
