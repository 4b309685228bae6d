"""The Concepts workspace and its docks, registered once (imported from
app/draw/panels/catalogue.py).

Each view is a lazily built dock of the "concepts" workspace; the centre is the drawing's
thumbnail (`app.concepts.central`). The four views stand in two columns beside the centre
(arithmetic over shifts on the left, playground over flatten on the right), not in a bottom row:
the centre is never shorter than the Draw canvas (the workspaces share one stack), so at 800x600
a bottom row would keep barely a hundred pixels for the pooling plots.
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
    register(
        PanelSpec(
            "arithmetic",
            QCoreApplication.translate("concepts", "How one unit got its value"),
            ArithmeticPanel,
            left,
            (620, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "playground",
            QCoreApplication.translate("concepts", "Convolution playground"),
            PlaygroundPanel,
            right,
            (600, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "shifts",
            QCoreApplication.translate("concepts", "Pooling and shifts"),
            ShiftPanel,
            left,
            (None, 420),
            split=("arithmetic", Orientation.Vertical),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "flatten",
            QCoreApplication.translate("concepts", "Why not flatten"),
            FlattenPanel,
            right,
            (None, 420),
            split=("playground", Orientation.Vertical),
            workspace=CONCEPTS,
        )
    )


_register()
