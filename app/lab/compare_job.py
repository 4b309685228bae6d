"""The side-by-side's measurement as a background job (app/core/jobs.py): two networks, one
fraction done, cancellable at the next batch.

MNIST test comes from the shared data cache (read once per folder, shared with Insight, the
shift test and Retrain); the pen digits of the validation writers (never trained on, of every
source found) are drawn once per session by the fast raster path and kept in the cache too.
Each network is measured by `model.analysis.design_compare.measure` on a frozen copy, so the
GUI thread may go on reading the drawing with the active one meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from app.core.data_cache import DATA_CACHE, file_identity
from app.core.jobs import Job
from app.data.pen_sources import cached_pen_sources, found_files
from app.retrain.worker import frozen_copy
from model.analysis.design_compare import DesignFigures, measure
from model.data.mnist import MnistSplit
from model.data.pen_digits import RenderedSet, render_eval_set, spread_subset
from model.data.pen_split import VALIDATION
from model.files.checkpoint import Checkpoint

#: The data cache's kind for the drawn validation writers' pen digits.
PEN_VALIDATION = "lab-pen-validation"


class CompareJob(Job):
    """Figures of each named checkpoint; the result is `{name: DesignFigures}` in order."""

    def __init__(
        self,
        networks: dict[str, Checkpoint],
        mnist_dir: Path | None,
        pen_dir: Path | None,
        limit: int | None = None,
        pen_limit: int | None = None,
    ) -> None:
        super().__init__()
        self.networks = {
            name: Checkpoint(frozen_copy(c.model), c.normalization, dict(c.metadata), c.path)
            for name, c in networks.items()
        }
        self.mnist_dir, self.pen_dir = mnist_dir, pen_dir
        self.limit, self.pen_limit = limit, pen_limit

    def _mnist(self) -> MnistSplit | None:
        if self.mnist_dir is None:
            return None
        split = DATA_CACHE.mnist_split(self.mnist_dir, "test")
        if self.limit is None:
            return split
        return MnistSplit(split.images[: self.limit], split.labels[: self.limit])

    def _pen(self) -> RenderedSet | None:
        files = found_files(self.pen_dir)
        if not any(files.values()):
            return None
        key = (tuple(file_identity(p) for p in files.values()), self.pen_limit)

        def draw() -> RenderedSet:
            pens = cached_pen_sources(self.pen_dir)
            digits = spread_subset(pens.digits(VALIDATION), self.pen_limit)
            return render_eval_set(digits, fast=True)

        rendered = DATA_CACHE.get_or_load(PEN_VALIDATION, key, draw)
        return rendered if len(rendered.labels) else None

    def work(self) -> dict[str, DesignFigures]:
        mnist = self._mnist()
        self.check_cancel()
        pen = self._pen()
        self.check_cancel()
        count = len(self.networks)
        results: dict[str, DesignFigures] = {}
        for i, (name, checkpoint) in enumerate(self.networks.items()):

            def progress(done: int, total: int, i: int = i) -> None:
                self.report((i + done / max(total, 1)) / count)

            results[name] = measure(checkpoint, mnist, pen, progress, self.is_cancel_requested)
        return results
