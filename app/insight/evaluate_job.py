"""Evaluating a model over a data set on its own thread (the shared job protocol).

The job loads the data set unless the workspace already holds it, then runs
`model.analysis.predictions.evaluate_dataset`, reporting `Progress` (stage, done, total) and
stopping at the next batch when cancelled. Its result is `(DataSet, Evaluation)`. The views
run it through `app.core.jobs.JobSlot` (re-exported here), so quitting stops it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.jobs import Job, JobSlot
from app.insight.providers import DataSetSource
from model.analysis.predictions import evaluate_dataset
from model.data.datasets import DataSet
from model.network.inference import Predictor

__all__ = ["EvaluateJob", "JobSlot", "Progress"]


@dataclass(frozen=True)
class Progress:
    stage: str  # "loading" or "evaluating"
    done: int
    total: int


class EvaluateJob(Job):
    def __init__(
        self, predictor: Predictor, source: DataSetSource, dataset: DataSet | None = None
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
