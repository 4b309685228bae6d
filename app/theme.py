"""A dark Fusion palette: feature maps and colour bars read best against a dark frame."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole


def themed_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made if there is none yet) with the LeNet Lens theme applied."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    apply_theme(app)
    return app


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    colors = {
        Role.Window: "#24272c",
        Role.WindowText: "#dde1e6",
        Role.Base: "#1b1d21",
        Role.AlternateBase: "#2a2e34",
        Role.ToolTipBase: "#2a2e34",
        Role.ToolTipText: "#dde1e6",
        Role.Text: "#dde1e6",
        Role.Button: "#2e3238",
        Role.ButtonText: "#dde1e6",
        Role.Highlight: "#22c3ee",
        Role.HighlightedText: "#101214",
        Role.Link: "#22c3ee",
        Role.PlaceholderText: "#7d848e",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.Text, QColor("#6b717a"))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.ButtonText, QColor("#6b717a"))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.WindowText, QColor("#6b717a"))
    app.setPalette(palette)
