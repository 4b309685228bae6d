"""The application icon (`lenet-lens.svg`: a digit on the pixel grid LeNet reads, under a lens).

Used for the window, the about box and the freedesktop entry (`python -m app.shell.desktop
install`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_NAME = "lenet-lens"
SVG_PATH = Path(__file__).resolve().parent / f"{ICON_NAME}.svg"


def app_icon() -> QIcon:
    """The icon (null if Qt's SVG image plugin is missing: Qt then uses its default)."""
    return QIcon(str(SVG_PATH))
