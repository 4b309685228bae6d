"""A dark Fusion palette: feature maps and colour bars read best against a dark frame."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app import i18n
from app.icons import app_icon
from app.widgets import palette as c
from app.widgets.plot_style import configure_pyqtgraph
from app.widgets.tooltips import install_wrapped_tooltips

Role = QPalette.ColorRole


def themed_application(
    argv: list[str] | None = None, settings: QSettings | None = None, language: str | None = None
) -> QApplication:
    """The QApplication (made if there is none yet) with the LeNet Lens theme, icon and
    translators: `language` if given, else the settings key `ui/language` of `settings` (the
    user's by default), else the system locale. Call it before importing the window modules."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    apply_theme(app)
    if language is None:
        from app.shell.settings import default_settings

        language = i18n.resolve_language(settings if settings is not None else default_settings())
    i18n.install_language(language, app)
    icon: QIcon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    configure_pyqtgraph()
    install_wrapped_tooltips(app)
    return app


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    colors = {
        Role.Window: c.WINDOW,
        Role.WindowText: c.TEXT,
        Role.Base: c.BASE,
        Role.AlternateBase: c.ALTERNATE,
        Role.ToolTipBase: c.ALTERNATE,
        Role.ToolTipText: c.TEXT,
        Role.Text: c.TEXT,
        Role.Button: c.BUTTON,
        Role.ButtonText: c.TEXT,
        Role.Highlight: c.ACCENT,
        Role.HighlightedText: c.HIGHLIGHTED_TEXT,
        Role.Link: c.ACCENT,
        Role.PlaceholderText: c.PLACEHOLDER,
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.Text, QColor(c.DISABLED))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.ButtonText, QColor(c.DISABLED))
    palette.setColor(QPalette.ColorGroup.Disabled, Role.WindowText, QColor(c.DISABLED))
    app.setPalette(palette)
