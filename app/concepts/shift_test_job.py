"""The "shift test" as a background job: test accuracy against shift for several networks.

Wraps `model.analysis.shift.shift_test` (MNIST test images moved 0–4 px, a quarter in each
direction) for each network in turn, reporting one overall fraction done and stopping at the
next batch when cancelled. The test split comes from the shared data cache (read once per
folder, shared with Insight and Retrain), so running the test again starts at once. The panel
runs it through its `app.core.jobs.JobSlot`, so quitting stops it.
"""

from __future__ import annotations

from pathlib import Path

from app.core.data_cache import DATA_CACHE
from app.core.jobs import Job
from model.analysis.shift import MAX_SHIFT, ShiftTestResult, shift_test
from model.network.inference import Predictor

BATCH = 1000  # images per batch: progress and cancel every ~0.1 s


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
        split = DATA_CACHE.mnist_split(self.data_dir, "test")
        images, labels = split.images, split.labels
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
