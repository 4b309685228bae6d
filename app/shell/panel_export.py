"""File ▸ Export panel as image…: any visible panel of the active workspace to PNG or SVG.

Teachers put panels on slides. The panel is drawn as it is now (pyqtgraph plots included),
through the shared widget exporter (`app.widgets.export`), so every file goes through the one
atomic save path. Failures and the result are told through the context.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMenu, QWidget

from app.core.context import AppContext
from app.core.error_text import error_text
from app.widgets.export import export_widget
from app.widgets.save_dialog import ask_save_path
from model.errors import SaveError

#: The active workspace's docks, by panel key.
Docks = Callable[[], dict[str, QDockWidget]]


def visible_panels(docks: dict[str, QDockWidget]) -> dict[str, str]:
    """Key → dock title of the docks now shown."""
    return {k: d.windowTitle() for k, d in docks.items() if d.isVisible()}


def export_panel(docks: dict[str, QDockWidget], key: str, path: str | os.PathLike) -> Path:
    """Write panel `key` to `path` (.png or .svg). Raises `SaveError` naming the file."""
    return export_widget(docks[key].widget(), path)


def choose_and_export(parent: QWidget, context: AppContext, docks: Docks) -> Path | None:
    shown = docks()
    panels = visible_panels(shown)
    if not panels:
        return None
    titles = list(panels.values())
    title, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("panel_export", "Export panel as image"),
        QCoreApplication.translate("panel_export", "Panel:"),
        titles,
        0,
        False,
    )
    if not ok:
        return None
    key = list(panels)[titles.index(title)]
    path = ask_save_path(
        parent,
        QCoreApplication.translate("panel_export", "Export panel as image"),
        f"{key}.png",
        QCoreApplication.translate("panel_export", "PNG image (*.png);;SVG drawing (*.svg)"),
    )
    if not path:
        return None
    try:
        saved = export_panel(shown, key, path)
    except SaveError as exc:
        context.show_error(
            QCoreApplication.translate("panel_export", "Cannot export the panel"),
            error_text(exc),
            exc,
        )
        return None
    context.show_notice(QCoreApplication.translate("panel_export", "Exported {0}").format(saved))
    return saved


def install(
    parent: QWidget, context: AppContext, docks: Docks, file_menu: QMenu, before: QAction
) -> QAction:
    """File ▸ Export panel as image…, inserted before `before`."""
    action = QAction(QCoreApplication.translate("panel_export", "E&xport panel as image…"), parent)
    action.setObjectName("actionExportPanel")
    action.triggered.connect(lambda: choose_and_export(parent, context, docks))
    file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)
    return action
