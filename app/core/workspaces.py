"""Workspaces: Draw, and the views that build on it (Insight, Concepts), one window, one switch.

A workspace is a central widget plus the docks registered for it in `app/core/panel_registry.py`
(`PanelSpec.workspace`). Adding one is one new module defining its `WorkspaceSpec` plus one line
in `app/features.py`; the window adds a checkable action (objectName `action<Key>`, e.g.
`actionInsight`) to the workspace toolbar and the View menu, in registration order (the first
one is shown at start). Each workspace keeps its own dock layout (saved per workspace in the
settings) and is built on first use, so a workspace never opened costs nothing at start-up. Only
the active workspace's panels are subscribed to the live session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from app.core.registry import Registry

if TYPE_CHECKING:
    from app.core.context import AppContext

#: The home workspace: where a drawing is made (features that send the user there name it).
DRAW = "draw"

#: Lays a workspace's docks out in proportion to the window (first show, Restore layout).
DefaultLayout = Callable[[QMainWindow, dict[str, QDockWidget]], None]


@runtime_checkable
class OffersActions(Protocol):
    """A central widget with actions of its own (Draw's Keep as…, My drawings…): the window
    makes `window_actions()` work window-wide and lets it fill the menus it names."""

    def window_actions(self) -> list[QAction]: ...
    def fill_menu(self, name: str, menu: QMenu) -> None: ...


@dataclass(frozen=True)
class WorkspaceSpec:
    """How to make a workspace's central widget and how its switch reads.

    `central` receives the app context; `title` is already translated; `shortcut` is a
    QKeySequence string. `central_share` bounds the central widget to that share of the
    window's width while the workspace is shown (Draw keeps its canvas from eating the maps'
    room); `default_layout` sizes its docks beyond each spec's default size.
    """

    key: str
    title: str
    central: Callable[[AppContext], QWidget]
    shortcut: str = ""
    tooltip: str = ""
    central_share: float | None = None
    default_layout: DefaultLayout | None = None

    @property
    def action_name(self) -> str:
        return f"action{self.key[:1].upper()}{self.key[1:]}"


WORKSPACES: Registry[WorkspaceSpec] = Registry("workspace")
