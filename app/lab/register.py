"""The architecture lab workspace (F5), as `app/features.py` registers it.

All of it is the centre (app/lab/central.py: a Design and a Compare tab); it has no docks, as
the table, the editor and the side-by-side are read together rather than arranged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.panel_registry import PanelSpec
from app.core.workspaces import WorkspaceSpec
from app.lab.central import LabCentral

LAB = "lab"


def workspace() -> WorkspaceSpec:
    return WorkspaceSpec(
        LAB,
        QCoreApplication.translate("workspaces", "Lab"),
        LabCentral,
        shortcut="F5",
        tooltip=QCoreApplication.translate(
            "workspaces", "Design your own LeNet, see its shapes, train it and compare"
        ),
    )


def panels() -> list[PanelSpec]:
    return []
