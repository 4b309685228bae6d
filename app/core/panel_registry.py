"""The panel registry: docks and the View menu are built from it.

Adding a panel is one new file (a QWidget following `app.core.panel_contract.Panel`) plus one
`PanelSpec(...)` line in its workspace's list (`app/draw/panels/catalogue.py` for Draw's panels,
`app/concepts/register.py` for a concepts view); `app/features.py` puts every list in `PANELS`.
A spec names its workspace; each workspace builds its docks from `specs(workspace)`. The factory
receives the app context (`app.core.context.AppContext`), never the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.core.registry import Registry

if TYPE_CHECKING:
    from app.core.context import AppContext

Area = Qt.DockWidgetArea
Orientation = Qt.Orientation

DEFAULT_WORKSPACE = "draw"


@dataclass(frozen=True)
class PanelSpec:
    """How to make a panel and where its dock goes by default.

    `split` places the dock beside an earlier one, `(key, orientation)`, instead of appending it
    to `area`; `size` is the default (width, height) in pixels, None for "leave it to Qt";
    `minimum` the smallest (width, height) at which the panel still reads; `max_share` the most
    of the window's width the panel may take while its workspace is shown.
    """

    key: str
    title: str
    factory: Callable[[AppContext], QWidget]
    area: Area = Area.RightDockWidgetArea
    size: tuple[int | None, int | None] = (None, None)
    split: tuple[str, Orientation] | None = None
    workspace: str = DEFAULT_WORKSPACE
    object_name: str = ""
    minimum: tuple[int, int] | None = None
    max_share: float | None = None

    @property
    def dock_name(self) -> str:
        """The dock's objectName: stable, so saved layouts find it again."""
        return self.object_name or f"dock{self.key[:1].upper()}{self.key[1:]}"


PANELS: Registry[PanelSpec] = Registry("panel")


def specs(workspace: str = DEFAULT_WORKSPACE) -> list[PanelSpec]:
    """The panels of a workspace, in registration order (the default dock order)."""
    return PANELS.items(lambda s: s.workspace == workspace)
