"""One undo history for the canvas: strokes, Clear and Open image (Ctrl+Z / Ctrl+Shift+Z).

Every change is recorded as the canvas's state before and after it (the loaded image and the
list of strokes, both immutable once recorded), so undo and redo simply put a state back and
re-render it. Re-rendering issues the same painter calls as live drawing, so an undone raster is
the same, pixel for pixel, as the one the user saw before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.draw.canvas import DrawingCanvas, Stroke


@dataclass(frozen=True)
class CanvasState:
    """What the canvas shows: an opened image (read-only array) or None, and the strokes."""

    image: np.ndarray | None
    strokes: tuple[Stroke, ...]

    @property
    def blank(self) -> bool:
        return self.image is None and not self.strokes


class CanvasChange(QUndoCommand):
    """A change from `before` to `after`, already applied when pushed (first redo: no-op)."""

    def __init__(self, canvas: DrawingCanvas, text: str, before: CanvasState, after: CanvasState):
        super().__init__(text)
        self._canvas, self.before, self.after = canvas, before, after
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # QUndoStack.push calls redo; the canvas has already changed
            self._applied = False
            return
        self._canvas.apply_state(self.after)

    def undo(self) -> None:
        self._canvas.apply_state(self.before)
