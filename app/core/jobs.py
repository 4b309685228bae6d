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

The owner side is `JobSlot`: a view or run starts its jobs through its slot, which routes the
outcome to callbacks only while the job is still the slot's own (a replaced or stopped job's
late reports are dropped), and registers every thread with the one `JobOwner`, which keeps the
handle alive until the thread has ended and stops them all when the application quits.

    self.jobs = JobSlot("my-view", self)
    self.jobs.start(job, progress=bar.update, finished=show, failed=say, done=tidy)
    self.jobs.request_cancel()   # the Cancel button: `cancelled` still comes
    self.jobs.cancel()           # forget it: its late reports are dropped
    self.jobs.stop()             # cancel and wait (closing)

Why not superqt's `thread_worker`: its workers run on a shared QThreadPool, so a dialog cannot
join "its" thread when it closes, and it cancels only between the yields of a generator, while
our loops (training, downloading) are library functions that poll a cancel callback. A small
QThread per job keeps stop-and-wait deterministic, which closing mid-run requires (a QThread
destroyed while running aborts the process).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, SignalInstance, Slot

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
    """Move `job` to a new thread and start it; connect its signals before calling this.

    A bare handle: the caller keeps it until its thread has ended. Views use `JobSlot`."""
    handle = JobThread(job, name)
    handle.start()
    return handle


StopCallback = Callable[[JobThread], None]


class JobOwner(QObject):
    """Every job thread the application runs, from its start until the thread has ended.

    A QThread destroyed while running aborts the process, so a handle must outlive the view that
    started it; and quitting must stop every job first. Both are this object's job: `start`
    keeps the handle until its thread has finished, and `stop_all` (the window's close, and
    `aboutToQuit` as a last resort) cancels each one, waits for it and tells its slot.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handles: dict[JobThread, StopCallback | None] = {}
        self._quit_hooked = False

    def start(self, job: Job, name: str, on_stop: StopCallback | None = None) -> JobThread:
        """Start `job` on its own thread; `on_stop(handle)` is called if `stop_all` stops it."""
        self.prune()
        handle = JobThread(job, name)
        self._handles[handle] = on_stop
        self._hook_quit()
        handle.start()
        return handle

    def running(self) -> list[JobThread]:
        """The handles whose threads have not ended yet."""
        self.prune()
        return list(self._handles)

    def prune(self) -> None:
        """Let go of handles whose threads have ended."""
        for handle in [h for h in self._handles if h.thread.isFinished()]:
            del self._handles[handle]

    def forget(self, handle: JobThread) -> None:
        """A slot waited for `handle` itself: nothing left to stop."""
        self._handles.pop(handle, None)

    @Slot()
    def stop_all(self) -> None:
        """Cancel every running job and wait for its thread (the window is closing)."""
        while self._handles:
            handle, on_stop = self._handles.popitem()
            if handle.thread.isFinished():
                continue
            log.info("stopping %s", handle.thread.objectName())
            handle.stop()
            if on_stop is not None:
                try:
                    on_stop(handle)
                except RuntimeError:  # its view is already gone: nothing to tell
                    pass

    def _hook_quit(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._quit_hooked:
            app.aboutToQuit.connect(self.stop_all)
            self._quit_hooked = True


_OWNER: JobOwner | None = None


def job_owner() -> JobOwner:
    """The application's one `JobOwner` (made on first use, on the GUI thread)."""
    global _OWNER
    if _OWNER is None:
        _OWNER = JobOwner()
    return _OWNER


Callback = Callable[..., object]


class _Relay(QObject):
    """One signal of one job, delivered on the GUI thread while the job is its slot's own."""

    def __init__(self, slot: JobSlot, job: Job, callback: Callback) -> None:
        super().__init__(slot)
        self.slot, self.job, self.callback = slot, job, callback

    def fire(self, *args: object) -> None:
        if self.slot.job is self.job:
            self.callback(*args)


class _Ending(QObject):
    """The job's `done`: wait out its thread, forget it, then the owner's `done` callback."""

    def __init__(self, slot: JobSlot, job: Job, callback: Callback | None) -> None:
        super().__init__(slot)
        self.slot, self.job, self.callback = slot, job, callback

    def fire(self) -> None:
        self.slot._ended(self.job, self.callback)


class JobSlot(QObject):
    """The owner side of background work: one current job for a view or a run.

    `start` replaces (cancels and forgets) a job still running, connects the callbacks given
    (`progress`, `finished`, `failed`, `cancelled`, `done`, and `signals` for a job's own
    signals), and calls them on the GUI thread only while the job is current: a replaced,
    forgotten or stopped job's late reports are dropped. `done` comes after the thread ended.
    `stopped(job)` says a current job was stopped (`stop`, or the owner's `stop_all`) without
    its outcome being delivered.
    """

    stopped = Signal(object)

    def __init__(
        self, name: str, parent: QObject | None = None, owner: JobOwner | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.owner = owner if owner is not None else job_owner()
        self.job: Job | None = None
        self.handle: JobThread | None = None
        self._mine: dict[Job, tuple[JobThread, list[QObject]]] = {}

    # ----- queries ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """A current job whose end has not been delivered yet."""
        return self.job is not None

    def is_current(self, job: object) -> bool:
        return job is not None and job is self.job

    # ----- control ------------------------------------------------------------------------
    def start(
        self,
        job: Job,
        *,
        progress: Callback | None = None,
        finished: Callback | None = None,
        failed: Callback | None = None,
        cancelled: Callback | None = None,
        done: Callback | None = None,
        signals: dict[SignalInstance, Callback] | None = None,
    ) -> JobThread:
        """Start `job` as this slot's current job (a running one is cancelled and forgotten)."""
        self.cancel()
        routes: dict[SignalInstance, Callback] = dict(signals or {})
        for signal, callback in (
            (job.progress, progress),
            (job.finished, finished),
            (job.failed, failed),
            (job.cancelled, cancelled),
        ):
            if callback is not None:
                routes[signal] = callback
        relays: list[QObject] = []
        for signal, callback in routes.items():
            relay = _Relay(self, job, callback)
            signal.connect(relay.fire)
            relays.append(relay)
        ending = _Ending(self, job, done)
        job.done.connect(ending.fire)
        relays.append(ending)
        self.job = job
        self.handle = self.owner.start(job, self.name, self._stopped_by_owner)
        self._mine[job] = (self.handle, relays)
        return self.handle

    def request_cancel(self) -> None:
        """Ask the current job to stop; its `cancelled` (or other) outcome still comes."""
        if self.job is not None:
            self.job.cancel()

    def cancel(self) -> None:
        """Ask the current job to stop and forget it: nothing more is delivered for it."""
        if self.job is not None:
            self.job.cancel()
        self.job, self.handle = None, None

    def stop(self) -> None:
        """Cancel and wait for every thread this slot started (closing); `stopped` for a
        current job."""
        current = self.job
        self.job, self.handle = None, None
        for job, (handle, relays) in list(self._mine.items()):
            handle.stop()
            self._release(job, handle, relays)
        if current is not None:
            self.stopped.emit(current)

    # ----- endings ------------------------------------------------------------------------
    def _ended(self, job: Job, callback: Callback | None) -> None:
        entry = self._mine.get(job)
        if entry is None:  # stopped meanwhile: already waited for and released
            return
        handle, relays = entry
        handle.wait()  # `done` comes just before the thread ends: let it end first
        self._release(job, handle, relays)
        if job is self.job:
            self.job, self.handle = None, None
            if callback is not None:
                callback()

    def _release(self, job: Job, handle: JobThread, relays: list[QObject]) -> None:
        self._mine.pop(job, None)
        self.owner.forget(handle)
        for relay in relays:
            relay.deleteLater()

    def _stopped_by_owner(self, handle: JobThread) -> None:
        for job, (mine, relays) in list(self._mine.items()):
            if mine is handle:
                self._release(job, handle, relays)
                if job is self.job:
                    self.job, self.handle = None, None
                    self.stopped.emit(job)
