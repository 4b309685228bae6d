"""Building the app: the features registered, the model loaded into a context, the window.

`app/__main__.py` does this once with its fallback to the shipped weights; tests, benchmarks
and the screenshot tool call `open_window(weights, settings)`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app import features
from app.core.context import AppContext
from app.shell import settings as keys
from app.shell.runtime import configure_torch

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow


def load_context(
    weights_path: str | os.PathLike | None = None, settings: QSettings | None = None
) -> AppContext:
    """Register the features (once) and load the weights (None: the shipped ones) into a new
    context. Raises `model.errors.CheckpointError` when the weights cannot be used."""
    configure_torch()  # single-threaded inference: smooth strokes on a busy machine
    features.register_all()
    chosen = settings if settings is not None else keys.default_settings()
    return AppContext.load(weights_path, chosen)


def open_window(
    weights_path: str | os.PathLike | None = None, settings: QSettings | None = None
) -> MainWindow:
    """The window around a freshly loaded context (call after the QApplication exists)."""
    from app.shell.main_window import MainWindow  # imported late: pyqtgraph reads the palette

    return MainWindow(load_context(weights_path, settings))
