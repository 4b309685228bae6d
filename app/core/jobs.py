"""One protocol for every long task: a cancellable job on its own QThread.

A `Job` subclass implements `work()` (on the worker thread) and may call `report(value)` and
`check_cancel()`. Every run emits `started`, any number of `progress(value)`, then exactly one
of `finished(result)`, `failed(exception)` or `cancelled`, and `done` last, so the owner has a
single place to tidy up. Cancellation is the typed exception `model.errors.Cancelled` (training
raises its subclass `TrainingCancelled`); a failure carries the exception itself, logged with
its traceback, so the view can say what went wrong and offer the details.

    job = MyJob(...)
    job.progress.connect(bar.update); job.finished.connect(show); job.failed.connect(say)
    handle = start_job(job, "my-job")      # a JobThread
    handle.cancel()                        # from the GUI thread, any time
    handle.stop()                          # cancel and wait: before a window or dialog closes

Why not superqt's `thread_worker`: its workers run on a shared QThreadPool, so a dialog cannot
join "its" thread when it closes, and it cancels only between the yields of a generator, while
our loops (training, downloading) are library functions that poll a cancel callback. A small
QThread per job keeps stop-and-wait deterministic, which closing mid-run requires (a QThread
destroyed while running aborts the process).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from model.errors import Cancelled

log = logging.getLogger(__name__)


class Job(QObject):
    """A unit of long work; subclasses implement `work()` and may add their own signals."""

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)  # the result of work()
    failed = Signal(object)  # the exception
    cancelled = Signal()
    done = Signal()  # always last, whatever the outcome

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    # Thread-safe controls ------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop; it notices at its next `check_cancel()`."""
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    # For work(), on the worker thread --------------------------------------------------------
    def check_cancel(self) -> None:
        """Raise `Cancelled` if cancel was requested."""
        if self._cancel.is_set():
            raise Cancelled("cancelled")

    def report(self, value: object) -> None:
        self.progress.emit(value)

    def work(self) -> object:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        """The outcome protocol around `work()`; a bug never escapes the thread."""
        self.started.emit()
        try:
            result = self.work()
        except Cancelled:
            log.info("%s cancelled", type(self).__name__)
            self.cancelled.emit()
        except Exception as exc:  # reported with its traceback; the app stays alive
            log.warning("%s failed", type(self).__name__, exc_info=True)
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            release_to_gui_thread(self)
            self.done.emit()


def release_to_gui_thread(worker: QObject) -> None:
    """Hand a finished worker back to the GUI thread, so it is never owned by a dead thread."""
    app = QCoreApplication.instance()
    if app is not None:
        worker.moveToThread(app.thread())


class JobThread:
    """A job and its own QThread, started together and stopped together."""

    def __init__(self, job: Job, name: str = "job") -> None:
        self.job = job
        self.thread = QThread()
        self.thread.setObjectName(name)
        job.moveToThread(self.thread)
        self.thread.started.connect(job.run)
        # Direct: quit from the worker thread itself, so `stop()` waiting on the GUI thread
        # cannot deadlock on a queued quit that the blocked GUI thread would never deliver.
        job.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.job.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread to end.

        Waits without a deadline: every step a job can be in ends on its own within a second
        or so (a batch, a test-set pass, reading a local file, a network timeout), and giving
        up early would destroy a running QThread, which aborts the process.
        """
        self.job.cancel()
        self.wait()

    def wait(self) -> None:
        if self.thread.isRunning():
            self.thread.wait()


def start_job(job: Job, name: str = "job") -> JobThread:
    """Move `job` to a new thread and start it; connect its signals before calling this."""
    handle = JobThread(job, name)
    handle.start()
    return handle
