"""The drawing canvas: the view of the drawing (`app.core.drawing`), mouse and stylus in.

It scales the drawing's fixed 280x280 raster (or a loaded image, letterboxed) to whatever
square the widget currently offers, turns mouse and tablet events into strokes in raster
coordinates, repaints only around new ink, and outlines a receptive field when a unit is
hovered. Files dropped on it are offered through `file_dropped`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.drawing import CanvasDrawing
from app.widgets import palette
from model.data.images import EXTENSIONS

MIN_VIEW = 220  # the view scales the fixed 280 px raster; small windows keep room for docks


class DrawingCanvas(QWidget):
    """Square drawing area showing `drawing`; `file_dropped(path)` for a dropped image."""

    file_dropped = Signal(str)

    def __init__(self, drawing: CanvasDrawing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setMinimumSize(MIN_VIEW, MIN_VIEW)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.drawing = drawing
        self._highlight: QRectF | None = None  # in raster coordinates of the drawing's raster
        self._prompt_shown = False
        drawing.painted.connect(self._update_around)
        drawing.replaced.connect(self._replaced)

    # ----- public API -----------------------------------------------------------------------
    def set_highlight(self, rect: QRectF | None) -> None:
        """Outline a rectangle given in raster coordinates (a receptive field), or none."""
        if rect != self._highlight:
            self._highlight = rect
            self.update()

    @property
    def highlight(self) -> QRectF | None:
        return self._highlight

    def raster_to_widget(self) -> tuple[float, float, float]:
        """(scale, x offset, y offset) mapping raster pixels to widget pixels."""
        h, w = self.drawing.raster_shape()
        side = min(self.width(), self.height())
        scale = side / max(h, w)
        x0 = (self.width() - w * scale) / 2
        y0 = (self.height() - h * scale) / 2
        return scale, x0, y0

    def sizeHint(self) -> QSize:
        return QSize(440, 440)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # ----- following the drawing ------------------------------------------------------------
    def _to_raster(self, pos: QPointF) -> tuple[float, float]:
        scale, x0, y0 = self.raster_to_widget()
        return (pos.x() - x0) / scale, (pos.y() - y0) / scale

    def _replaced(self) -> None:
        self._highlight = None
        self.update()

    def _update_around(self, rect: QRectF) -> None:
        """Repaint only the new ink's neighbourhood: a long stroke stays cheap to show."""
        if self._highlight is not None or self._prompt_shown:
            self._prompt_shown = False
            self.update()  # the overlay or the "draw here" prompt must go: repaint all
            return
        scale, x0, y0 = self.raster_to_widget()
        view = QRectF(
            x0 + rect.x() * scale,
            y0 + rect.y() * scale,
            rect.width() * scale,
            rect.height() * scale,
        )
        self.update(view.toAlignedRect())

    # ----- Qt events ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.drawing.begin(self._to_raster(event.position()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.drawing.extend(self._to_raster(event.position()))
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.drawing.end(self._to_raster(event.position()))
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        """Stylus input: same strokes as the mouse; accepting stops Qt synthesising mice."""
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.drawing.begin(self._to_raster(event.position()))
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self.drawing.extend(self._to_raster(event.position()))
        elif kind == QTabletEvent.Type.TabletRelease:
            self.drawing.end(self._to_raster(event.position()))
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        scale, x0, y0 = self.raster_to_widget()
        h, w = self.drawing.raster_shape()
        target = QRectF(x0, y0, w * scale, h * scale)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        loaded = self.drawing.loaded_view
        painter.drawImage(target, loaded if loaded is not None else self.drawing.image)
        painter.setPen(QPen(QColor(palette.CANVAS_FRAME), 1))
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5))
        self._prompt_shown = self.drawing.is_blank()
        if self._prompt_shown:
            painter.setPen(QColor(palette.CANVAS_HINT))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            painter.setFont(font)
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        if self._highlight is not None:
            r = self._highlight
            box = QRectF(
                x0 + r.x() * scale, y0 + r.y() * scale, r.width() * scale, r.height() * scale
            )
            painter.setClipRect(target)
            painter.setPen(QPen(QColor(palette.CANVAS_HIGHLIGHT), 2))
            painter.setBrush(palette.qcolor(palette.CANVAS_HIGHLIGHT, 50))
            painter.drawRect(box)
        painter.end()

    # ----- drag and drop --------------------------------------------------------------------
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = urls[0].toLocalFile()
        return path if Path(path).suffix.lower() in EXTENSIONS else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)
