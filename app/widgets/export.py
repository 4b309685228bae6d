"""Exporting what the Insight workspace shows: plots to PNG and SVG (pyqtgraph's exporters),
any widget to PNG or SVG, and per-sample predictions to CSV.

Every file goes through the shared atomic save (`model.files.atomic`): the exporters render to bytes
first, so an interrupted export never leaves half a picture where a good one was.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from model.errors import SaveError
from model.files.atomic import atomic_write_bytes

log = logging.getLogger(__name__)
FORMATS = (".png", ".svg")


def _suffix(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise SaveError(f"{path}: choose a .png or .svg file name")
    return suffix


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def plot_bytes(item: object, suffix: str, width: int = 800) -> bytes:
    """A pyqtgraph scene or item as PNG (`width` px wide) or SVG bytes."""
    import pyqtgraph.exporters as exporters

    if suffix == ".svg":
        try:
            return bytes(exporters.SVGExporter(item).export(toBytes=True))
        except ValueError:  # pyqtgraph 0.14 cannot parse some Qt 6 paths: draw it with Qt's
            log.info("pyqtgraph's SVG exporter failed; using QSvgGenerator", exc_info=True)
            scene = item if isinstance(item, QGraphicsScene) else item.scene()
            return _svg_bytes(scene.views()[0])
    exporter = exporters.ImageExporter(item)
    exporter.parameters()["width"] = width
    return _png_bytes(exporter.export(toBytes=True))


def export_plot(item: object, path: str | os.PathLike) -> Path:
    """Write a pyqtgraph scene or item to `path` (.png or .svg). Raises `SaveError`."""
    return atomic_write_bytes(path, plot_bytes(item, _suffix(path)))


def widget_bytes(widget: QWidget, suffix: str) -> bytes:
    """A widget as it is drawn now, as PNG or SVG bytes."""
    if suffix == ".png":
        return _png_bytes(widget.grab().toImage())
    return _svg_bytes(widget)


def _svg_bytes(widget: QWidget) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = widget.size()
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(widget.windowTitle() or widget.objectName())
    painter = QPainter(generator)
    try:
        if isinstance(widget, QGraphicsView):  # the scene as vectors, not the widget's pixels
            widget.render(painter)
        else:
            widget.render(painter, QPoint())
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def export_widget(widget: QWidget, path: str | os.PathLike) -> Path:
    """Write a widget to `path` (.png or .svg). Raises `SaveError`."""
    return atomic_write_bytes(path, widget_bytes(widget, _suffix(path)))


__all__ = ["FORMATS", "export_plot", "export_widget", "plot_bytes", "widget_bytes"]
