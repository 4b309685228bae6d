"""The dock widgets of a workspace, built from the panel registry, and their default sizes.

Every dock has a stable objectName (`PanelSpec.dock_name`) so `saveState`/`restoreState` put
it back where the user left it; the default arrangement is captured once by the window so
View ▸ Restore default layout works.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from app.core.panel_registry import Orientation, PanelSpec

FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


def create_docks(
    window: QMainWindow, specs: list[PanelSpec], widgets: dict[str, QWidget]
) -> dict[str, QDockWidget]:
    """Wrap each panel in a dock and place it: appended to its area, or split off another."""
    window.setDockNestingEnabled(True)
    docks: dict[str, QDockWidget] = {}
    for spec in specs:
        dock = QDockWidget(spec.title, window)
        dock.setObjectName(spec.dock_name)
        dock.setWidget(widgets[spec.key])
        dock.setFeatures(FEATURES)
        if spec.split is not None and spec.split[0] in docks:
            window.splitDockWidget(docks[spec.split[0]], dock, spec.split[1])
        else:
            window.addDockWidget(spec.area, dock, Orientation.Vertical)
        docks[spec.key] = dock
    return docks


def default_sizes(
    window: QMainWindow, specs: list[PanelSpec], docks: dict[str, QDockWidget]
) -> None:
    """Each spec's default size; the canvas in the middle keeps the rest."""
    for index, orientation in ((0, Orientation.Horizontal), (1, Orientation.Vertical)):
        sized = [(docks[s.key], s.size[index]) for s in specs if s.size[index] is not None]
        if sized:
            window.resizeDocks([d for d, _ in sized], [n for _, n in sized], orientation)
