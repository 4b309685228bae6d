"""The dock widgets and their default arrangement.

Every dock has a stable objectName so `saveState`/`restoreState` can put it back where the
user left it; the default arrangement is captured once so View ▸ Restore default layout works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

Area = Qt.DockWidgetArea

# key -> (objectName, title)
DOCKS: dict[str, tuple[str, str]] = {
    "probabilities": ("dockProbabilities", "Probabilities"),
    "input": ("dockNetworkInput", "Network input (32x32)"),
    "C1": ("dockC1", "C1 · convolution 5x5 · 6@28x28"),
    "S1": ("dockS1", "S1 · pooling 2x2 · 6@14x14"),
    "C2": ("dockC2", "C2 · convolution 5x5 · 16@10x10"),
    "S2": ("dockS2", "S2 · pooling 2x2 · 16@5x5"),
    "dense": ("dockDense", "F5 · F6 · fully connected"),
    "kernels": ("dockKernels", "Kernels (C1, C2)"),
}


def create_docks(window: QMainWindow, widgets: dict[str, QWidget]) -> dict[str, QDockWidget]:
    """Wrap each panel in a dock and lay them out around the canvas."""
    docks = {}
    for key, (name, title) in DOCKS.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widgets[key])
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        docks[key] = dock
    window.setDockNestingEnabled(True)
    left = [docks["probabilities"], docks["input"], docks["kernels"]]
    for dock in left:
        window.addDockWidget(Area.LeftDockWidgetArea, dock, Qt.Orientation.Vertical)
    window.addDockWidget(Area.RightDockWidgetArea, docks["C1"])
    window.splitDockWidget(docks["C1"], docks["S1"], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks["C1"], docks["C2"], Qt.Orientation.Vertical)
    window.splitDockWidget(docks["S1"], docks["S2"], Qt.Orientation.Vertical)
    window.addDockWidget(Area.RightDockWidgetArea, docks["dense"], Qt.Orientation.Vertical)
    return docks


def default_sizes(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Proportions for a ~1600x1000 window: the canvas in the middle keeps the most room."""
    h, v = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    window.resizeDocks([docks["probabilities"]], [330], h)
    left = [docks["probabilities"], docks["input"], docks["kernels"]]
    window.resizeDocks(left, [260, 330, 250], v)
    window.resizeDocks([docks["C1"], docks["S1"]], [380, 380], h)
    window.resizeDocks([docks["C1"], docks["C2"], docks["dense"]], [300, 380, 170], v)
    window.resizeDocks([docks["S1"], docks["S2"]], [300, 380], v)
