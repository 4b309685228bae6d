"""The background-job protocol of the model functions: progress callback and cancel check.

Long model-side jobs (evaluating a data set, the shift test) take `on_progress(done, total)`,
called after each batch, and `should_cancel()`, polled before each batch; when it returns true
the job raises `Cancelled` and returns nothing partial. A GUI worker thread drives them as is.

`Cancelled` is looked up here, in one place: today it is `model.errors.TrainingCancelled`;
should `model.errors` gain a general `Cancelled`, this picks it up.
"""

from __future__ import annotations

from collections.abc import Callable

from model import errors

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

# `or` evaluates TrainingCancelled only where there is no Cancelled (it may be renamed away)
Cancelled: type[errors.LeNetLensError] = (
    getattr(errors, "Cancelled", None) or errors.TrainingCancelled
)


def check_cancel(should_cancel: CancelCheck | None, what: str) -> None:
    """Raise `Cancelled("<what> cancelled")` if the caller asked to stop."""
    if should_cancel is not None and should_cancel():
        raise Cancelled(f"{what} cancelled")


def report(on_progress: ProgressCallback | None, done: int, total: int) -> None:
    if on_progress is not None:
        on_progress(done, total)
