"""Keeping every workspace readable from the window's minimum size up to 4K.

Two rules, applied by the window from what the registries say:

* every panel has a minimum size at which its text and plots still read (`PanelSpec.minimum`),
  so docks never squeeze a panel into clipped or overlapping text;
* a workspace may bound its central widget to a share of the width
  (`WorkspaceSpec.central_share`) and a panel its own (`PanelSpec.max_share`): beyond them,
  extra space goes to the other docks, whose plots then grow instead.

One exception to the first rule: where a column of docks needs more height than the window has
(presentation mode's larger menus, toolbar and dock titles at 800x600), its panels' minimum
heights give way in proportion (`ColumnFit`), rather than the last dock running on under the
status bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QStyle, QWidget

from app.core.panel_registry import PanelSpec
from app.widgets.fitting_caption import FittingCaption

#: The window's minimum size.
WINDOW_MINIMUM = (800, 600)
WIDGET_MAX = 16777215  # QWIDGETSIZE_MAX
#: Presentation mode: the central widget may take at least this much of the width.
PRESENTATION_SHARE = 0.55
#: Pixels of unused width beside a bounded central widget tolerated before the docks get them.
GAP_TOLERANCE = 8
#: The least share of its readable minimum height a panel keeps in a column that is too tall.
LEAST_HEIGHT_SHARE = 0.7


def apply_minimum_sizes(specs: list[PanelSpec], panels: dict[str, QWidget]) -> None:
    """Give each panel its minimum readable size; its text lines wrap rather than widen the
    dock past the window."""
    for spec in specs:
        if spec.minimum is not None and spec.key in panels:
            panels[spec.key].setMinimumSize(*spec.minimum)
            for label in panels[spec.key].findChildren(QLabel):
                label.setWordWrap(True)
                fixed = label.minimumHeight() == label.maximumHeight()
                if not fixed and not isinstance(label, FittingCaption):  # those fit themselves
                    WrappedHeight(label)


class WrappedHeight(QObject):
    """Keeps a wrapped label at least as tall as its lines at its present width: a dock does
    not ask its panel for height-for-width, so a squeezed panel cut the last line (the network
    input's caption in Chinese, presentation mode)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        fixed = self.label.minimumHeight() == self.label.maximumHeight()  # its owner sizes it
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and not fixed:
            need = self.label.heightForWidth(self.label.width())
            if need > 0 and need != self.label.minimumHeight():
                self.label.setMinimumHeight(need)
        return False


class CentralShare(QObject):
    """Bounds the active workspace's central widget and its bounded panels to their shares of
    the window's width (see the module docstring); `presenting` widens the central share."""

    def __init__(
        self,
        window: QMainWindow,
        active: Callable[[], tuple[QWidget, float | None, list[tuple[QWidget, PanelSpec]]]],
    ) -> None:
        super().__init__(window)
        self.window, self.active = window, active
        self.presenting = False
        self._bounded: list[QWidget] = []
        window.installEventFilter(self)

    def update(self) -> None:
        central, share, panels = self.active()
        for widget in self._bounded:  # the previous workspace's bounds go
            widget.setMaximumWidth(WIDGET_MAX)
        self._bounded = []
        width = self.window.width()
        if share is not None:
            share = max(share, PRESENTATION_SHARE) if self.presenting else share
            bound = max(int(width * share), central.minimumSizeHint().width())
            central.setMaximumWidth(bound)
            self._bounded.append(central)
        for panel, spec in panels:
            if spec.max_share is not None:
                least = spec.minimum[0] if spec.minimum else 0
                panel.setMaximumWidth(max(int(width * spec.max_share), least))
                self._bounded.append(panel)

        if share is not None:
            # after Qt has placed the docks: room the bounded centre cannot take goes to them
            QTimer.singleShot(0, self.fill_gap)

    def claim(self) -> None:
        """Narrow the dock columns so the central widget reaches its (presentation) share:
        Qt only hands space to the centre when the window resizes."""
        central, share, _panels = self.active()
        if share is None or not central.isVisible():
            return
        want = min(central.maximumWidth(), self.window.width()) - central.width()
        columns = self._columns()
        total = sum(d.width() for d in columns)
        if want <= GAP_TOLERANCE or total <= 0:
            return
        widths = [max(1, d.width() - int(want * d.width() / total)) for d in columns]
        self.window.resizeDocks(columns, widths, Qt.Orientation.Horizontal)

    def _columns(self) -> list[QDockWidget]:
        """The topmost docked dock of each column of docks."""
        columns: dict[int, QDockWidget] = {}
        for dock in self.window.findChildren(QDockWidget):
            if dock.isVisible() and not dock.isFloating():
                x = dock.geometry().x()
                if x not in columns or dock.geometry().y() < columns[x].geometry().y():
                    columns[x] = dock
        return list(columns.values())

    def fill_gap(self) -> None:
        """Give the docks beside a bounded central widget the width it may not take.

        Qt hands a growing window's new width to the central widget; bounded, the rest stayed
        an empty gap beside it (or went to whichever dock Qt chose), and the maps ended smaller
        than at the default size. Each dock column (the topmost dock of each) widens in
        proportion to its width."""
        central, share, _panels = self.active()
        stack = self.window.centralWidget()
        if share is None or not central.isVisible() or stack is None:
            return
        gap = stack.width() - central.width()
        if gap <= GAP_TOLERANCE:
            return
        docks = [d for d in self._columns() if d.widget().width() < d.widget().maximumWidth()]
        total = sum(d.width() for d in docks)
        if not docks or total <= 0:
            return
        widths = [d.width() + int(gap * d.width() / total) for d in docks]
        self.window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.update()
        return False


class ColumnFit(QObject):
    """Lets each column of docks fit the window's height.

    The panels' minimum heights (`PanelSpec.minimum`) add up, per column, to less than an
    800x600 window gives the docks; presentation mode's larger menus, toolbar and dock titles
    took 30 px more than that in Draw's left column, and Qt then let its last dock run on under
    the status bar (the kernels' hint was hidden). Where a column needs more, its panels'
    minimum heights shrink in proportion, down to `LEAST_HEIGHT_SHARE` of their own; they are
    back to their own as soon as there is room. `active()` gives the active workspace's panels
    with their specs."""

    def __init__(
        self, window: QMainWindow, active: Callable[[], list[tuple[QWidget, PanelSpec]]]
    ) -> None:
        super().__init__(window)
        self.window, self.active = window, active
        window.installEventFilter(self)

    def fit(self) -> None:
        bar = self.window.statusBar()
        bottom = bar.geometry().top() if bar.isVisible() else self.window.height()
        style = self.window.style()
        separator = style.pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent)
        columns: dict[tuple[Qt.DockWidgetArea, int], list[tuple[QWidget, int]]] = {}
        targets: dict[QWidget, int] = {}
        for panel, spec in self.active():
            if spec.minimum is None:
                continue
            targets[panel] = spec.minimum[1]
            dock = panel.parentWidget()
            if isinstance(dock, QDockWidget) and dock.isVisible() and not dock.isFloating():
                key = (self.window.dockWidgetArea(dock), dock.geometry().x())
                columns.setdefault(key, []).append((panel, spec.minimum[1]))
        for column in columns.values():
            docks = [panel.parentWidget() for panel, _own in column]
            # each dock's title and frame: its minimum less its panel's present minimum
            frames = sum(
                d.minimumSizeHint().height() - p.minimumHeight()
                for d, (p, _o) in zip(docks, column)
            )
            total = sum(own for _p, own in column)
            need = frames + total + separator * (len(docks) - 1)
            excess = need - (bottom - min(d.geometry().top() for d in docks))
            if excess <= 0:
                continue
            for panel, own in column:
                give = math.ceil(excess * own / total)
                targets[panel] = max(int(own * LEAST_HEIGHT_SHARE), own - give)
        for panel, height in targets.items():
            if panel.minimumHeight() != height:  # unchanged: no new layout request, no loop
                panel.setMinimumHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.LayoutRequest,
        ):
            QTimer.singleShot(0, self.fit)
        return False
