"""File ▸ Open image and a file dropped on the canvas: an image in place of the drawing.

The image is read and checked (a blank one is refused) before the drawing is replaced, so a
failure says why and leaves the drawing as it was; a success is undoable like a stroke.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.core.context import AppContext
from app.core.error_text import error_text
from model.data.images import EXTENSIONS, load_image
from model.errors import ImageReadError, NoInkError


def image_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
    return QCoreApplication.translate("MainWindow", "Images ({0})").format(patterns)


def open_image(context: AppContext, path: str | os.PathLike) -> bool:
    """Read an image and classify it; on failure say why and leave the drawing as it was."""
    try:
        raster = load_image(path)
        context.session.reader.predict(raster)  # refuse a blank image before replacing
    except ImageReadError as exc:
        context.show_error(
            QCoreApplication.translate("MainWindow", "Cannot open image"), error_text(exc), exc
        )
        return False
    except NoInkError as exc:
        context.show_error(
            QCoreApplication.translate("MainWindow", "No digit found"),
            QCoreApplication.translate("MainWindow", "{0}: {1}").format(
                Path(path).name, error_text(exc)
            ),
            exc,
        )
        return False
    context.drawing.set_image(raster)
    context.session.refresh_now()
    context.show_notice(
        QCoreApplication.translate("MainWindow", "Opened {0}").format(Path(path).name)
    )
    return True
