"""The Concepts workspace and its docks, registered once (imported from app/panels/catalogue.py).

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
from app.panels.registry import Area, Orientation, PanelSpec, register
from app.workspaces import WorkspaceSpec, register_workspace

CONCEPTS = "concepts"


def _tr(text: str) -> str:
    return QCoreApplication.translate("concepts", text)


def _register() -> None:
    register_workspace(
        WorkspaceSpec(
            CONCEPTS,
            _tr("Concepts"),
            ConceptsCentral,
            shortcut="F4",
            tooltip=_tr("The tutorial's ideas, live on your drawing"),
        )
    )
    left, right = Area.LeftDockWidgetArea, Area.RightDockWidgetArea
    bottom = Area.BottomDockWidgetArea
    register(
        PanelSpec(
            "arithmetic",
            _tr("How one unit got its value"),
            ArithmeticPanel,
            left,
            (560, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "playground",
            _tr("Convolution playground"),
            PlaygroundPanel,
            right,
            (520, None),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "shifts",
            _tr("Pooling and shifts"),
            ShiftPanel,
            bottom,
            (None, 330),
            workspace=CONCEPTS,
        )
    )
    register(
        PanelSpec(
            "flatten",
            _tr("Why not flatten"),
            FlattenPanel,
            bottom,
            (None, 330),
            split=("shifts", Orientation.Horizontal),
            workspace=CONCEPTS,
        )
    )


_register()
