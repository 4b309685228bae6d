"""Registers the Insight workspace (F3) and its docks; imported once by
app/draw/panels/catalogue.py.

The central widget is built on first use (`app.insight.workspace` is imported then), so a
session that never opens Insight pays nothing for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.panel_registry import Area, PanelSpec, register
from app.core.workspaces import WorkspaceSpec, register_workspace

KEY = "insight"


def _central(window):  # noqa: ANN001, ANN202
    from app.insight.workspace import InsightWorkspace

    return InsightWorkspace(window)


def _attribution():  # noqa: ANN202
    from app.insight.attribution_panel import AttributionPanel

    return AttributionPanel()


register_workspace(
    WorkspaceSpec(
        KEY,
        QCoreApplication.translate("workspaces", "Insight"),
        _central,
        shortcut="F3",
        tooltip=QCoreApplication.translate(
            "workspaces",
            "A whole data set at a glance: confusions, mistakes, where the network looks",
        ),
    )
)
register(
    PanelSpec(
        "insightAttribution",
        QCoreApplication.translate("panels", "Where the network looks"),
        _attribution,
        Area.RightDockWidgetArea,
        (380, 520),
        workspace=KEY,
    )
)
