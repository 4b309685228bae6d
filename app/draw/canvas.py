"""The drawing canvas: white ink on black, round anti-aliased strokes, undo, images, stylus.

The ink lives on a fixed 280x280 backing raster (10x MNIST's 28 px), painted with QPainter and
scaled to whatever square the widget currently offers. The raster handed to the model therefore
does not depend on the window size, and strokes keep their look when the window is resized.
Strokes are also kept as point lists (in raster units) so undo can re-render without the last.

A loaded image (File ▸ Open, drag-and-drop) replaces the drawing and is shown letterboxed; it
is handed to the model at its own resolution so preprocessing sees every pixel. Drawing on a
shown image starts a new drawing (a photo's ink may be dark on light paper, so white strokes on
top of it would make no sense to the model); `notice` says so, and Ctrl+Z brings the image back:
strokes, Clear and Open image share one undo history (`app.draw.undo`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.draw.undo import CanvasChange, CanvasState
from app.widgets import palette
from model.data.images import EXTENSIONS

RASTER_SIZE = 280
DEFAULT_PEN_WIDTH = RASTER_SIZE / 14  # ~2 px strokes after scaling a digit into MNIST's 20 px
UNDO_LIMIT = 50  # changes kept for undo (an opened image may be a few MB)
MIN_VIEW = 220  # the view scales the fixed 280 px raster; small windows keep room for docks


@dataclass
class Stroke:
    width: float
    points: list[tuple[float, float]] = field(default_factory=list)


class DrawingCanvas(QWidget):
    """Square drawing area. Emits `changed` whenever the raster the model sees changes."""

    changed = Signal()
    file_dropped = Signal(str)
    #: A short message for the status bar (e.g. that drawing replaced an opened image).
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setMinimumSize(MIN_VIEW, MIN_VIEW)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.pen_width: float = DEFAULT_PEN_WIDTH
        self._image = QImage(RASTER_SIZE, RASTER_SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._strokes: list[Stroke] = []
        self._drawing = False
        self._loaded: np.ndarray | None = None  # a loaded image's raster, float [0, 1]
        self._loaded_view: QImage | None = None
        self._highlight: QRectF | None = None  # in raster coordinates of current_raster()
        #: Strokes, Clear and Open image, undoable and redoable (Edit ▸ Undo / Redo).
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # bounded memory over long sessions

    # ----- undo history -------------------------------------------------------------------------
    def state(self) -> CanvasState:
        """The canvas as it stands (for the undo history)."""
        return CanvasState(self._loaded, tuple(self._strokes))

    def apply_state(self, state: CanvasState) -> None:
        """Show `state` (undo / redo): the image and strokes it holds, re-rendered."""
        self._drawing = False
        self._strokes = list(state.strokes)
        self._set_loaded(state.image)
        self._highlight = None
        self._render_all()
        self.update()
        self.changed.emit()

    def _record(self, text: str, before: CanvasState) -> None:
        self.undo_stack.push(CanvasChange(self, text, before, self.state()))

    def _set_loaded(self, raster: np.ndarray | None) -> None:
        self._loaded = raster
        if raster is None:
            self._loaded_view = None
            return
        gray = np.ascontiguousarray(np.clip(raster * 255.0 + 0.5, 0, 255).astype(np.uint8))
        h, w = gray.shape
        self._loaded_view = QImage(gray.data, w, h, w, QImage.Format.Format_Grayscale8).copy()

    # ----- public API -----------------------------------------------------------------------
    def clear(self) -> None:
        """Erase everything (drawing and loaded image); undoable."""
        before = self.state()
        if before.blank:
            self._highlight = None
            self.update()
            self.changed.emit()
            return
        self.apply_state(CanvasState(None, ()))
        self._record(self.tr("clear"), before)

    def undo(self) -> None:
        """Undo the last change (a stroke, Clear or Open image)."""
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone change."""
        self.undo_stack.redo()

    def set_image(self, raster: np.ndarray) -> None:
        """Show a loaded grayscale raster (float [0, 1]) in place of the drawing; undoable."""
        before = self.state()
        image = np.array(raster, dtype=np.float32)  # our own copy, handed out read-only
        image.flags.writeable = False
        self.apply_state(CanvasState(image, ()))
        self._record(self.tr("open image"), before)

    def is_blank(self) -> bool:
        return self._loaded is None and not self._strokes

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    def drawn_strokes(self) -> list[tuple[np.ndarray, float]]:
        """The drawing as vectors: each stroke's (n, 2) raster points and its pen width; []
        for a blank canvas or a loaded image (which has no strokes)."""
        if self._loaded is not None:
            return []
        return [(np.array(s.points, dtype=np.float64), s.width) for s in self._strokes]

    def raster(self) -> np.ndarray | None:
        """What the model should read: the loaded image, or the 280x280 uint8 drawing."""
        if self._loaded is not None:
            return self._loaded
        if not self._strokes:
            return None
        image = self._image
        bits = np.frombuffer(image.constBits(), dtype=np.uint8)
        return bits.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()

    def set_pen_width(self, width: float) -> None:
        """Pen width in raster pixels (of 280); applies to the next stroke."""
        self.pen_width = float(width)

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
        h, w = self._raster_shape()
        side = min(self.width(), self.height())
        scale = side / max(h, w)
        x0 = (self.width() - w * scale) / 2
        y0 = (self.height() - h * scale) / 2
        return scale, x0, y0

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(440, 440)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    # ----- drawing --------------------------------------------------------------------------
    def _raster_shape(self) -> tuple[int, int]:
        if self._loaded is not None:
            return self._loaded.shape[0], self._loaded.shape[1]
        return RASTER_SIZE, RASTER_SIZE

    def _to_raster(self, pos: QPointF) -> tuple[float, float]:
        scale, x0, y0 = self.raster_to_widget()
        return (pos.x() - x0) / scale, (pos.y() - y0) / scale

    def _pen(self, width: float) -> QPen:
        pen = QPen(QColor(palette.INK), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _begin(self, pos: QPointF) -> None:
        before = self.state()
        if self._loaded is not None:  # drawing on a shown image starts a new drawing
            self._set_loaded(None)
            self._image.fill(0)
            self.notice.emit(
                self.tr("Drawing replaced the opened image; Ctrl+Z brings the image back")
            )
        stroke = Stroke(self.pen_width, [self._to_raster(pos)])
        self._strokes.append(stroke)
        self._record(self.tr("stroke"), before)
        self._drawing = True
        self._paint(stroke, 0, dot=True)
        self._update_around(stroke.points[-1:], stroke.width)
        self.changed.emit()

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing:
            return
        stroke = self._strokes[-1]
        point = self._to_raster(pos)
        if point == stroke.points[-1]:
            return
        stroke.points.append(point)
        self._paint(stroke, len(stroke.points) - 2)
        self._update_around(stroke.points[-2:], stroke.width)
        self.changed.emit()

    def _end(self, pos: QPointF) -> None:
        if not self._drawing:
            return
        self._extend(pos)
        self._drawing = False

    def _update_around(self, points: list[tuple[float, float]], width: float) -> None:
        """Repaint only the new segment's neighbourhood: a long stroke stays cheap to show."""
        if self._highlight is not None or len(self._strokes) == 1 and len(points) == 1:
            self.update()  # the overlay or the "draw here" prompt must go: repaint all
            return
        scale, x0, y0 = self.raster_to_widget()
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        margin = width / 2 + 2
        rect = QRectF(
            x0 + (min(xs) - margin) * scale,
            y0 + (min(ys) - margin) * scale,
            (max(xs) - min(xs) + 2 * margin) * scale,
            (max(ys) - min(ys) + 2 * margin) * scale,
        )
        self.update(rect.toAlignedRect())

    def _paint(self, stroke: Stroke, start: int, dot: bool = False) -> None:
        """Paint the stroke's segments from point `start` on, after its first dot if `dot`.

        Live drawing and undo's re-render issue the very same painter calls (the dot, then one
        line per segment, in order), so undo restores the raster exactly, pixel for pixel.
        """
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen(stroke.width))
        points = stroke.points
        if dot:
            painter.drawPoint(QPointF(*points[0]))
        for a, b in zip(points[start:], points[start + 1 :]):
            painter.drawLine(QPointF(*a), QPointF(*b))
        painter.end()

    def _render_all(self) -> None:
        self._image.fill(0)
        for stroke in self._strokes:
            self._paint(stroke, 0, dot=True)

    # ----- Qt events ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        """Stylus input: same strokes as the mouse; accepting stops Qt synthesising mice."""
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        scale, x0, y0 = self.raster_to_widget()
        h, w = self._raster_shape()
        target = QRectF(x0, y0, w * scale, h * scale)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._loaded_view is not None:
            painter.drawImage(target, self._loaded_view)
        else:
            painter.drawImage(target, self._image)
        painter.setPen(QPen(QColor(palette.CANVAS_FRAME), 1))
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5))
        if self.is_blank():
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.file_dropped.emit(path)
