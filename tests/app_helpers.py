"""Helpers for the GUI tests: real mouse strokes delivered to the canvas widget.

Strokes are sent as QMouseEvents to the canvas itself, exactly as a user's mouse would arrive.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from model.drawn_digits import digit_strokes, place_strokes


def mouse(widget: QWidget, kind: QEvent.Type, x: float, y: float) -> None:
    """Send one real left-button mouse event to `widget` at widget coordinates (x, y)."""
    pos = QPointF(x, y)
    left = Qt.MouseButton.LeftButton
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def to_widget(canvas, point: tuple[float, float]) -> tuple[float, float]:  # noqa: ANN001
    """Canvas raster coordinates (0..280) to widget coordinates."""
    scale, x0, y0 = canvas.raster_to_widget()
    return x0 + point[0] * scale, y0 + point[1] * scale


def draw_stroke(canvas, points: Iterable[tuple[float, float]]) -> None:  # noqa: ANN001
    """Press, move through `points` (raster coordinates), release; events processed after."""
    points = [to_widget(canvas, p) for p in points]
    mouse(canvas, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:]:
        mouse(canvas, QEvent.Type.MouseMove, *p)
    mouse(canvas, QEvent.Type.MouseButtonRelease, *points[-1])
    QApplication.processEvents()


def digit_paths(image28: np.ndarray, size: float = 190.0) -> list[list[tuple[float, float]]]:
    """Stroke paths of an MNIST digit, its longer side `size` raster px, centred on the canvas."""
    strokes = digit_strokes(image28)
    placed = place_strokes(strokes, 0.0, 0.0, size)
    xs = [x for s in placed for x, _ in s]
    ys = [y for s in placed for _, y in s]
    dx, dy = 140 - (max(xs) + min(xs)) / 2, 140 - (max(ys) + min(ys)) / 2
    return [[(x + dx, y + dy) for x, y in s] for s in placed]


def draw_digit(canvas, image28: np.ndarray) -> None:  # noqa: ANN001
    for path in digit_paths(image28):
        draw_stroke(canvas, path)


def first_of_each_digit(labels: np.ndarray) -> list[int]:
    """Index of the first test image of each class 0-9 (no cherry-picking)."""
    return [int(np.flatnonzero(labels == d)[0]) for d in range(10)]
