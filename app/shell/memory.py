"""What the window remembers of the user's choices, as desktop apps do.

* The model in use: any weights file that becomes the active model (File ▸ Load weights, a
  retrained model saved and put in use, Recent weights) is reopened at the next start; the
  shipped weights forget the choice.
* File ▸ Recent weights: the last few weights files, newest first; files that have gone are
  pruned when the menu opens.
* Training ▸ Retrain…: the MNIST folder last used or chosen there.

Keys are in `app.shell.settings` and read through its checked reader; every value is a plain
string list or path, so a hand-edited or stale settings file only ever costs the remembered choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.shell import settings as keys
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor

RECENT_LIMIT = 6

if TYPE_CHECKING:
    from app.retrain.dialog import RetrainDialog


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name the OS refuses outright (too long): not a file
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def recent_weights(settings: QSettings) -> list[Path]:
    """The remembered weights files that still exist, newest first (the list is pruned)."""
    paths = [Path(p) for p in keys.read(settings, keys.RECENT_WEIGHTS_FILES)]
    existing = [p for p in paths if _is_file(p)]
    if existing != paths:
        settings.setValue(keys.RECENT_WEIGHTS, [str(p) for p in existing])
    return existing


def add_recent_weights(settings: QSettings, path: str | os.PathLike) -> list[Path]:
    """Put `path` first in Recent weights (once; at most RECENT_LIMIT entries)."""
    new = Path(path).resolve()
    paths = [new] + [p for p in recent_weights(settings) if not _same_file(p, new)]
    paths = paths[:RECENT_LIMIT]
    settings.setValue(keys.RECENT_WEIGHTS, [str(p) for p in paths])
    return paths


def remember_model(settings: QSettings, predictor: Predictor) -> None:
    """The active model changed: reopen its file next time (nothing for an unsaved model)."""
    source = predictor.source
    if source is None:
        return  # retrained, not saved yet: the quit prompt offers to save it
    if _same_file(source, shipped_weights_path()):
        settings.remove(keys.LAST_WEIGHTS)
        return
    settings.setValue(keys.LAST_WEIGHTS, str(Path(source).resolve()))
    add_recent_weights(settings, source)


def retrain_folder(settings: QSettings) -> str | None:
    """The MNIST folder the Retrain dialog used last, if it still exists."""
    folder = keys.read(settings, keys.RETRAIN_FOLDER)
    return folder if folder and _is_dir(Path(folder)) else None


def remember_retrain_folder(settings: QSettings, folder: str | os.PathLike) -> None:
    settings.setValue(keys.RETRAIN_DATA_DIR, str(Path(folder).resolve()))


def watch_retrain_folder(settings: QSettings, dialog: RetrainDialog) -> None:
    """Remember the dialog's MNIST folder when a run starts with it or it is found ready."""
    from app.retrain.run import LOADING

    row = dialog.data_folder

    def on_state(state: str) -> None:
        if state == LOADING:
            remember_retrain_folder(settings, row.folder())

    def on_edit() -> None:
        if row.is_ready():
            remember_retrain_folder(settings, row.folder())

    dialog.run.state_changed.connect(on_state)
    row.edit.textChanged.connect(lambda _t: on_edit())
    row.download_ended.connect(lambda outcome: outcome == "finished" and on_edit())


class RecentWeightsMenu(QObject):
    """Fills File ▸ Recent weights each time it opens; a click loads that file."""

    def __init__(self, menu: QMenu, settings: QSettings, load: Callable[[str], object]) -> None:
        super().__init__(menu)
        self.menu, self.settings, self._load = menu, settings, load
        menu.aboutToShow.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.menu.clear()
        paths = recent_weights(self.settings)
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number} {path.name}", self.menu)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _c=False, p=path: self._load(p))
            self.menu.addAction(action)
        if not paths:
            empty = QAction(self.tr("No recent weights"), self.menu)
            empty.setEnabled(False)
            self.menu.addAction(empty)
        self.menu.setEnabled(True)
