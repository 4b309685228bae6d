"""Two designs side by side: what a change of padding, stride or pooling did, measured.

For one trained network (a `Checkpoint`) `measure` gives the figures the architecture lab puts
beside another's: its parameters and multiply-adds (from the design, model/analysis/shapes.py),
its accuracy on MNIST test and on the pen digits of the validation writers (never trained on),
the time one image takes, and the shift-tolerance curve (`model.analysis.shift.shift_test`:
accuracy with every test image moved 0..4 px). MNIST accuracy is that curve's first point (a
shift of 0 is the plain test set), so the test set is read once, not twice.

Qt-free and cancellable (`should_cancel`, raising `Cancelled`), reporting one fraction done, so
the app runs it as a background job (app/lab/compare_job.py) and a script can call it directly.
The time per image is the median of single-image forward passes on the calling thread: a
figure to compare two designs measured the same way, not a benchmark (tools/arch_bench.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import torch

from model.analysis.accuracy import rendered_logits
from model.analysis.shapes import shape_table
from model.analysis.shift import MAX_SHIFT, ShiftTestResult, shift_test
from model.data.mnist import MnistSplit
from model.data.pen_digits import RenderedSet
from model.files.checkpoint import Checkpoint
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report
from model.network.architecture import Architecture
from model.network.builder import architecture_of

#: Single-image passes timed per network (after a few untimed ones).
TIMED_PASSES = 60


@dataclass(frozen=True)
class DesignFigures:
    """What the side-by-side shows for one network (None: that data set was not available)."""

    design: Architecture
    params: int
    macs: int
    shift: ShiftTestResult | None  # accuracy at 0..4 px on MNIST test
    pen_accuracy: float | None  # on the pen validation writers' digits
    pen_count: int
    ms_per_image: float

    @property
    def mnist_accuracy(self) -> float | None:
        """MNIST test accuracy: the shift curve at 0 px."""
        return None if self.shift is None else float(self.shift.accuracy[0])

    @property
    def mnist_count(self) -> int:
        return 0 if self.shift is None else self.shift.count


@torch.inference_mode()
def time_per_image_ms(model: torch.nn.Module, passes: int = TIMED_PASSES) -> float:
    """Median milliseconds of one forward pass of one image, on this thread."""
    was_training = model.training
    model.eval()
    x = torch.zeros(1, 1, 32, 32)
    try:
        for _ in range(5):
            model(x)
        times = []
        for _ in range(passes):
            start = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - start)
    finally:
        model.train(was_training)
    return float(np.median(times) * 1000.0)


def pen_accuracy(checkpoint: Checkpoint, pen: RenderedSet) -> float:
    """Accuracy on rendered pen digits (as the canvas draws them, preprocessed like the app)."""
    predicted = rendered_logits(checkpoint, pen).argmax(1).numpy()
    return float((predicted == pen.labels).mean()) if len(pen.labels) else 0.0


def measure(
    checkpoint: Checkpoint,
    mnist_test: MnistSplit | None,
    pen_validation: RenderedSet | None,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
    passes: int = TIMED_PASSES,
) -> DesignFigures:
    """Every figure of the side-by-side for one network; raises `Cancelled` when asked to stop.
    `on_progress(done, total)` in steps of the shift test's batches."""
    design = architecture_of(checkpoint.model)
    table = shape_table(design)
    shift = None
    if mnist_test is not None and len(mnist_test.labels):

        def progress(done: int, total: int) -> None:
            report(on_progress, done, total + 1)

        shift = shift_test(
            checkpoint.model,
            mnist_test.images,
            mnist_test.labels,
            checkpoint.normalization,
            distances=range(MAX_SHIFT + 1),
            batch_size=1000,
            on_progress=progress,
            should_cancel=should_cancel,
        )
    check_cancel(should_cancel, "comparison")
    pen = None
    count = 0
    if pen_validation is not None and len(pen_validation.labels):
        pen, count = pen_accuracy(checkpoint, pen_validation), len(pen_validation.labels)
    check_cancel(should_cancel, "comparison")
    ms = time_per_image_ms(checkpoint.model, passes)
    report(on_progress, 1, 1)
    return DesignFigures(design, table.total_params, table.total_macs, shift, pen, count, ms)
