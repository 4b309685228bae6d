"""Every feature of the app, in one explicit list: the registries are filled here and only here.

Nothing registers itself on import. `register_all()` (called once by the entry point and by
`app.shell.start`) asks each workspace module for its `WorkspaceSpec` and its panels, and Insight
for its data sets, in this order: the order of the workspace switch (F2, F3, F4, F5), of the docks
and of the data set chooser. Adding a workspace is one new module plus one line in `WORKSPACES`.
"""

from __future__ import annotations

from app.concepts import register as concepts
from app.core.panel_registry import PANELS
from app.core.workspaces import WORKSPACES
from app.draw import register as draw
from app.insight import register as insight
from app.insight.providers import DATA_SETS
from app.lab import register as lab

#: The workspaces, Draw first (the one shown at the first start).
WORKSPACES_IN_ORDER = (draw, insight, concepts, lab)
_registered = False


def register_all() -> None:
    """Fill the workspace, panel and data set registries once (later calls do nothing).
    Titles are translated now: call it after the translators are installed."""
    global _registered
    if _registered:
        return
    _registered = True
    for feature in WORKSPACES_IN_ORDER:
        WORKSPACES.add(feature.workspace())
        for spec in feature.panels():
            PANELS.add(spec)
    for provider in insight.data_sets():
        DATA_SETS.add(provider)
