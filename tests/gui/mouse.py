"""The one home of mouse events for the GUI tests: real QMouseEvents, sent as a user's arrive.

`mouse` sends one event to a widget; `wheel` one wheel turn; `send_to_view` one to a pyqtgraph
view at a scene point;
`draw_stroke` (raster coordinates) and `drag` (widget coordinates) draw on the canvas.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from model.data.drawn_digits import digit_strokes, place_strokes


def mouse(
    widget: QWidget,
    kind: QEvent.Type,
    x: float,
    y: float,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> None:
    """Send one real mouse event to `widget` at widget coordinates (x, y).

    With the left button (default) it is a drag's event: moves carry the held button, a
    release none. With `NoButton` it is a plain hover move.
    """
    pos = QPointF(x, y)
    none = Qt.MouseButton.NoButton
    if button == none:
        event_button, buttons = none, none
    else:
        event_button = none if kind == QEvent.Type.MouseMove else button
        buttons = none if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), event_button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def wheel(widget: QWidget, x: float, y: float, notches: float, horizontal: bool = False) -> None:
    """One wheel turn of `notches` (120 units each; negative: towards the user) at (x, y)."""
    pos = QPointF(x, y)
    delta = QPoint(round(120 * notches), 0) if horizontal else QPoint(0, round(120 * notches))
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(),
        delta,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def send_to_view(
    graphics: QGraphicsView,
    kind: QEvent.Type,
    scene_pos: QPointF,
    button: Qt.MouseButton = Qt.MouseButton.NoButton,
) -> None:
    """One mouse event on a pyqtgraph view's viewport, aimed at a scene position."""
    pos = QPointF(graphics.mapFromScene(scene_pos))
    viewport = graphics.viewport()
    event = QMouseEvent(
        kind, pos, viewport.mapToGlobal(pos), button, button, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(viewport, event)


def click_in_view(graphics: QGraphicsView, scene_pos: QPointF) -> None:
    """A real left click on a pyqtgraph view at a scene position: move there, press, release."""
    send_to_view(graphics, QEvent.Type.MouseMove, scene_pos)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        send_to_view(graphics, kind, scene_pos, Qt.MouseButton.LeftButton)


def drag(widget: QWidget, points: Iterable[tuple[float, float]]) -> None:
    """Press, move through `points` (widget coordinates), release; events processed after."""
    points = list(points)
    mouse(widget, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:-1]:
        mouse(widget, QEvent.Type.MouseMove, *p)
    mouse(widget, QEvent.Type.MouseButtonRelease, *points[-1])
    QApplication.processEvents()


def to_widget(canvas, point: tuple[float, float]) -> tuple[float, float]:
    """Canvas raster coordinates (0..280) to widget coordinates."""
    scale, x0, y0 = canvas.raster_to_widget()
    return x0 + point[0] * scale, y0 + point[1] * scale


def draw_stroke(canvas, points: Iterable[tuple[float, float]]) -> None:
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


def draw_digit(canvas, image28: np.ndarray) -> None:
    for path in digit_paths(image28):
        draw_stroke(canvas, path)


def first_of_each_digit(labels: np.ndarray) -> list[int]:
    """Index of the first test image of each class 0-9 (no cherry-picking)."""
    return [int(np.flatnonzero(labels == d)[0]) for d in range(10)]
