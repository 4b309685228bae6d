"""Evaluating a model over a data set on its own thread (the shared job protocol).

The job loads the data set unless the workspace already holds it, then runs
`model.analysis.predictions.evaluate_dataset`, reporting `Progress` (stage, done, total) and
stopping
at the next batch when cancelled. Its result is `(DataSet, Evaluation)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Slot

from app.core.jobs import Job, start_job
from app.insight.providers import DataSetSource
from model.analysis.predictions import evaluate_dataset
from model.data.datasets import DataSet


@dataclass(frozen=True)
class Progress:
    stage: str  # "loading" or "evaluating"
    done: int
    total: int


class EvaluateJob(Job):
    def __init__(
        self, predictor: Any, source: DataSetSource, dataset: DataSet | None = None
    ) -> None:
        super().__init__()
        self.predictor = predictor
        self.source = source
        self.dataset = dataset

    def work(self) -> tuple[DataSet, object]:
        dataset = self.dataset
        if dataset is None:
            dataset = self.source.load(
                lambda done, total: self.report(Progress("loading", done, total)),
                self.is_cancel_requested,
            )
        self.check_cancel()
        evaluation = evaluate_dataset(
            self.predictor,
            dataset,
            batch_size=500,
            on_progress=lambda done, total: self.report(Progress("evaluating", done, total)),
            should_cancel=self.is_cancel_requested,
        )
        return dataset, evaluation


_RUNNING: set = set()  # handles of jobs still running: a QThread must outlive its run


class JobSlot(QObject):
    """One job at a time for a view: starting another cancels the previous one, whose late
    results are ignored; `stop()` cancels and waits (before the window closes)."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.job: Job | None = None
        self.handle = None

    def start(self, job: Job) -> None:
        self.cancel()
        self.job = job
        job.done.connect(self._done)
        self.handle = start_job(job, self.name)
        _RUNNING.add(self.handle)

    @Slot()
    def _done(self) -> None:
        job = self.sender()
        for handle in list(_RUNNING):
            if handle.job is job:
                handle.wait()  # `done` comes just before the thread ends: let it end first
                _RUNNING.discard(handle)
        if job is self.job:
            self.job, self.handle = None, None

    def is_current(self, job: object) -> bool:
        return job is self.job

    @property
    def running(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
        self.job, self.handle = None, None

    def stop(self) -> None:
        """Cancel and wait for every job this slot started."""
        handles = [h for h in _RUNNING if h.thread.objectName() == self.name]
        for handle in handles:
            handle.stop()
        self.job, self.handle = None, None
