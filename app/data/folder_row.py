"""Data folder rows: which folder, whether the data are there, and a way to get them.

Any view that needs MNIST (retraining now, test-set views later) embeds `DataFolderRow`. Rather
than failing with "not found", it says which folder it looked in and offers the two ways out:
download the files there (`app.data.download.DownloadJob`: progress, cancellable, no partial
files) or pick a folder that has them. `FolderRow` is that row without the data set: the real
pen digits (`app.data.pen_row`) use it too, so both folders behave alike.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
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

from app.core.data_location import DataLocation
from app.core.error_text import error_text
from app.core.jobs import Job, JobSlot
from app.data.download import DownloadJob, DownloadProgress
from model.data import mnist

log = logging.getLogger(__name__)

DOWNLOAD_MB = 11  # the four .gz files, for the button's label


class FolderRow(QWidget):
    """A data folder: path, "Choose…", whether the data are there, or a way to get them.

    Subclasses say which data: `OBJECT_NAMES`, `resolve`, `missing`, the texts and the job.
    The row's own texts name their context ("FolderRow") explicitly: `self.tr` would look them
    up under the subclass's name, where the catalogue does not have them."""

    # object names of (path edit, Choose…, status, Download, progress bar), for tests/styles
    OBJECT_NAMES = (
        "dataFolder",
        "chooseDataFolder",
        "dataStatus",
        "downloadMnist",
        "downloadProgress",
    )

    message = Signal(str, str)  # kind ("info", "error", "success"), text: for the dialog banner
    download_ended = Signal(str)  # "finished", "failed" or "cancelled", once its thread ended
    #: MNIST is in the folder now (an old error about the data no longer applies)
    found = Signal()
    # the user chose another folder (typed or through "Choose…"); not for `set_folder`
    chosen = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = JobSlot(f"{self.OBJECT_NAMES[3]}-job", self)
        self.jobs.stopped.connect(self._on_stopped)
        self._download_outcome = "failed"
        self._locked = False
        self._location: DataLocation | None = None
        self._pen = False
        names = self.OBJECT_NAMES
        self.edit = QLineEdit(str(folder))
        self.edit.setObjectName(names[0])
        self.edit.setToolTip(self.folder_tooltip())
        self.edit.editingFinished.connect(self._edited)
        self.choose_button = QPushButton(QCoreApplication.translate("FolderRow", "Choose…"))
        self.choose_button.setObjectName(names[1])
        self.choose_button.clicked.connect(self.choose_folder)
        self.status = QLabel()
        self.status.setObjectName(names[2])
        self.status.setWordWrap(True)
        self.download_button = QPushButton(self.download_label())
        self.download_button.setObjectName(names[3])
        self.download_button.clicked.connect(self.start_download)
        self.cancel_download_button = QPushButton(
            QCoreApplication.translate("FolderRow", "Cancel download")
        )
        self.cancel_download_button.clicked.connect(self.cancel_download)
        self.progress = QProgressBar()
        self.progress.setObjectName(names[4])
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

    # ----- what subclasses say ----------------------------------------------------------------
    def resolve(self, text: str | None) -> Path:
        """The folder the edit's text means (None: empty, the default)."""
        raise NotImplementedError

    def missing(self) -> list[str]:
        """The files the folder lacks (empty: ready)."""
        raise NotImplementedError

    def folder_tooltip(self) -> str:
        raise NotImplementedError

    def download_label(self) -> str:
        raise NotImplementedError

    def found_text(self) -> str:
        raise NotImplementedError

    def missing_text(self, missing: list[str]) -> str:
        raise NotImplementedError

    def choose_caption(self) -> str:
        raise NotImplementedError

    def make_job(self) -> Job:
        """The download job into `folder()`; its progress values are `DownloadProgress`."""
        raise NotImplementedError

    def downloading_text(self) -> str:
        raise NotImplementedError

    def downloaded_text(self, path: Path) -> str:
        raise NotImplementedError

    # ----- the row ----------------------------------------------------------------------------
    def folder(self) -> Path:
        return self.resolve(self.edit.text().strip() or None)

    def set_folder(self, folder: str | Path) -> None:
        self.edit.setText(str(folder))
        self.refresh()

    def is_ready(self) -> bool:
        return not self.missing()

    def is_downloading(self) -> bool:
        return self.jobs.running

    def set_locked(self, locked: bool) -> None:
        """Locked while training: the folder in use must not change under the worker."""
        self._locked = locked
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        missing = self.missing()
        downloading = self.is_downloading()
        if not missing:
            self.status.setText(self.found_text())
            self.status.setProperty("state", "ok")
            self.found.emit()
        else:
            self.status.setText(self.missing_text(missing))
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

    @Slot()
    def _edited(self) -> None:
        self.refresh()
        self.chosen.emit()

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.choose_caption(), str(self.folder()))
        if chosen:
            self.set_folder(chosen)
            self.chosen.emit()

    def follow(self, location: DataLocation, pen: bool = False) -> None:
        """Use the app's data folder (`app.core.data_location`), and make a folder chosen or
        downloaded into here the app's: every view finds the data the same way."""
        self._location, self._pen = location, pen
        self.set_folder(self._location_dir())
        self.chosen.connect(self._tell_location)
        location.changed.connect(self._on_location)  # a bound slot: gone with the row

    def _location_dir(self) -> Path:
        return self._location.pen_dir() if self._pen else self._location.mnist_dir()

    @Slot()
    def _tell_location(self) -> None:
        if self._pen:
            self._location.set_pen_dir(self.folder())
        else:
            self._location.set_mnist_dir(self.folder())

    @Slot()
    def _on_location(self) -> None:
        if self.is_downloading() or self._locked:
            return
        if self.folder().resolve() != self._location_dir().resolve():
            self.set_folder(self._location_dir())
        else:
            self.refresh()

    @Slot()
    def start_download(self) -> None:
        if self.jobs.running:
            return
        log.info("downloading into %s", self.folder())
        self._download_outcome = "failed"
        self.progress.setRange(0, 0)
        self.progress.setFormat(QCoreApplication.translate("FolderRow", "Connecting…"))
        self.message.emit("info", self.downloading_text())
        self.jobs.start(
            self.make_job(),
            progress=self._on_progress,
            finished=self._on_finished,
            failed=self._on_failed,
            cancelled=self._on_cancelled,
            done=self._on_done,
        )
        self.refresh()

    @Slot()
    def cancel_download(self) -> None:
        if self.jobs.running:
            self.jobs.request_cancel()
            self.progress.setFormat(QCoreApplication.translate("FolderRow", "Cancelling…"))

    def stop(self) -> None:
        """Cancel a running download and wait for its thread (closing the dialog)."""
        self.jobs.stop()

    @Slot(object)
    def _on_progress(self, value: DownloadProgress) -> None:
        name, done, total = value
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(
                QCoreApplication.translate("FolderRow", "{0}: {1:.1f} of {2:.1f} MB").format(
                    name, done / 1e6, total / 1e6
                )
            )
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(
                QCoreApplication.translate("FolderRow", "{0}: {1:.1f} MB").format(name, done / 1e6)
            )

    @Slot(object)
    def _on_finished(self, path: Path) -> None:
        self._download_outcome = "finished"
        self.message.emit("success", self.downloaded_text(path))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._download_outcome = "failed"
        text = error_text(exc)
        # the model's message also advises command-line users (flags, python -m …): here the
        # way out is in this window
        text = text.replace(" " + mnist.missing_data_message(self.folder()), "")
        text += " " + self.tr(
            "Check the internet connection and try again, or choose a folder that already "
            "has the four MNIST files."
        )
        self.message.emit("error", text)

    @Slot()
    def _on_cancelled(self) -> None:
        self._download_outcome = "cancelled"
        self.message.emit(
            "info",
            QCoreApplication.translate(
                "FolderRow", "Download cancelled; no partial files were kept."
            ),
        )

    def _on_done(self) -> None:
        self.refresh()
        if self._download_outcome == "finished" and self._location is not None:
            self._tell_location()
            self._location.data_arrived()
        self.download_ended.emit(self._download_outcome)

    def _on_stopped(self, _job: object) -> None:
        """Stopped (the dialog or the window closing): no partial file was kept."""
        self._download_outcome = "cancelled"
        self._on_done()


class DataFolderRow(FolderRow):
    """The MNIST folder: the four IDX files, downloaded from the public mirrors."""

    def resolve(self, text: str | None) -> Path:
        return mnist.resolve_data_dir(text)

    def missing(self) -> list[str]:
        return mnist.missing_files(self.folder())

    def folder_tooltip(self) -> str:
        return self.tr(
            "Folder with the four MNIST IDX files (.gz or raw). "
            "Default: ${0}, else the per-user cache."
        ).format(mnist.ENV_VAR)

    def download_label(self) -> str:
        return self.tr("Download MNIST ({0} MB)").format(DOWNLOAD_MB)

    def found_text(self) -> str:
        return self.tr("✓ MNIST found: 60,000 training and 10,000 test images.")

    def missing_text(self, missing: list[str]) -> str:
        return self.tr(
            "⚠ MNIST is not in this folder (%n of 4 files missing). "
            "Download it here, or choose a folder that has it.",
            "",
            len(missing),
        )

    def choose_caption(self) -> str:
        return self.tr("Folder with the MNIST files")

    def make_job(self) -> Job:
        return DownloadJob(self.folder())

    def downloading_text(self) -> str:
        return self.tr("Downloading MNIST into {0}…").format(self.folder())

    def downloaded_text(self, path: Path) -> str:
        return self.tr("MNIST downloaded and verified in {0}.").format(path)
