"""Shared look of the panels: pyqtgraph's options, colour maps and the colour-scale functions.

`configure_pyqtgraph()` is called by the theme and by the window before any panel exists (not on
import, so no import order matters). Row-major image order matches numpy's (row, col) indexing,
so arrays go to `setImage` as they come from the model, with no transposes.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from app.widgets import palette

GAP_COLOR = QColor(palette.GAP)
ACCENT = QColor(palette.ACCENT)  # highlights: top class, hovered unit, receptive field
ACTIVATION_CMAP = pg.colormap.get("inferno")
KERNEL_CMAP = pg.colormap.get("CET-D1")  # diverging: negative blue, positive red
INPUT_CMAP = pg.colormap.get("CET-L1")  # grey ramp


def configure_pyqtgraph() -> None:
    """pyqtgraph's global options for every panel (idempotent; before creating panels)."""
    pg.setConfigOptions(
        imageAxisOrder="row-major", background=palette.BASE, foreground=palette.PLOT_TEXT
    )


#: No plot of the app shows coordinates anywhere near this far out (pixels, epochs, percent,
#: shifts); a range beyond it is a runaway, not something to draw.
VIEW_LIMIT = 1e6


def still_view(plot: pg.ViewBox | pg.PlotItem | pg.PlotWidget, *, zoomable: bool = False) -> None:
    """Every plot of the app goes through here when it is made.

    A view not meant to be zoomed (all of them today) takes no mouse pan, zoom or context menu:
    a storm of wheel events once zoomed an axis to a range whose tick labels kept the event
    loop inside pyqtgraph's `AxisItem.generateDrawSpecs` for minutes. Every view, zoomable or
    not, gets finite limits, so neither the mouse nor a runaway value can push it out of them.
    """
    if isinstance(plot, pg.PlotWidget):
        plot = plot.getPlotItem()
    if isinstance(plot, pg.PlotItem):
        plot.hideButtons()
        view = plot.getViewBox()
    else:
        view = plot
    view.setMouseEnabled(zoomable, zoomable)
    view.setMenuEnabled(False)
    view.setLimits(
        xMin=-VIEW_LIMIT,
        xMax=VIEW_LIMIT,
        yMin=-VIEW_LIMIT,
        yMax=VIEW_LIMIT,
        maxXRange=2 * VIEW_LIMIT,
        maxYRange=2 * VIEW_LIMIT,
    )


def quiet_view(view: pg.ViewBox) -> None:
    """A display-only view: fixed aspect, y down, no pan/zoom or context menu."""
    view.setAspectLocked(True)
    view.invertY(True)
    still_view(view)
    view.setBackgroundColor(GAP_COLOR)
    view.setDefaultPadding(0.02)


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """(-m, m) with m the largest magnitude: zero stays the colour map's midpoint."""
    m = float(abs(values).max()) if values.size else 1.0
    m = m if m > 1e-9 else 1.0
    return -m, m


NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(value: float) -> float:
    """The next "round" number at or above `value` (1, 1.5, 2, 3, 4, 5, 6, 8 x 10^k).

    Colour scales snap to these so they stay put while a stroke grows, instead of jittering
    every frame; it also spares the colour bars a relayout per frame.
    """
    if value <= 0:
        return 0.0
    exponent = math.floor(math.log10(value))
    base = 10.0**exponent
    for step in NICE_STEPS:
        if step * base >= value * (1 - 1e-9):
            return step * base
    return 10.0 * base


def activation_levels(values: np.ndarray) -> tuple[float, float]:
    """Range including zero, so an inactive unit always has the same (dark) colour."""
    lo = min(0.0, float(values.min())) if values.size else 0.0
    hi = max(0.0, float(values.max())) if values.size else 1.0
    lo, hi = -nice_ceiling(-lo) + 0.0, nice_ceiling(hi)  # + 0.0: no "-0" labels
    return lo, hi if hi - lo > 1e-6 else lo + 1.0


def held_levels(previous: tuple[float, float] | None, values: np.ndarray) -> tuple[float, float]:
    """`activation_levels(values)`, but the `previous` scale is kept while the values fit in it
    and still reach past half of it on each side that has values.

    While a stroke grows, a layer's largest activation wanders across a round number (5, 6, 5,
    8, 6...); snapping to the nearest round number each frame relaid the colour bar's axis
    every few frames, the slowest frames of the stroke path. Held, the scale moves only when
    the maps outgrow it or shrink to less than half of it, and the colours stay comparable
    from frame to frame.
    """
    fresh = activation_levels(values)
    if previous is None:
        return fresh
    lo, hi = previous
    new_lo, new_hi = fresh
    fits = lo <= new_lo and new_hi <= hi
    uses_high = new_hi > hi / 2
    uses_low = (new_lo < lo / 2) if lo < 0 else new_lo == 0.0
    return previous if fits and uses_high and uses_low else fresh
