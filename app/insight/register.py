"""The Insight workspace (F3), its docks and its data sets, as `app/features.py` registers them.

The central widget is built on first use (`app.insight.workspace` is imported then), so a
session that never opens Insight pays nothing for it. Adding a data set is one new module with a
`provider()` plus one line in `data_sets()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.context import AppContext
from app.core.panel_registry import Area, PanelSpec
from app.core.workspaces import WorkspaceSpec
from app.insight import drawn_sources, providers
from app.insight.providers import DataSetProvider

KEY = "insight"


def _central(context: AppContext) -> QWidget:
    from app.insight.workspace import InsightWorkspace

    return InsightWorkspace(context)


def _attribution(context: AppContext) -> QWidget:
    from app.insight.attribution_panel import AttributionPanel
    from app.insight.link import InsightLink

    panel = AttributionPanel()
    link = context.part(InsightLink)
    link.choice = panel.choice
    link.sample_selected.connect(panel.set_sample)
    panel.overlay_check.toggled.connect(link.overlay_toggled)
    panel.method.currentIndexChanged.connect(lambda _i: link.choice_changed.emit())
    panel.target.currentIndexChanged.connect(lambda _i: link.choice_changed.emit())
    return panel


def workspace() -> WorkspaceSpec:
    return WorkspaceSpec(
        KEY,
        QCoreApplication.translate("workspaces", "Insight"),
        _central,
        shortcut="F3",
        central_share=0.75,  # a growing window widens the attribution dock too, up to its share
        tooltip=QCoreApplication.translate(
            "workspaces",
            "A whole data set at a glance: confusions, mistakes, where the network looks",
        ),
    )


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "insightAttribution",
            QCoreApplication.translate("panels", "Where the network looks"),
            _attribution,
            Area.RightDockWidgetArea,
            (340, 520),
            workspace=KEY,
            max_share=0.3,  # the matrix and the gallery keep two thirds of a small window
        )
    ]


def data_sets() -> list[DataSetProvider]:
    """The data set chooser's entries, in its order."""
    return [
        providers.mnist_test_provider(),
        providers.mnist_train_provider(),
        providers.folder_provider(),
        drawn_sources.pen_provider(),
        drawn_sources.collection_provider(),
        drawn_sources.letters_provider(),
        drawn_sources.marks_provider(),
    ]
