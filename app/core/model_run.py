"""A run that produces a network (Retrain, Fine-tune, the architecture lab next), without widgets.

    idle ──start──▶ running ──┬──▶ finished   (result: the job's result, with a checkpoint)
                              ├──▶ failed     (error: the exception; error_message: in words)
                              └──▶ cancelled  (cancel(), stop(), the window closing)

Any state but running may start again; subclasses may name finer running states (Retrain's
loading, training, evaluating). `ended(state)` comes once per run, after its thread has ended,
so the owner tidies up in one place. The job runs through a `JobSlot`, so a stopped run's late
reports never reach a later one, and quitting stops it. While a run previews, a network reads
the drawing through `LiveSession.preview`; the active model comes back when the run ends, its
result is discarded or used. Nothing changes the active model but `use()`, and nothing writes a
file but `save()` (atomically, `app.core.result_files`). Views: `app.core.model_run_dialog`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, SignalInstance

from app.core.error_text import error_text
from app.core.jobs import Callback, Job, JobSlot
from app.core.result_files import save_result
from app.core.session import LiveSession
from model.errors import LeNetLensError, TrainingDiverged
from model.files.checkpoint import Checkpoint
from model.network.inference import Predictor

log = logging.getLogger(__name__)

IDLE, RUNNING, FINISHED, FAILED, CANCELLED = "idle", "running", "finished", "failed", "cancelled"


def failure_text(exc: BaseException) -> str:
    """What a failed run tells the user, in words (the traceback goes to the log and Details)."""
    if isinstance(exc, TrainingDiverged):
        return QCoreApplication.translate(
            "ModelRun", "Training diverged: {0}. Try a smaller learning rate."
        ).format(exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "ModelRun", "Out of memory: try a smaller batch size or fewer training images."
        )
    if isinstance(exc, LeNetLensError):
        return error_text(exc)
    return QCoreApplication.translate("ModelRun", "Training failed unexpectedly: {0}").format(
        f"{type(exc).__name__}: {exc}"
    )


class ModelRun(QObject):
    """One model-producing run at a time; see the module docstring.

    A subclass builds its job and calls `start_job`; it may route the job's own signals
    (`job_signals`), say how an unsaved result is labelled (`unsaved_label`) and whether a
    finished result previews at once (`result_preview_note`)."""

    state_changed = Signal(str)
    progress = Signal(object)  # the job's progress values
    ended = Signal(str)  # FINISHED, FAILED or CANCELLED, after the thread has ended

    JOB_NAME = "model-run"

    def __init__(self, session: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = IDLE
        self.result: object | None = None
        self.error: BaseException | None = None
        self.error_message: str | None = None
        self.jobs = JobSlot(self.JOB_NAME, self)
        self.jobs.stopped.connect(self._on_stopped)
        self._outcome = FAILED

    # ----- what subclasses say ------------------------------------------------------------
    def job_signals(self, job: Job) -> dict[SignalInstance, Callback]:
        """The job's own signals and their handlers (delivered only while it is current)."""
        return {}

    def checkpoint_of(self, result: object) -> Checkpoint:
        return result.checkpoint  # type: ignore[attr-defined]

    def unsaved_label(self) -> str:
        """The session's label for a result that is in no file yet."""
        raise NotImplementedError

    def result_preview_note(self) -> str | None:
        """The preview note of a finished result, or None: the result does not preview."""
        return None

    def failure_text(self, exc: BaseException) -> str:
        return failure_text(exc)

    # ----- queries ------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.jobs.running

    @property
    def thread(self) -> QThread | None:
        """The running job's thread (tests check that it ends)."""
        return self.jobs.handle.thread if self.jobs.handle is not None else None

    # ----- control ------------------------------------------------------------------------
    def start_job(self, job: Job, state: str = RUNNING) -> None:
        """Start `job`; the caller checks `is_running()` first. An unused result is dropped."""
        if self.is_running():
            raise RuntimeError(f"a {self.JOB_NAME} run is already running")
        self.discard()
        self.error, self.error_message = None, None
        self._outcome = FAILED
        self.jobs.start(
            job,
            progress=self._on_progress,
            finished=self._on_finished,
            failed=self._on_failed,
            cancelled=self._on_cancelled,
            done=self._on_done,
            signals=self.job_signals(job),
        )
        self._set_state(state)

    def cancel(self) -> None:
        """Ask the run to stop; it ends (`ended("cancelled")`) within a batch or so."""
        self.jobs.request_cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (closing): safe to destroy afterwards."""
        self.jobs.stop()

    # ----- the result ---------------------------------------------------------------------
    def use(self) -> str | None:
        """Make the result the active model (one refresh of every view); its label, or None."""
        if self.result is None:
            return None
        checkpoint = self.checkpoint_of(self.result)
        label = checkpoint.path.name if checkpoint.path is not None else self.unsaved_label()
        self.session.set_predictor(Predictor(checkpoint), label=label, end_preview=True)
        return label

    def save(self, path: str | Path) -> Path:
        """Save the result (atomically, `.pt` added if missing). Raises `CheckpointError`."""
        if self.result is None:
            raise RuntimeError("no finished run to save")
        saved = save_result(self.session, self.checkpoint_of(self.result), path)
        log.info("%s: saved to %s", self.JOB_NAME, saved)
        return saved

    def discard(self) -> None:
        """Forget an unused result and stop previewing it (it lives on only if in use)."""
        self.result = None
        self.session.end_preview()

    # ----- the job's reports --------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _on_progress(self, value: object) -> None:
        self.progress.emit(value)

    def _on_finished(self, result: object) -> None:
        self.result = result
        self._outcome = FINISHED

    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        self.error_message = self.failure_text(exc)
        self._outcome = FAILED

    def _on_cancelled(self) -> None:
        self._outcome = CANCELLED

    def _on_done(self) -> None:
        self.session.end_preview()
        note = self.result_preview_note() if self.result is not None else None
        if note is not None:
            self.session.preview(Predictor(self.checkpoint_of(self.result)), note)
        self._set_state(self._outcome)
        self.ended.emit(self._outcome)

    def _on_stopped(self, _job: object) -> None:
        self.result = None
        self.session.end_preview()
        self._set_state(CANCELLED)
        self.ended.emit(CANCELLED)
