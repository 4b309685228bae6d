"""Keeping the Draw workspace readable from the window's minimum size up to 4K.

Two rules, applied by the window:

* every panel has a minimum size at which its text and plots still read (axis labels whole and
  apart, the kernels visible, both dense strips with their labels), so docks never squeeze a
  panel into clipped or overlapping text;
* the canvas area takes a bounded share of the width (`CANVAS_SHARE`): beyond it, extra space
  goes to the docks, whose plots then grow instead of the canvas alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

#: Minimum (width, height) of each Draw panel's widget, in pixels.
MINIMUM_SIZES: dict[str, tuple[int, int]] = {
    "probabilities": (185, 130),
    "input": (170, 140),
    "kernels": (185, 190),
    "C1": (140, 130),
    "S1": (140, 130),
    "C2": (140, 130),
    "S2": (140, 130),
    "dense": (260, 150),
}
#: The most of the window's width the canvas area and the left column may take (Draw).
CANVAS_SHARE = 0.42
LEFT_MAX_SHARE = 0.26
LEFT_PANELS = ("probabilities", "input", "kernels")
#: The window's minimum size.
WINDOW_MINIMUM = (800, 600)
WIDGET_MAX = 16777215  # QWIDGETSIZE_MAX


def apply_minimum_sizes(panels: dict[str, QWidget]) -> None:
    """Give each known panel its minimum readable size; its text lines wrap rather than
    widen the dock past the window."""
    for key, (width, height) in MINIMUM_SIZES.items():
        if key in panels:
            panels[key].setMinimumSize(width, height)
            for label in panels[key].findChildren(QLabel):
                label.setWordWrap(True)


class CanvasShare(QObject):
    """While `active()`, bounds the central widget to CANVAS_SHARE of the window's width and
    the left column to LEFT_MAX_SHARE, so a growing window grows the maps too."""

    def __init__(self, window: QMainWindow, central: QWidget, active, panels) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window, self.central, self.active, self.panels = window, central, active, panels
        self.default_share = self.share = CANVAS_SHARE  # presentation mode raises it
        window.installEventFilter(self)
        self.update()

    def update(self) -> None:
        on = self.active()
        width = self.window.width()
        bound = max(int(width * self.share), self.central.minimumSizeHint().width())
        self.central.setMaximumWidth(bound if on else WIDGET_MAX)
        for key in LEFT_PANELS:
            panel = self.panels.get(key)
            if panel is not None:
                left = max(int(width * LEFT_MAX_SHARE), MINIMUM_SIZES[key][0])
                panel.setMaximumWidth(left if on else WIDGET_MAX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.update()
        return False


#: Default share of the window's width: the left column, the canvas area (rest: the maps).
LEFT_SHARE, CENTRE_SHARE = 0.22, 0.34


def proportional_sizes(window: QMainWindow, docks: dict[str, QWidget]) -> None:
    """The Draw workspace's default arrangement scaled to the window: the left column, the
    canvas and the two map columns share the width, the map rows and the dense strips the
    height, each at least its minimum. Called on first show and on Restore default layout."""
    width, height = window.width(), window.height()
    if not {"probabilities", "C1", "S1", "C2", "dense"} <= docks.keys():
        return
    left = max(int(width * LEFT_SHARE), MINIMUM_SIZES["probabilities"][0])
    maps = max((width - left - int(width * CENTRE_SHARE)) // 2, MINIMUM_SIZES["C1"][0])
    horizontal = Qt.Orientation.Horizontal
    window.resizeDocks(
        [docks["probabilities"], docks["C1"], docks["S1"]], [left, maps, maps], horizontal
    )
    usable = height - 120  # menus, toolbar, status bar, dock titles
    dense = max(int(usable * 0.24), MINIMUM_SIZES["dense"][1])
    row = max((usable - dense) // 2, MINIMUM_SIZES["C1"][1])
    window.resizeDocks(
        [docks["C1"], docks["C2"], docks["dense"]], [row, row, dense], Qt.Orientation.Vertical
    )
    column = usable // 3
    window.resizeDocks(
        [docks[k] for k in ("probabilities", "input", "kernels")],
        [int(column * 0.9), int(column * 1.1), column],
        Qt.Orientation.Vertical,
    )
