"""Fetching MNIST off the GUI thread: `model.data.mnist.download` as a cancellable job.

The download itself verifies checksums and writes each file atomically, so a cancelled
download leaves no partial file. Progress values are `DownloadProgress` tuples.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from app.core.jobs import Job
from model.data import mnist
from model.data import pen_archive as pen_download

#: Seconds a stalled connection may block: closing the dialog waits for the job at most this
#: long (cancel is otherwise checked between 64 KiB chunks).
NETWORK_TIMEOUT = 10.0


class DownloadProgress(NamedTuple):
    name: str  # the file being fetched
    done: int  # bytes so far
    total: int  # bytes in all (0: unknown)


class DownloadJob(Job):
    """Downloads the four MNIST files into `data_dir`; the result is that folder's Path."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir

    def work(self) -> Path:
        # Looked up at call time (module attributes), so tests can point the mirrors at a
        # local folder instead of the network. A cancel raises `Cancelled` from the download.
        return mnist.download(
            self.data_dir,
            lambda name, done, total: self.report(DownloadProgress(name, done, total)),
            self.is_cancel_requested,
            mirrors=mnist.MIRRORS,
            timeout=NETWORK_TIMEOUT,
        )


class PenDownloadJob(Job):
    """Downloads the UCI pen digits into `pen_dir` (`model.data.pen_archive`); the result is the
    file written. Progress values are `DownloadProgress` like MNIST's."""

    NAME = "pendigits-orig.tra"

    def __init__(self, pen_dir: Path) -> None:
        super().__init__()
        self.pen_dir = pen_dir

    def work(self) -> Path:
        # Module attributes looked up at call time: tests point URL at a local mirror.
        return pen_download.download(
            self.pen_dir,
            lambda done, total: self.report(DownloadProgress(self.NAME, done, total)),
            self.is_cancel_requested,
            url=pen_download.URL,
            timeout=NETWORK_TIMEOUT,
        )
