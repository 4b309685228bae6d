"""Where the app's data are: one MNIST folder and one pen-digit folder for every feature.

Before, each feature found MNIST its own way: Retrain remembered the folder chosen in its dialog,
while Insight, the Concepts shift test and Fine-tune looked only at $LENET_LENS_DATA or the
per-user cache, so a folder chosen in Retrain ("✓ MNIST found") was ignored everywhere else; and
Retrain's MNIST row defaulted to a missing cache while its pen-digit row found its file in
another folder. Now every feature asks `DATA_LOCATION`:

* a folder the user chose (or downloaded into), remembered in the settings, comes first;
* else the first folder that has the data, searched the same way for both (the environment
  variable, the per-user cache, a `shared/data` folder beside the checkout);
* else where a download puts them (the environment variable's folder or the per-user cache).

`changed` tells every view that the folder changed or data arrived (a finished download), so a
view that said "MNIST is missing" evaluates again. One object for the process, like the data
cache (`app.core.data_cache.DATA_CACHE`): views made without the app context (Concepts' panels,
Insight's data-set providers) find the same folder; the context attaches its settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from model.data import mnist
from model.data import pen_digits as pendata
from model.data.pen_archive import default_pen_dir

#: settings keys: the chosen folders (the Retrain dialog's old key is read as a fallback)
MNIST_KEY = "data/mnistDir"
PEN_KEY = "data/penDir"
OLD_MNIST_KEY = "retrain/dataDir"

_CHECKOUT = Path(__file__).resolve().parents[2]  # the repository root in a checkout


def mnist_candidates() -> list[Path]:
    """Where MNIST is looked for, in order: the same places as the pen digits
    (`model.data.pen_digits.candidate_dirs`)."""
    out = []
    if os.environ.get(mnist.ENV_VAR):
        out.append(Path(os.environ[mnist.ENV_VAR]).expanduser())
    out.append(mnist.default_data_dir())
    out.append(Path.cwd().parent / "shared" / "data" / "mnist")
    out.append(_CHECKOUT.parent / "shared" / "data" / "mnist")
    return out


def find_mnist_dir() -> Path:
    """The first candidate folder that has all four MNIST files, else the first candidate
    (where a download goes)."""
    candidates = mnist_candidates()
    for folder in candidates:
        if not mnist.missing_files(folder):
            return folder
    return candidates[0]


def find_pen_dir() -> Path:
    """The folder the pen digits were found in, else where a download puts them."""
    found = pendata.find_pen_file()
    return found.parent if found is not None else default_pen_dir()


class DataLocation(QObject):
    """The app's MNIST and pen-digit folders; see the module docstring."""

    #: the MNIST or pen folder changed, or data arrived in it
    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    def attach(self, settings: QSettings | None) -> None:
        """Remember chosen folders in `settings` (the app context's) from now on."""
        self._settings = settings
        self.changed.emit()

    def _chosen(self, *keys: str) -> Path | None:
        if self._settings is None:
            return None
        for key in keys:
            value = self._settings.value(key)
            if isinstance(value, str) and value.strip():
                return Path(value).expanduser()
        return None

    # ----- MNIST ------------------------------------------------------------------------------
    def mnist_dir(self) -> Path:
        """The MNIST folder every feature uses (it may lack the files: see `mnist_missing`)."""
        chosen = self._chosen(MNIST_KEY, OLD_MNIST_KEY)
        if chosen is not None and (chosen.is_dir() or self._chosen(MNIST_KEY) == chosen):
            return chosen
        return find_mnist_dir()

    def mnist_missing(self) -> list[str]:
        """The MNIST files the folder lacks (empty: ready)."""
        return mnist.missing_files(self.mnist_dir())

    def set_mnist_dir(self, folder: str | Path) -> None:
        """The user chose (or downloaded into) `folder`: every feature uses it from now on."""
        self._set(MNIST_KEY, folder, self.mnist_dir())

    # ----- the real pen digits ----------------------------------------------------------------
    def pen_dir(self) -> Path:
        chosen = self._chosen(PEN_KEY)
        return chosen if chosen is not None else find_pen_dir()

    def set_pen_dir(self, folder: str | Path) -> None:
        self._set(PEN_KEY, folder, self.pen_dir())

    # ----- telling ----------------------------------------------------------------------------
    def _set(self, key: str, folder: str | Path, before: Path) -> None:
        folder = Path(folder).expanduser()
        if self._settings is not None:
            self._settings.setValue(key, str(folder.resolve()))
        if folder.resolve() != before.resolve():
            self.changed.emit()

    def data_arrived(self) -> None:
        """A download finished: views that said "missing" look again."""
        self.changed.emit()


#: The application's one data location (the app context attaches its settings).
DATA_LOCATION = DataLocation()


def mnist_folder(data_dir: str | os.PathLike | None = None) -> Path:
    """An explicit folder, else the app's one MNIST folder (what `resolve_data_dir` was for the
    command line: the views call this instead)."""
    return Path(data_dir).expanduser() if data_dir else DATA_LOCATION.mnist_dir()
