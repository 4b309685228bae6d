"""The dock widgets of a workspace, built from the panel registry, and their default sizes.

Every dock has a stable objectName (`PanelSpec.dock_name`) so `saveState`/`restoreState` put
it back where the user left it; the default arrangement is captured once by the window so
View ▸ Restore default layout works.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from app.core.panel_registry import Orientation, PanelSpec

#: Pixels of a dock's title bar taken by its float and close buttons and margins.
TITLE_BUTTONS = 46
FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


class FittingTitle(QObject):
    """A dock title that fits its dock: "C1 · convolution 5x5 · 6@28x28" in a wide dock,
    "C1 · 6@28x28" (first and last parts) in a narrow one, never Qt's "C1 · convoluti…"."""

    def __init__(self, dock: QDockWidget, title: str) -> None:
        super().__init__(dock)
        self.dock = dock
        self.set_title(title, fit=False)
        dock.installEventFilter(self)

    def set_title(self, title: str, fit: bool = True) -> None:
        """A new full title (a panel that follows the network's design retitles its dock)."""
        self.full = title
        parts = title.split(" · ")
        self.choices = [title]
        if len(parts) > 2:
            self.choices.append(f"{parts[0]} · {parts[-1]}")
        if len(parts) > 1:
            self.choices.append(parts[0])
        if fit:
            self.dock.toggleViewAction().setText(title)
            self.fit()

    def fit(self) -> None:
        room = self.dock.width() - TITLE_BUTTONS
        metrics = self.dock.fontMetrics()
        chosen = next(
            (t for t in self.choices if metrics.horizontalAdvance(t) <= room), self.choices[-1]
        )
        if chosen != self.dock.windowTitle():
            self.dock.setWindowTitle(chosen)
            self.dock.toggleViewAction().setText(self.full)  # the View menu keeps the full name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False


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
        title = FittingTitle(dock, spec.title)
        retitled = getattr(widgets[spec.key], "title_changed", None)
        if retitled is not None:  # e.g. a map panel showing another design's layers
            retitled.connect(title.set_title)
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
