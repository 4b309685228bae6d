"""File ▸ Export panel as image…: any visible panel of the active workspace to PNG or SVG.

Teachers put panels on slides. The panel is drawn as it is now (pyqtgraph plots included),
through the Insight workspace's exporter, so every file goes through the one atomic save path.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu

from app.insight.export import export_widget
from model.errors import SaveError


def visible_panels(window: QMainWindow) -> dict[str, str]:
    """Key → dock title of the active workspace's panels now shown."""
    docks = window.docks
    return {k: docks[k].windowTitle() for k in window.workspace_panels if docks[k].isVisible()}


def export_panel(window: QMainWindow, key: str, path: str | os.PathLike) -> Path:
    """Write panel `key` to `path` (.png or .svg). Raises `SaveError` naming the file."""
    return export_widget(window.docks[key].widget(), path)


def choose_and_export(window: QMainWindow) -> Path | None:
    panels = visible_panels(window)
    if not panels:
        return None
    titles = list(panels.values())
    title, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("panel_export", "Export panel as image"),
        QCoreApplication.translate("panel_export", "Panel:"),
        titles,
        0,
        False,
    )
    if not ok:
        return None
    key = list(panels)[titles.index(title)]
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("panel_export", "Export panel as image"),
        f"{key}.png",
        QCoreApplication.translate("panel_export", "PNG image (*.png);;SVG drawing (*.svg)"),
    )
    if not path:
        return None
    try:
        saved = export_panel(window, key, path)
    except SaveError as exc:
        window.show_error(
            QCoreApplication.translate("panel_export", "Cannot export the panel"), str(exc), exc
        )
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("panel_export", "Exported {0}").format(saved), 5000
    )
    return saved


def install(window: QMainWindow, file_menu: QMenu) -> QAction:
    action = QAction(QCoreApplication.translate("panel_export", "E&xport panel as image…"), window)
    action.setObjectName("actionExportPanel")
    action.triggered.connect(lambda: choose_and_export(window))
    file_menu.insertAction(window.actions.load_weights, action)
    file_menu.insertSeparator(window.actions.load_weights)
    return action
