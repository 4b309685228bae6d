"""The architecture lab workspace (F5), as `app/features.py` registers it.

All of it is the centre (app/lab/central.py: a Design and a Compare tab); it has no docks, as
the table, the editor and the side-by-side are read together rather than arranged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.context import AppContext
from app.core.panel_registry import PanelSpec
from app.core.workspaces import WorkspaceSpec

LAB = "lab"


def _central(context: AppContext) -> QWidget:
    """The lab, imported when it is first shown: its editor, training and comparison code (and
    the training stack behind them) stay out of the app's start-up."""
    from app.lab.central import LabCentral

    return LabCentral(context)


def workspace() -> WorkspaceSpec:
    return WorkspaceSpec(
        LAB,
        QCoreApplication.translate("workspaces", "Lab"),
        _central,
        shortcut="F5",
        tooltip=QCoreApplication.translate(
            "workspaces", "Design your own LeNet, see its shapes, train it and compare"
        ),
    )


def panels() -> list[PanelSpec]:
    return []
