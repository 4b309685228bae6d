"""Which data sets the Insight workspace can evaluate: a registry of providers, open for extension.

A `DataSetProvider` turns a user's choice (perhaps through a dialog, on the GUI thread) into a
`DataSetSource`, whose `load` runs later on the evaluation job's thread. `app/features.py` fills
`DATA_SETS` from `app.insight.register.data_sets()` (the built-in ones here, the pen development
set and the user's own drawings in `drawn_sources`); the workspace's chooser lists them in
registration order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.core.data_cache import DATA_CACHE
from app.core.data_location import mnist_folder
from app.core.registry import Registry
from model.data.datasets import DataSet, folder_dataset, from_mnist, mnist_train_slice
from model.jobs import CancelCheck, ProgressCallback

Loader = Callable[[ProgressCallback | None, CancelCheck | None], DataSet]


@dataclass(frozen=True)
class DataSetSource:
    """A chosen data set, not yet loaded: `key` identifies it for the workspace's caches."""

    key: str
    title: str
    load: Loader
    provider: str = ""  # the key of the provider that made it (the chooser shows it)


@dataclass(frozen=True)
class DataSetProvider:
    """One entry of the data set chooser; `choose(parent)` returns None when the user cancels."""

    key: str
    title: str
    choose: Callable[[QWidget | None], DataSetSource | None]


DATA_SETS: Registry[DataSetProvider] = Registry("data set provider")


# ----- the built-in sources ---------------------------------------------------------------------
def mnist_test_source(data_dir: str | Path | None = None) -> DataSetSource:
    """MNIST test, from the shared data cache's test split (read once, shared with the shift
    test and Retrain)."""
    folder = mnist_folder(data_dir)
    return DataSetSource(
        f"mnist-test:{folder}",
        QCoreApplication.translate("insight", "MNIST test (10,000)"),
        lambda _p, _c: from_mnist(
            DATA_CACHE.mnist_split(folder, "test"), "MNIST test", "mnist-test"
        ),
        "mnist-test",
    )


def mnist_train_source(start: int, stop: int, data_dir: str | Path | None = None) -> DataSetSource:
    folder = mnist_folder(data_dir)
    title = QCoreApplication.translate("insight", "MNIST train {0}–{1}").format(start, stop - 1)
    return DataSetSource(
        f"mnist-train[{start}:{stop}]:{folder}",
        title,
        lambda _p, _c: mnist_train_slice(start, stop, folder),
        "mnist-train",
    )


def folder_source(folder: str | Path) -> DataSetSource:
    folder = Path(folder)
    return DataSetSource(
        f"folder:{folder.resolve()}",
        QCoreApplication.translate("insight", "Folder {0}").format(folder.name or str(folder)),
        lambda progress, cancel: folder_dataset(folder, True, progress, cancel),
        "folder",
    )


def _choose_train_slice(parent: QWidget | None) -> DataSetSource | None:
    start, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("insight", "MNIST train slice"),
        QCoreApplication.translate("insight", "First training image:"),
        0,
        0,
        59_999,
        1000,
    )
    if not ok:
        return None
    count, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("insight", "MNIST train slice"),
        QCoreApplication.translate("insight", "How many images:"),
        10_000,
        1,
        60_000 - start,
        1000,
    )
    return mnist_train_source(start, start + count) if ok else None


def _choose_folder(parent: QWidget | None) -> DataSetSource | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("insight", "Folder of digit images")
    )
    return folder_source(folder) if folder else None


def mnist_test_provider() -> DataSetProvider:
    return DataSetProvider(
        "mnist-test",
        QCoreApplication.translate("insight", "MNIST test (10,000)"),
        lambda _p: mnist_test_source(),
    )


def mnist_train_provider() -> DataSetProvider:
    return DataSetProvider(
        "mnist-train",
        QCoreApplication.translate("insight", "MNIST train slice…"),
        _choose_train_slice,
    )


def folder_provider() -> DataSetProvider:
    return DataSetProvider(
        "folder", QCoreApplication.translate("insight", "Folder of images…"), _choose_folder
    )
