"""One undo history for the drawing: strokes, Clear and Open image (Ctrl+Z / Ctrl+Shift+Z).

Every change is recorded as the drawing's state before and after it (the loaded image and the
list of strokes, both immutable once recorded), so undo and redo simply put a state back and
re-render it. Re-rendering issues the same painter calls as live drawing, so an undone raster is
the same, pixel for pixel, as the one the user saw before. The history knows states and a way to
apply one, nothing of the drawing itself (`app/core/drawing.py` imports this module, not back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QUndoCommand


@dataclass
class Stroke:
    """One pen stroke: its width and its points, in raster pixels (of 280)."""

    width: float
    points: list[tuple[float, float]] = field(default_factory=list)


@dataclass(frozen=True)
class CanvasState:
    """What the drawing shows: an opened image (read-only array) or None, and the strokes."""

    image: np.ndarray | None
    strokes: tuple[Stroke, ...]

    @property
    def blank(self) -> bool:
        return self.image is None and not self.strokes


class CanvasChange(QUndoCommand):
    """A change from `before` to `after`, already applied when pushed (first redo: no-op)."""

    def __init__(
        self,
        apply: Callable[[CanvasState], None],
        text: str,
        before: CanvasState,
        after: CanvasState,
    ) -> None:
        super().__init__(text)
        self._apply, self.before, self.after = apply, before, after
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # QUndoStack.push calls redo; the drawing has already changed
            self._applied = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
