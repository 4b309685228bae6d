"""One registry of panel specs: docks and the View menu are built from it.

Adding a panel is one new file (a QWidget following `app.core.panel_contract.Panel`) plus one
`register(PanelSpec(...))` line (in `app/draw/panels/catalogue.py` for the product's panels). A
spec names its workspace ("draw" by default): later workspaces (insight, concepts) build their
docks from `specs(workspace)` the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

Area = Qt.DockWidgetArea
Orientation = Qt.Orientation

DEFAULT_WORKSPACE = "draw"


@dataclass(frozen=True)
class PanelSpec:
    """How to make a panel and where its dock goes by default.

    `split` places the dock beside an earlier one, `(key, orientation)`, instead of appending it
    to `area`; `size` is the default (width, height) in pixels, None for "leave it to Qt".
    """

    key: str
    title: str
    factory: Callable[[], QWidget]
    area: Area = Area.RightDockWidgetArea
    size: tuple[int | None, int | None] = (None, None)
    split: tuple[str, Orientation] | None = None
    workspace: str = DEFAULT_WORKSPACE
    object_name: str = ""

    @property
    def dock_name(self) -> str:
        """The dock's objectName: stable, so saved layouts find it again."""
        return self.object_name or f"dock{self.key[:1].upper()}{self.key[1:]}"


_SPECS: dict[str, PanelSpec] = {}


def register(spec: PanelSpec) -> PanelSpec:
    """Add a panel; a key may be registered once (docks are found by it)."""
    if spec.key in _SPECS:
        raise ValueError(f"panel {spec.key!r} is already registered")
    _SPECS[spec.key] = spec
    return spec


def unregister(key: str) -> None:
    _SPECS.pop(key, None)


def specs(workspace: str = DEFAULT_WORKSPACE) -> list[PanelSpec]:
    """The panels of a workspace, in registration order (the default dock order)."""
    return [s for s in _SPECS.values() if s.workspace == workspace]


@contextmanager
def registered(spec: PanelSpec) -> Iterator[PanelSpec]:
    """Register `spec` for the duration of a block (tests, plug-ins tried out)."""
    register(spec)
    try:
        yield spec
    finally:
        unregister(spec.key)
