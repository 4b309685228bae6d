"""A fine-tune run without widgets: the background job, the outcome, use, save and preview.

The job loads what keeps the network from forgetting (MNIST and the real pen digits, when they
are on disk, through the shared data cache), then calls the one fine-tune function in
`model.training.finetune`, the same the CLI calls. The run is the shared `ModelRun`
(app/core/model_run.py): it owns the job's thread and the session's preview; a finished network
reads the canvas (`LiveSession.preview`) until it is used, discarded or the dialog closes, so
the user can try it before choosing. Cancelling, failing or closing leaves the active model and
every file unchanged. `app/teach/finetune_dialog.py` is a view of this.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication

from app.core.cpu import training_threads
from app.core.data_cache import DATA_CACHE
from app.core.data_location import DATA_LOCATION
from app.core.jobs import Job
from app.core.model_run import ModelRun
from model.analysis.accuracy import report
from model.config import FinetuneConfig, TrainConfig
from model.data.pen_digits import find_pen_file
from model.errors import DataError
from model.files.checkpoint import Checkpoint
from model.training.finetune import FinetuneResult, finetune
from model.training.loop import TrainingData, predict_logits

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
    pen_file: Path | None = None  # None: looked for (`find_pen_file`)


@dataclass
class FinetuneOutcome(FinetuneResult):
    """A `FinetuneResult` with MNIST test accuracy per digit before and after (None without
    MNIST): a fine-tune on crossed 7s can make MNIST 2s read as 7, and only the per-digit change
    shows it."""

    mnist_by_class: tuple[np.ndarray, np.ndarray] | None = None  # (before, after), (10,) each

    @classmethod
    def of(cls, result: FinetuneResult, by_class: tuple | None) -> FinetuneOutcome:
        values = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
        return cls(**values, mnist_by_class=by_class)


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
                    pen = self._pen_digits()
                except DataError as exc:  # a damaged file: tune without it, the note says so
                    log.warning("pen digits not used: %s", exc)
            self.check_cancel()
            result = finetune(
                r.checkpoint,
                r.drawings,
                mnist=mnist,
                pen_digits=pen,
                config=r.config,
                progress=self.report,
                cancel=self.is_cancel_requested,
            )
            by_class = None
            if mnist is not None:
                by_class = mnist_by_class(r.checkpoint, result.checkpoint, mnist, r.config)
            return FinetuneOutcome.of(result, by_class)
        finally:
            torch.set_num_threads(threads)

    def _mnist(self) -> TrainingData | None:
        """MNIST from the shared cache (read once per session), None where it is absent."""
        data_dir = self.request.data_dir or DATA_LOCATION.mnist_dir()
        train_subset, test_subset = self.request.mnist_subset
        config = TrainConfig(train_subset=train_subset, test_subset=test_subset)
        try:
            return DATA_CACHE.training_data(data_dir, config, check_cancel=self.check_cancel)
        except DataError as exc:
            log.info("fine-tuning without MNIST: %s", exc)
            return None

    def _pen_digits(self) -> list | None:
        """The training writers' pen digits from the shared cache, None without the file."""
        path = self.request.pen_file or find_pen_file()
        return DATA_CACHE.pen_digits(path) if path is not None else None


class FinetuneRun(ModelRun):
    """One fine-tune at a time (`ModelRun`): `progress(FinetuneProgress)`; a finished network
    previews at once, until it is used or discarded."""

    JOB_NAME = "finetune"

    def start(self, request: FinetuneRequest) -> None:
        """Start fine-tuning; the caller checks `is_running()` first."""
        self.start_job(FinetuneJob(request))

    def unsaved_label(self) -> str:
        return QCoreApplication.translate("FinetuneRun", "fine-tuned {0}").format(
            f"{dt.datetime.now():%H:%M}"
        )

    def result_preview_note(self) -> str:
        return QCoreApplication.translate(
            "FinetuneRun",
            "Preview: the fine-tuned network reads your drawing (the active model is "
            "unchanged until you press “Use this model”)",
        )


def result_notes(result: FinetuneResult) -> list[str]:
    """What the user should know about a fine-tune, in their language (`FinetuneResult.note`
    says the same in English for the command line)."""
    notes = []
    if result.skipped:
        notes.append(
            QCoreApplication.translate(
                "FinetuneRun", "Drawings too faint or small to read, skipped: {0}."
            ).format(result.skipped)
        )
    if not result.held_out:
        notes.append(
            QCoreApplication.translate(
                "FinetuneRun",
                "Measured on the drawings it was taught: keep two or more of a digit to "
                "measure on one it has not seen.",
            )
        )
    if not result.replayed:
        notes.append(
            QCoreApplication.translate(
                "FinetuneRun",
                "No MNIST or pen digits to replay: the network may forget other writing.",
            )
        )
    return notes


def mnist_by_class(
    before: Checkpoint, after: Checkpoint, mnist: TrainingData, config: FinetuneConfig
) -> tuple[np.ndarray, np.ndarray]:
    """MNIST test accuracy of each digit for both networks, on the test images the fine-tune
    measured (`config.mnist_test_subset`)."""
    n = config.mnist_test_subset
    x, labels = mnist.test_x[:n], mnist.test_y[:n].numpy()
    out = []
    for checkpoint in (before, after):
        inputs = (x - checkpoint.normalization.mean) / checkpoint.normalization.std
        predicted = predict_logits(checkpoint.model, inputs).argmax(1).numpy()
        out.append(report(predicted, labels).per_class)
    return out[0], out[1]
