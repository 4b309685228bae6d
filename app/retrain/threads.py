"""Running a QObject worker on its own QThread, and stopping it safely.

Shared by the training and the download workers: both must stop when the dialog or the window
closes, and a QThread destroyed while running aborts the whole process.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread


def release_to_gui_thread(worker: QObject) -> None:
    """Hand a finished worker back to the GUI thread, so it is never owned by a dead thread."""
    app = QCoreApplication.instance()
    if app is not None:
        worker.moveToThread(app.thread())


class WorkerThread:
    """A worker and its own QThread, started together and stopped together.

    The worker needs `run()` (a slot), `cancel()` (thread-safe) and a `done` signal emitted
    last. `stop()` cancels and waits, so a dialog or window closing mid-run never destroys a
    running QThread.
    """

    def __init__(self, worker: QObject, name: str = "worker") -> None:
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        # Direct: quit from the worker thread itself, so `stop()` waiting on the GUI thread
        # cannot deadlock on a queued quit that the blocked GUI thread would never deliver.
        worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def stop(self) -> None:
        """Cancel and wait for the thread to end.

        Waits without a deadline: every step the worker can be in ends on its own within a
        second or so (a batch, a test-set pass, reading a local file, a network timeout), and
        giving up early would destroy a running QThread, which aborts the process.
        """
        self.worker.cancel()
        self.wait()

    def wait(self) -> None:
        if self.thread.isRunning():
            self.thread.wait()
