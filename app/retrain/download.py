"""Getting MNIST into the chosen folder: a download worker and the data-folder row of the dialog.

Retraining needs the four MNIST files. Rather than failing with "not found", the dialog says
which folder it looked in and offers the two ways out: download the files there (with progress,
cancellable) or pick a folder that has them. The download itself is `model.mnist.download`, which
verifies checksums and writes each file atomically, so a cancelled download leaves no partial file.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.retrain.threads import WorkerThread, release_to_gui_thread
from model import mnist
from model.errors import DataError

DOWNLOAD_MB = 11  # the four .gz files, for the button's label
#: Seconds a stalled connection may block: closing the dialog waits for the worker at most this
#: long (cancel is otherwise checked between 64 KiB chunks).
NETWORK_TIMEOUT = 10.0


class DownloadWorker(QObject):
    """Runs `model.mnist.download` off the GUI thread."""

    progress = Signal(str, int, int)  # file name, bytes done, bytes total (0: unknown)
    finished = Signal(object)  # Path of the data folder
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            # Looked up at call time (module attributes), so tests can point the mirrors at
            # a local folder instead of the network.
            path = mnist.download(
                self.data_dir,
                self.progress.emit,
                self._cancel.is_set,
                mirrors=mnist.MIRRORS,
                timeout=NETWORK_TIMEOUT,
            )
        except DataError as exc:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(str(exc))
        except Exception as exc:  # never let a bug escape a worker thread
            self.failed.emit(f"Download failed unexpectedly: {type(exc).__name__}: {exc}")
        else:
            self.finished.emit(path)
        finally:
            release_to_gui_thread(self)
            self.done.emit()


class DataFolderRow(QWidget):
    """The data folder: path, "Choose…", and whether MNIST is there (or a way to get it)."""

    changed = Signal()  # the folder or its contents changed
    message = Signal(str, str)  # kind ("info", "error", "success"), text: for the dialog banner
    download_ended = Signal(str)  # "finished", "failed" or "cancelled", once its thread ended

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._download: WorkerThread | None = None
        self._download_outcome = "failed"
        self._locked = False
        self.edit = QLineEdit(str(folder))
        self.edit.setObjectName("dataFolder")
        self.edit.setToolTip(
            "Folder with the four MNIST IDX files (.gz or raw). "
            f"Default: ${mnist.ENV_VAR}, else the per-user cache."
        )
        self.edit.editingFinished.connect(self.refresh)
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setObjectName("chooseDataFolder")
        self.choose_button.clicked.connect(self.choose_folder)
        self.status = QLabel()
        self.status.setObjectName("dataStatus")
        self.status.setWordWrap(True)
        self.download_button = QPushButton(f"Download MNIST ({DOWNLOAD_MB} MB)")
        self.download_button.setObjectName("downloadMnist")
        self.download_button.clicked.connect(self.start_download)
        self.cancel_download_button = QPushButton("Cancel download")
        self.cancel_download_button.clicked.connect(self.cancel_download)
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setTextVisible(True)

        path_row = QHBoxLayout()
        path_row.addWidget(self.edit, 1)
        path_row.addWidget(self.choose_button)
        action_row = QHBoxLayout()
        action_row.addWidget(self.progress, 1)
        action_row.addWidget(self.download_button)
        action_row.addWidget(self.cancel_download_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(path_row)
        layout.addWidget(self.status)
        layout.addLayout(action_row)
        self.refresh()

    def folder(self) -> Path:
        return mnist.resolve_data_dir(self.edit.text().strip() or None)

    def set_folder(self, folder: str | Path) -> None:
        self.edit.setText(str(folder))
        self.refresh()

    def missing(self) -> list[str]:
        return mnist.missing_files(self.folder())

    def is_ready(self) -> bool:
        return not self.missing()

    def is_downloading(self) -> bool:
        return self._download is not None

    def set_locked(self, locked: bool) -> None:
        """Locked while training: the folder in use must not change under the worker."""
        self._locked = locked
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        missing = self.missing()
        downloading = self.is_downloading()
        if not missing:
            self.status.setText("✓ MNIST found: 60,000 training and 10,000 test images.")
            self.status.setProperty("state", "ok")
        else:
            count = len(missing)
            self.status.setText(
                f"⚠ MNIST is not in this folder ({count} of 4 files missing). "
                "Download it here, or choose a folder that has it."
            )
            self.status.setProperty("state", "missing")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.download_button.setVisible(bool(missing) and not downloading)
        self.progress.setVisible(downloading)
        self.cancel_download_button.setVisible(downloading)
        free = not downloading and not self._locked
        self.edit.setEnabled(free)
        self.choose_button.setEnabled(free)
        self.download_button.setEnabled(free)
        self.changed.emit()

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Folder with the MNIST files", str(self.folder())
        )
        if chosen:
            self.set_folder(chosen)

    @Slot()
    def start_download(self) -> None:
        if self._download is not None:
            return
        worker = DownloadWorker(self.folder())
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.done.connect(self._on_done)
        self._download = WorkerThread(worker, "mnist-download")
        self._download_outcome = "failed"
        self.progress.setRange(0, 0)
        self.progress.setFormat("Connecting…")
        self.message.emit("info", f"Downloading MNIST into {self.folder()}…")
        self._download.start()
        self.refresh()

    @Slot()
    def cancel_download(self) -> None:
        if self._download is not None:
            self._download.worker.cancel()
            self.progress.setFormat("Cancelling…")

    def stop(self) -> None:
        """Cancel a running download and wait for its thread (closing the dialog)."""
        if self._download is not None:
            self._download.stop()

    @Slot(str, int, int)
    def _on_progress(self, name: str, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{name}: {done / 1e6:.1f} of {total / 1e6:.1f} MB")
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(f"{name}: {done / 1e6:.1f} MB")

    @Slot(object)
    def _on_finished(self, path: Path) -> None:
        self._download_outcome = "finished"
        self.message.emit("success", f"MNIST downloaded and verified in {path}.")

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._download_outcome = "failed"
        self.message.emit("error", text)

    @Slot()
    def _on_cancelled(self) -> None:
        self._download_outcome = "cancelled"
        self.message.emit("info", "Download cancelled; no partial files were kept.")

    @Slot()
    def _on_done(self) -> None:
        if self._download is None:
            return
        self._download.wait()
        self._download = None
        self.refresh()
        self.download_ended.emit(self._download_outcome)
