"""File ▸ Export panel as image…: any visible panel of the active workspace to PNG or SVG.

Teachers put panels on slides. The panel is drawn as it is now (pyqtgraph plots included),
through the shared widget exporter (`app.widgets.export`), so every file goes through the one
atomic save path. Failures and the result are told through the context.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPoint, QRect
from PySide6.QtGui import QAction, QImage, QPainter, QPalette, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QInputDialog,
    QLineEdit,
    QMenu,
    QScrollArea,
    QWidget,
)

from app.core.context import AppContext
from app.core.error_text import error_text
from app.widgets.export import FORMATS
from app.widgets.save_dialog import ask_save_path
from model.errors import SaveError
from model.files.atomic import atomic_write_bytes

#: The active workspace's docks, by panel key.
Docks = Callable[[], dict[str, QDockWidget]]


def visible_panels(docks: dict[str, QDockWidget]) -> dict[str, str]:
    """Key → full dock title of the docks now shown (a narrow dock's title bar is shorter)."""
    return {k: d.toggleViewAction().text() for k, d in docks.items() if d.isVisible()}


#: The panel's controls: left out of an exported picture (a slide needs the plot, not the
#: combo box that chose it).
CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider, QLineEdit)


def content_rect(panel: QWidget) -> QRect:
    """The part of `panel` worth a picture: its plots (every pyqtgraph view shown), else the
    whole panel."""
    rect = QRect()
    for view in panel.findChildren(pg.GraphicsView) + [panel]:
        if isinstance(view, pg.GraphicsView) and view.isVisible():
            rect = rect.united(QRect(view.mapTo(panel, QPoint(0, 0)), view.size()))
    return rect if not rect.isEmpty() else panel.rect()


def panel_bytes(panel: QWidget, suffix: str) -> bytes:
    """The panel's plot content as PNG or SVG bytes: controls painted out, cropped to the plots
    (inside a scroll area, its whole content, not only the part scrolled into view)."""
    scroll = panel.findChild(QScrollArea)
    if scroll is not None and scroll.widget() is not None:
        panel = scroll.widget()
    rect = content_rect(panel)
    region = QRegion(rect)
    for control in panel.findChildren(QWidget):
        if isinstance(control, CONTROLS) and control.isVisible():
            region -= QRegion(QRect(control.mapTo(panel, QPoint(0, 0)), control.size()))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    background = panel.palette().color(QPalette.ColorRole.Window)
    if suffix == ".png":
        image = QImage(rect.size(), QImage.Format.Format_ARGB32)
        image.fill(background)
        painter = QPainter(image)
    else:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(rect.size())
        generator.setViewBox(QRect(QPoint(0, 0), rect.size()))
        generator.setTitle(panel.windowTitle() or panel.objectName())
        painter = QPainter(generator)
        painter.fillRect(QRect(QPoint(0, 0), rect.size()), background)
    try:
        # render() puts the region's bounding box at the offset: keep the crop's origin at 0,0
        offset = region.boundingRect().topLeft() - rect.topLeft()
        QWidget.render(panel, painter, offset, region)  # a QGraphicsView panel too
    finally:
        painter.end()
    if suffix == ".png":
        image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def export_panel(docks: dict[str, QDockWidget], key: str, path: str | os.PathLike) -> Path:
    """Write panel `key`'s plot content to `path` (.png or .svg). Raises `SaveError` naming
    the file."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise SaveError(f"{path}: choose a .png or .svg file name")
    return atomic_write_bytes(path, panel_bytes(docks[key].widget(), suffix))


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
