"""The drawing: strokes, the raster the model reads, and the undo history, apart from any view.

The ink lives on a fixed 280x280 backing raster (10x MNIST's 28 px), painted with QPainter. The
raster handed to the model therefore does not depend on the window size, and the canvas view
(`app/draw/canvas.py`) only scales it to whatever square it is given. Strokes are also kept as
point lists (in raster units) so undo can re-render without the last.

A loaded image (File ▸ Open, drag-and-drop, a data set sample) replaces the drawing; it is handed
to the model at its own resolution so preprocessing sees every pixel. Drawing on a shown image
starts a new drawing (a photo's ink may be dark on light paper, so white strokes on top of it
would make no sense to the model); `notice` says so, and Ctrl+Z brings the image back: strokes,
Clear and Open image share one undo history (`app.core.undo`).

Signals: `changed` whenever the raster the model reads changes (the session listens);
`painted(rect)` after ink was added, with the touched rectangle in raster pixels (the view
repaints only that); `replaced` when the whole drawing was swapped (undo, clear, an image).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QUndoStack

from app.core.undo import CanvasChange, CanvasState, Stroke
from app.widgets import palette
from model.drawing.strokes import network_pen_cap

RASTER_SIZE = 280
DEFAULT_PEN_WIDTH = RASTER_SIZE / 14  # ~2 px strokes after scaling a digit into MNIST's 20 px
#: How long the hand rests before the drawing is told that LeNet reads it thinner (ms).
THIN_NOTE_DELAY_MS = 1200
UNDO_LIMIT = 50  # changes kept for undo (an opened image may be a few MB)

Point = tuple[float, float]


def _grey_array(image: QImage) -> np.ndarray:
    """A copy of an 8-bit grey image's pixels as (height, width) uint8 (rows unpadded)."""
    bits = np.frombuffer(image.constBits(), dtype=np.uint8)
    return bits.reshape(image.height(), image.bytesPerLine())[:, : image.width()].copy()


class CanvasDrawing(QObject):
    """The user's drawing; see the module docstring. Views render it, the session reads it."""

    changed = Signal()
    painted = Signal(object)  # QRectF in raster pixels
    replaced = Signal()
    # A short message for the status bar (e.g. that drawing replaced an opened image).
    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pen_width: float = DEFAULT_PEN_WIDTH
        self.image = QImage(RASTER_SIZE, RASTER_SIZE, QImage.Format.Format_Grayscale8)
        self.image.fill(0)
        self._strokes: list[Stroke] = []
        self._drawing = False
        self._thinned = False  # the network's raster is drawn thinner than the canvas's
        # Says once a drawing that LeNet reads it thinner, after the hand has rested a moment:
        # a stroke's first points, or a digit's first short stroke, are always "small", and a
        # note at every start would be noise.
        self.thin_note = QTimer(self, singleShot=True, interval=THIN_NOTE_DELAY_MS)
        self.thin_note.timeout.connect(self._note_thinned)
        self._loaded: np.ndarray | None = None  # a loaded image's raster, float [0, 1]
        # The loaded image as the view shows it (None while strokes are shown).
        self.loaded_view: QImage | None = None
        # Strokes, Clear and Open image, undoable and redoable (Edit ▸ Undo / Redo).
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # bounded memory over long sessions

    # ----- undo history -------------------------------------------------------------------------
    def state(self) -> CanvasState:
        """The drawing as it stands (for the undo history)."""
        return CanvasState(self._loaded, tuple(self._strokes))

    def apply_state(self, state: CanvasState) -> None:
        """Show `state` (undo / redo): the image and strokes it holds, re-rendered."""
        self._drawing = False
        self._strokes = list(state.strokes)
        self._set_loaded(state.image)
        self._render_all()
        self.replaced.emit()
        self.changed.emit()

    def _record(self, text: str, before: CanvasState) -> None:
        self.undo_stack.push(CanvasChange(self.apply_state, text, before, self.state()))

    def _set_loaded(self, raster: np.ndarray | None) -> None:
        self._loaded = raster
        if raster is None:
            self.loaded_view = None
            return
        gray = np.ascontiguousarray(np.clip(raster * 255.0 + 0.5, 0, 255).astype(np.uint8))
        h, w = gray.shape
        self.loaded_view = QImage(gray.data, w, h, w, QImage.Format.Format_Grayscale8).copy()

    # ----- public API -----------------------------------------------------------------------
    def clear(self) -> None:
        """Erase everything (drawing and loaded image); undoable."""
        before = self.state()
        if before.blank:
            self.replaced.emit()
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
        for a blank drawing or a loaded image (which has no strokes)."""
        if self._loaded is not None:
            return []
        return [(np.array(s.points, dtype=np.float64), s.width) for s in self._strokes]

    def stroke_paths(self) -> list[np.ndarray]:
        """Each stroke's (n, 2) raster points, without pen widths (`drawn_strokes`)."""
        return [points for points, _width in self.drawn_strokes()]

    def raster(self) -> np.ndarray | None:
        """What the model should read: the loaded image, or the 280x280 uint8 drawing."""
        if self._loaded is not None:
            return self._loaded
        if not self._strokes:
            return None
        return _grey_array(self.image)

    def network_raster(self) -> np.ndarray | None:
        """What the network reads: `raster`, except that strokes drawn with a pen thicker than
        the model's cap for this drawing (`model.drawing.strokes.network_pen_cap`: a small
        digit drawn with a thick pen) are drawn again, in the same way, no thicker than it."""
        if self._loaded is not None or not self._strokes:
            self._thinned = False  # a new drawing will be told again
            return self.raster()
        cap = self._network_pen_cap()
        if cap is None:
            return self.raster()
        image = QImage(self.image.size(), self.image.format())
        image.fill(0)
        for stroke in self._strokes:
            self._paint(stroke, 0, dot=True, target=image, width=min(stroke.width, cap))
        return _grey_array(image)

    def _note_thinned(self) -> None:
        if self._drawing or self._thinned or self._loaded is not None or not self._strokes:
            return
        if self._network_pen_cap() is not None:
            self._thinned = True
            self.notice.emit(self.tr("Thick pen for a small drawing: LeNet reads it drawn thinner"))

    def _network_pen_cap(self) -> float | None:
        """The model's pen cap for the drawing where a stroke is thicker than it, else None."""
        cap = network_pen_cap([s.points for s in self._strokes])
        return cap if any(s.width > cap for s in self._strokes) else None

    def raster_shape(self) -> tuple[int, int]:
        """(height, width) of what is shown: the loaded image's, or the drawing's 280x280."""
        if self._loaded is not None:
            return self._loaded.shape[0], self._loaded.shape[1]
        return RASTER_SIZE, RASTER_SIZE

    def set_pen_width(self, width: float) -> None:
        """Pen width in raster pixels (of 280); applies to the next stroke."""
        self.pen_width = float(width)

    # ----- drawing, in raster coordinates (the view converts its events) --------------------
    def begin(self, point: Point) -> None:
        """A stroke starts at `point`."""
        before = self.state()
        if self._loaded is not None:  # drawing on a shown image starts a new drawing
            self._set_loaded(None)
            self.image.fill(0)
            self.replaced.emit()
            self.notice.emit(
                self.tr("Drawing replaced the opened image; Ctrl+Z brings the image back")
            )
        self.thin_note.stop()
        stroke = Stroke(self.pen_width, [point])
        self._strokes.append(stroke)
        self._record(self.tr("stroke"), before)
        self._drawing = True
        self._paint(stroke, 0, dot=True)
        self._painted(stroke.points[-1:], stroke.width)
        self.changed.emit()

    def extend(self, point: Point) -> None:
        """The stroke being drawn reaches `point`."""
        if not self._drawing:
            return
        stroke = self._strokes[-1]
        if point == stroke.points[-1]:
            return
        stroke.points.append(point)
        self._paint(stroke, len(stroke.points) - 2)
        self._painted(stroke.points[-2:], stroke.width)
        self.changed.emit()

    def end(self, point: Point) -> None:
        """The stroke ends at `point`."""
        if not self._drawing:
            return
        self.extend(point)
        self._drawing = False
        if not self._thinned:
            self.thin_note.start()  # once the hand rests: the drawing may still grow

    def _painted(self, points: list[Point], width: float) -> None:
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        margin = width / 2 + 2
        self.painted.emit(
            QRectF(
                min(xs) - margin,
                min(ys) - margin,
                max(xs) - min(xs) + 2 * margin,
                max(ys) - min(ys) + 2 * margin,
            )
        )

    def _paint(
        self,
        stroke: Stroke,
        start: int,
        dot: bool = False,
        target: QImage | None = None,
        width: float | None = None,
    ) -> None:
        """Paint the stroke's segments from point `start` on, after its first dot if `dot`
        (on `target`, default the drawing's image; with `width` instead of the stroke's).

        Live drawing and undo's re-render issue the very same painter calls (the dot, then one
        line per segment, in order), so undo restores the raster exactly, pixel for pixel.
        """
        painter = QPainter(self.image if target is None else target)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(palette.INK), stroke.width if width is None else width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        points = stroke.points
        if dot:
            painter.drawPoint(QPointF(*points[0]))
        for a, b in zip(points[start:], points[start + 1 :]):
            painter.drawLine(QPointF(*a), QPointF(*b))
        painter.end()

    def _render_all(self) -> None:
        self.image.fill(0)
        for stroke in self._strokes:
            self._paint(stroke, 0, dot=True)
