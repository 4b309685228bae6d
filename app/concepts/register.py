"""The Concepts workspace (F4) and its views, as `app/features.py` registers them.

Each view is a lazily built dock of the "concepts" workspace; the centre is the drawing's
thumbnail (`app.concepts.central`). The four views stand in two columns beside the centre
(arithmetic over shifts on the left, playground over flatten on the right), not in a bottom row:
the centre is never shorter than the Draw canvas (the workspaces share one stack), so at 800x600
a bottom row would keep barely a hundred pixels for the pooling plots.
Adding a concepts view is one new module (a panel following `app.core.panel_contract.Panel`)
plus one `PanelSpec` line in `panels()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.concepts.arithmetic import ArithmeticPanel
from app.concepts.central import ConceptsCentral
from app.concepts.flatten import FlattenPanel
from app.concepts.playground import PlaygroundPanel
from app.concepts.shifts import ShiftPanel
from app.core.panel_registry import Area, Orientation, PanelSpec
from app.core.workspaces import WorkspaceSpec

CONCEPTS = "concepts"


def workspace() -> WorkspaceSpec:
    return WorkspaceSpec(
        CONCEPTS,
        QCoreApplication.translate("workspaces", "Concepts"),
        ConceptsCentral,
        shortcut="F4",
        tooltip=QCoreApplication.translate(
            "workspaces", "The tutorial's ideas, live on your drawing"
        ),
    )


def panels() -> list[PanelSpec]:
    left, right = Area.LeftDockWidgetArea, Area.RightDockWidgetArea
    return [
        PanelSpec(
            "arithmetic",
            QCoreApplication.translate("concepts", "How one unit got its value"),
            lambda _c: ArithmeticPanel(),
            left,
            (620, None),
            workspace=CONCEPTS,
        ),
        PanelSpec(
            "playground",
            QCoreApplication.translate("concepts", "Convolution playground"),
            lambda _c: PlaygroundPanel(),
            right,
            (600, None),
            workspace=CONCEPTS,
        ),
        PanelSpec(
            "shifts",
            QCoreApplication.translate("concepts", "Pooling and shifts"),
            lambda _c: ShiftPanel(),
            left,
            (None, 420),
            split=("arithmetic", Orientation.Vertical),
            workspace=CONCEPTS,
        ),
        PanelSpec(
            "flatten",
            QCoreApplication.translate("concepts", "Why not flatten"),
            lambda _c: FlattenPanel(),
            right,
            (None, 420),
            split=("playground", Orientation.Vertical),
            workspace=CONCEPTS,
        ),
    ]
