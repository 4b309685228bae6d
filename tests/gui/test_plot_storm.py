"""A storm of wheel turns and drags on every plot leaves every view where it was.

A GUI event storm once kept the event loop inside pyqtgraph's `AxisItem.generateDrawSpecs` for
minutes: an axis zoomed by the wheel to an extreme range. Every plot goes through
`app.widgets.plot_style.still_view` (no mouse pan or zoom where none is meant, finite limits
everywhere). Here every plot of every workspace, the map detail window and the retrain curves
take big wheel turns both ways and left and right drags all over them; every view's range stays
finite, within the limits (unchanged where the mouse is off), and each plot still paints.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.core.workspaces import WORKSPACES
from app.retrain.curves import TrainingCurves
from app.widgets.plot_style import VIEW_LIMIT
from tests.gui.mouse import mouse, wheel

Range = tuple[tuple[float, float], tuple[float, float]]


def plots(widget: QWidget) -> list[pg.GraphicsView]:
    """The pyqtgraph views shown in `widget` (PlotWidget and GraphicsLayoutWidget included)."""
    return [g for g in widget.findChildren(pg.GraphicsView) if g.isVisible() and g.width() > 0]


def view_boxes(graphics: pg.GraphicsView) -> list[pg.ViewBox]:
    return [item for item in graphics.scene().items() if isinstance(item, pg.ViewBox)]


def ranges(graphics: pg.GraphicsView) -> dict[pg.ViewBox, Range]:
    return {
        view: tuple(tuple(float(v) for v in axis) for axis in view.viewRange())
        for view in view_boxes(graphics)
    }


def storm(graphics: pg.GraphicsView) -> None:
    """Wheel turns (both ways, both axes) and left/right drags at a grid of points over the
    whole plot: its views, its axes and the margins."""
    viewport = graphics.viewport()
    w, h = viewport.width(), viewport.height()
    points = [(w * 0.5, h * 0.5), (w * 0.05, h * 0.5), (w * 0.5, h * 0.95), (w * 0.9, h * 0.1)]
    for x, y in points:  # the centre, the left axis, the bottom axis, a corner
        for notches in (40, -40, 400, -400):
            wheel(viewport, x, y, notches)
            wheel(viewport, x, y, notches, horizontal=True)
        for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            mouse(viewport, QEvent.Type.MouseButtonPress, x, y, button)
            for step in range(1, 4):
                mouse(viewport, QEvent.Type.MouseMove, x + 40 * step, y - 30 * step, button)
            mouse(viewport, QEvent.Type.MouseButtonRelease, x + 200, y - 150, button)
    QApplication.processEvents()


def settled_ranges(graphics: pg.GraphicsView) -> dict[pg.ViewBox, Range]:
    """The views' ranges once pending work has landed: on a busy machine a lazily built
    panel's first result or relayout can come after a first round of events (the full suite
    once saw a map mosaic's range move during its storm, from no storm at all)."""
    QApplication.processEvents()
    last = ranges(graphics)
    for _ in range(20):
        QTest.qWait(50)
        now = ranges(graphics)
        if now == last:
            break
        last = now
    return last


def sizes(graphics: pg.GraphicsView) -> dict[pg.ViewBox, tuple[float, float]]:
    return {view: (view.width(), view.height()) for view in view_boxes(graphics)}


def centre(axes: Range) -> tuple[float, float]:
    return tuple((lo + hi) / 2 for lo, hi in axes)


def check_storm(graphics: pg.GraphicsView) -> int:
    """Storm one plot; its views' ranges are sane afterwards and it paints. Returns the number
    of views it holds.

    A still view (mouse off) keeps its range, unless its box changed shape meanwhile (a hover
    readout beside it took a line more, or one less): an image with a locked aspect then
    refits its range to the box, about the same centre, which is layout, not the mouse, and
    still shows its whole picture (a box grown taller may show less margin beside it than
    before: asking for everything it showed made the test fail now and then)."""
    before = settled_ranges(graphics)  # pending updates (a first result, a relayout) land first
    boxes = sizes(graphics)
    storm(graphics)
    after = ranges(graphics)
    name = f"{type(graphics).__name__} {graphics.objectName()!r}"
    for view, (xr, yr) in after.items():
        values = [*xr, *yr]
        assert all(math.isfinite(v) for v in values), (name, values)
        assert all(abs(v) <= VIEW_LIMIT for v in values), (name, values)
        if any(view.state["mouseEnabled"]) or view not in before:
            continue
        moved = f"{name}: the mouse moved a still view"
        if sizes(graphics)[view] == boxes[view]:
            assert (xr, yr) == before[view], moved
        else:  # relaid out: the same centre, and its picture still whole in view
            assert centre((xr, yr)) == pytest.approx(centre(before[view]), abs=1e-6), moved
            for (lo, hi), bound in zip((xr, yr), view.childrenBounds()):
                if bound is not None and bound[0] is not None:
                    assert lo <= bound[0] + 1e-6 and hi >= bound[1] - 1e-6, moved
    assert not graphics.grab().isNull()  # a repaint returns
    return len(after)


def test_every_plot_of_every_workspace_survives_a_storm(qtbot, window) -> None:
    stormed: dict[str, int] = {}
    for key in WORKSPACES.keys():
        window.switch_workspace(key)
        qtbot.wait(50)  # lazily built panels fill in once shown
        shown = plots(window)
        stormed[key] = sum(check_storm(graphics) for graphics in shown)
        assert not window.grab().isNull()
    assert all(count > 0 for count in stormed.values()), stormed


def test_the_map_detail_window_survives_a_storm(qtbot, window) -> None:
    window.switch_workspace(WORKSPACES.keys()[0])
    detail = window.central(WORKSPACES.keys()[0]).open_map_detail("C1", 0)
    qtbot.waitExposed(detail)
    qtbot.wait(50)  # the current drawing's maps fill in
    assert sum(check_storm(graphics) for graphics in plots(detail)) >= 2


def test_the_retrain_curves_survive_a_storm(qtbot) -> None:
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    curves.resize(500, 400)
    curves.show()
    qtbot.waitExposed(curves)
    x = np.linspace(0, 3, 200)
    curves.raw_loss.setData(x, 2.3 * np.exp(-x) + 0.05 * np.sin(40 * x))
    curves.smooth_loss.setData(x, 2.3 * np.exp(-x))
    curves.train_acc.setData(x, 100 - 90 * np.exp(-x))
    qtbot.wait(10)
    assert sum(check_storm(graphics) for graphics in plots(curves)) >= 2
