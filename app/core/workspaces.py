"""Workspaces: Draw, and the views that build on it (Insight, Concepts), one window, one switch.

A workspace is a central widget plus the docks registered for it in `app/core/panel_registry.py`
(`PanelSpec.workspace`). Registering one is one `register_workspace(WorkspaceSpec(...))` line;
the window adds a checkable action (objectName `action<Key>`, e.g. `actionInsight`) to the
workspace toolbar and the View menu. Each workspace keeps its own dock layout (saved per
workspace in the settings) and is built on first use, so a workspace never opened costs
nothing at start-up. Only the active workspace's panels are subscribed to the live session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QWidget

DRAW = "draw"


@dataclass(frozen=True)
class WorkspaceSpec:
    """How to make a workspace's central widget and how its switch reads.

    `central` receives the main window (a workspace may open a sample in Draw through it);
    `title` is already translated; `shortcut` is a QKeySequence string.
    """

    key: str
    title: str
    central: Callable[[QMainWindow], QWidget]
    shortcut: str = ""
    tooltip: str = ""

    @property
    def action_name(self) -> str:
        return f"action{self.key[:1].upper()}{self.key[1:]}"


_WORKSPACES: dict[str, WorkspaceSpec] = {}


def register_workspace(spec: WorkspaceSpec) -> WorkspaceSpec:
    """Add a workspace; keys are unique (settings and panel specs name them)."""
    if spec.key in _WORKSPACES:
        raise ValueError(f"workspace {spec.key!r} is already registered")
    _WORKSPACES[spec.key] = spec
    return spec


def unregister_workspace(key: str) -> None:
    _WORKSPACES.pop(key, None)


def workspaces() -> list[WorkspaceSpec]:
    """Registered workspaces in registration order, Draw first (the others register on import
    of the panel catalogue, which happens before the window registers Draw)."""
    return sorted(_WORKSPACES.values(), key=lambda spec: spec.key != DRAW)


def workspace(key: str) -> WorkspaceSpec | None:
    return _WORKSPACES.get(key)
