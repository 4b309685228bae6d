"""The Draw workspace (F2) and its docks, as `app/features.py` registers them.

The centre is the canvas with the answer (`app.draw.workspace`); the docks are the panels of
`app/draw/panels/catalogue.py`. The canvas takes at most `CANVAS_SHARE` of the window's width, and
the docks' default arrangement is scaled to the window (`app.draw.layout`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.panel_registry import PanelSpec
from app.core.workspaces import DRAW, WorkspaceSpec
from app.draw.layout import CANVAS_SHARE, proportional_sizes
from app.draw.panels import catalogue
from app.draw.workspace import DrawWorkspace


def workspace() -> WorkspaceSpec:
    return WorkspaceSpec(
        DRAW,
        QCoreApplication.translate("workspaces", "Draw"),
        DrawWorkspace,
        shortcut="F2",
        tooltip=QCoreApplication.translate(
            "workspaces", "Draw a digit and watch every layer read it"
        ),
        central_share=CANVAS_SHARE,
        default_layout=proportional_sizes,
    )


def panels() -> list[PanelSpec]:
    return catalogue.panels()
