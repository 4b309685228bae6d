"""A plot exported with a title band above it: what it shows, on which data, by which model.

An exported confusion matrix pasted on a slide or into a report has to say what it is; the
on-screen view has the workspace around it for that, the file has only itself. The band and the
scene are drawn by one painter, so the SVG stays vectors; the bytes go through the shared atomic
save like every export.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView

from app.widgets import palette
from app.widgets.export import _suffix
from model.files.atomic import atomic_write_bytes

PNG_WIDTH = 900  # px of an exported PNG
MARGIN = 10


def _fonts(lines: list[str]) -> list[tuple[QFont, int]]:
    """(font, line height) of each title line: the first larger and bold."""
    fonts = []
    for index in range(len(lines)):
        font = QFont()
        font.setPixelSize(24 if index == 0 else 17)
        font.setBold(index == 0)
        fonts.append((font, QFontMetrics(font).height() + 2))
    return fonts


def _band_height(lines: list[str]) -> int:
    return 2 * MARGIN + sum(height for _font, height in _fonts(lines))


def _source(view: QGraphicsView, crop: QRectF | None) -> QRectF:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown if crop is None else shown.intersected(crop)


def _paint(
    painter: QPainter, view: QGraphicsView, lines: list[str], width: int, crop: QRectF | None
) -> None:
    """Title lines (the first bold) over the view's scene (`crop` of it), `width` px wide."""
    source = _source(view, crop)
    scale = width / max(1.0, source.width())
    band = _band_height(lines)
    painter.fillRect(QRectF(0, 0, width, band + source.height() * scale), QColor(palette.BASE))
    painter.setPen(QColor(palette.PLOT_TEXT))
    y = MARGIN
    for line, (font, height) in zip(lines, _fonts(lines), strict=True):
        painter.setFont(font)
        box = QRect(MARGIN, y, width - 2 * MARGIN, height)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, line)
        y += height
    target = QRectF(0, band, width, source.height() * scale)
    view.scene().render(painter, target, source)


def titled_view_bytes(
    view: QGraphicsView, lines: list[str], suffix: str, crop: QRectF | None = None
) -> bytes:
    """The view's scene (the `crop` part of it, in scene coordinates) under `lines`, as PNG or
    SVG bytes."""
    source = _source(view, crop)
    width = PNG_WIDTH if suffix == ".png" else int(source.width())
    height = _band_height(lines) + int(source.height() * width / max(1.0, source.width()))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".png":
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint(painter, view, lines, width, crop)
        finally:
            painter.end()
        image.save(buffer, "PNG")
    else:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(image_size := QRect(0, 0, width, height).size())
        generator.setViewBox(QRect(0, 0, image_size.width(), image_size.height()))
        generator.setTitle(lines[0] if lines else "")
        painter = QPainter(generator)
        try:
            _paint(painter, view, lines, width, crop)
        finally:
            painter.end()
    buffer.close()
    return bytes(data.data())


def export_titled_view(
    view: QGraphicsView, lines: list[str], path: str | os.PathLike, crop: QRectF | None = None
) -> Path:
    """Write the view with its title lines to `path` (.png or .svg). Raises `SaveError`."""
    return atomic_write_bytes(path, titled_view_bytes(view, lines, _suffix(path), crop))
