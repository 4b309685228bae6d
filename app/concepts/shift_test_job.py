"""The "shift test" as a background job: test accuracy against shift for several networks.

Wraps `model.analysis.shift.shift_test` (MNIST test images moved 0–4 px, a quarter in each
direction)
for each network in turn, reporting one overall fraction done and stopping at the next batch
when cancelled. The test split is read once per folder and kept (10,000 images, 8 MB), so
running the test again starts at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.core.jobs import Job, JobThread, start_job
from model.analysis.shift import MAX_SHIFT, ShiftTestResult, shift_test
from model.data.mnist import load_split
from model.network.inference import Predictor

BATCH = 1000  # images per batch: progress and cancel every ~0.1 s

_split_lock = threading.Lock()
_splits: dict[str, tuple[np.ndarray, np.ndarray]] = {}


def test_split(data_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    """MNIST test images and labels of `data_dir`, read once. Raises `DataError`."""
    key = str(Path(data_dir).resolve())
    with _split_lock:
        if key not in _splits:
            split = load_split("test", data_dir)
            _splits[key] = (split.images, split.labels)
        return _splits[key]


class ShiftTestJob(Job):
    """Accuracy at shifts 0..4 px for each named network; progress is a fraction 0..1.

    The result is `{name: ShiftTestResult}` in the order given.
    """

    def __init__(
        self, networks: dict[str, Predictor], data_dir: Path, limit: int | None = None
    ) -> None:
        super().__init__()
        self.networks = dict(networks)
        self.data_dir = Path(data_dir)
        self.limit = limit

    def work(self) -> dict[str, ShiftTestResult]:
        images, labels = test_split(self.data_dir)
        if self.limit is not None:
            images, labels = images[: self.limit], labels[: self.limit]
        results: dict[str, ShiftTestResult] = {}
        count = len(self.networks)
        for i, (name, predictor) in enumerate(self.networks.items()):
            self.check_cancel()

            def progress(done: int, total: int, i: int = i) -> None:
                self.report((i + done / max(total, 1)) / count)

            results[name] = shift_test(
                predictor,
                images,
                labels,
                predictor.normalization,
                distances=range(MAX_SHIFT + 1),
                batch_size=BATCH,
                on_progress=progress,
                should_cancel=self.is_cancel_requested,
            )
        return results


_RUNNING: set[JobThread] = set()


def start(job: ShiftTestJob) -> JobThread:
    """Start the job on its own thread. The handle is kept here until its thread has ended (a
    QThread must never be destroyed while running, whatever happens to the view that started
    it) and is stopped if the application quits first."""
    for old in [h for h in _RUNNING if h.thread.isFinished()]:
        _RUNNING.discard(old)
    handle = start_job(job, "shift-test")
    _RUNNING.add(handle)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(handle.stop)
    return handle
