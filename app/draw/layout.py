"""The Draw workspace's default arrangement, scaled to the window.

Two rules keep Draw readable from the window's minimum size up to 4K: every panel has a minimum
size at which its text and plots still read (`MINIMUM_SIZES`, given to each `PanelSpec`), and the
canvas takes a bounded share of the width (`CANVAS_SHARE`, the workspace's `central_share`),
the left column at most `LEFT_MAX_SHARE` (each left panel's `max_share`), so a growing window
grows the maps too. `proportional_sizes` is the workspace's `default_layout`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

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
#: The most of the window's width the canvas area and the left column may take.
CANVAS_SHARE = 0.42
LEFT_MAX_SHARE = 0.26
#: Default share of the window's width: the left column, the canvas area (rest: the maps).
LEFT_SHARE, CENTRE_SHARE = 0.22, 0.34


def proportional_sizes(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The left column, the canvas and the two map columns share the width, the map rows and
    the dense strips the height, each at least its minimum. Called on first show and on
    Restore default layout."""
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
