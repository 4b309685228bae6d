"""Checks shared by the layout tests of the Concepts and Insight workspaces: the event loop
goes idle (no layout feedback loop), every plot's range is finite, nothing overlaps."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ROUNDS = 40  # event-loop passes allowed before the layout must be still


class _Counter(QObject):
    """Counts layout requests, resizes and view-range changes during one pass."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.count += 1
        return False

    def bump(self, *_args) -> None:
        self.count += 1


def view_boxes(root: QWidget) -> list[pg.ViewBox]:
    """Every pyqtgraph view box drawn inside `root` (plots and image views)."""
    boxes = []
    for view in root.findChildren(pg.GraphicsView):
        boxes += [item for item in view.scene().items() if isinstance(item, pg.ViewBox)]
    return boxes


def assert_goes_idle(window: QMainWindow, roots: list[QWidget]) -> None:
    """Within `ROUNDS` passes of the event loop, one pass changes no layout and no range: a
    layout feedback loop (a plot re-ranging on every paint) never gets there."""
    counter = _Counter()
    boxes = [box for root in roots for box in view_boxes(root)]
    for box in boxes:
        box.sigRangeChanged.connect(counter.bump)
    app = QApplication.instance()
    app.installEventFilter(counter)
    try:
        for _ in range(ROUNDS):
            counter.count = 0
            window.repaint()
            app.processEvents()
            if counter.count == 0:
                break
        assert counter.count == 0, "the layout never settles: a feedback loop"
    finally:
        app.removeEventFilter(counter)
        for box in boxes:
            box.sigRangeChanged.disconnect(counter.bump)


def assert_ranges_finite(roots: list[QWidget], limit: float = 1e4) -> None:
    """Every plot's x and y range finite and of a sane size (the loop drove them to -1.5e7)."""
    for root in roots:
        for box in view_boxes(root):
            if not box.isVisible():
                continue
            for low, high in box.viewRange():
                assert math.isfinite(low) and math.isfinite(high), (root.objectName(), low)
                assert abs(low) < limit and abs(high) < limit, (root.objectName(), low, high)


def assert_no_overlap(window: QMainWindow, widgets: dict[str, QWidget]) -> None:
    """Visible docks and the centre inside the window and apart from each other."""
    inside = QRect(0, 0, window.width(), window.height())
    shown = {k: w for k, w in widgets.items() if w.isVisible()}
    rects = {k: QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for k, w in shown.items()}
    for key, rect in rects.items():
        assert inside.contains(rect), (key, rect, inside)
        for other, rect2 in rects.items():
            if other != key:
                assert not rect.intersects(rect2), (key, rect, other, rect2)
