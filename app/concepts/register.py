"""The Concepts workspace and its docks, registered once (imported from
app/draw/panels/catalogue.py).

Each view is a lazily built dock of the "concepts" workspace; the centre is the drawing's
thumbnail (`app.concepts.central`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.concepts.arithmetic import ArithmeticPanel
from app.concepts.central import ConceptsCentral
from app.concepts.flatten import FlattenPanel
from app.concepts.playground import PlaygroundPanel
from app.concepts.shifts import ShiftPanel
from app.core.panel_registry import Area, Orientation, PanelSpec, register
from app.core.workspaces import WorkspaceSpec, register_workspace

CONCEPTS = "concepts"


def _register() -> None:
    register_workspace(
        WorkspaceSpec(
            CONCEPTS,
            QCoreApplication.translate("workspaces", "Concepts"),
            ConceptsCentral,
            shortcut="F4",
            tooltip=QCoreApplication.translate(
                "workspaces", "The tutorial's ideas, live on your drawing"
            ),
        )
    )
    left, right = Area.LeftDockWidgetArea, Area.RightDockWidgetArea
    bottom = Area.BottomDockWidgetArea
    register(
        PanelSpec(
            "arithmetic",
            QCoreApplication.translate("concepts", "How one unit got its value"),
            ArithmeticPanel,
            left,
            (560, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "playground",
            QCoreApplication.translate("concepts", "Convolution playground"),
            PlaygroundPanel,
            right,
            (520, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "shifts",
            QCoreApplication.translate("concepts", "Pooling and shifts"),
            ShiftPanel,
            bottom,
            (None, 330),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "flatten",
            QCoreApplication.translate("concepts", "Why not flatten"),
            FlattenPanel,
            bottom,
            (None, 330),
            split=("shifts", Orientation.Horizontal),
            workspace=CONCEPTS,
        )
    )


_register()
