"""The product's panels, registered once: importing this module fills the registry.

Order matters: it is the dock order, and a `split` names a dock registered before it.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.panel_registry import Area, Orientation, PanelSpec, register
from app.draw.panels.dense import DensePanel
from app.draw.panels.feature_maps import FeatureMapsPanel
from app.draw.panels.kernels import KernelsPanel
from app.draw.panels.network_input import NetworkInputPanel
from app.draw.panels.probabilities import ProbabilitiesPanel
from model.network.lenet import ACTIVATION_SHAPES

MAP_LAYERS = ("C1", "S1", "C2", "S2")
GRID_COLUMNS = {"C1": 3, "S1": 3, "C2": 4, "S2": 4}
_DESCRIPTIONS = {
    "C1": QT_TRANSLATE_NOOP("panels", "convolution 5x5 · 6@28x28"),
    "S1": QT_TRANSLATE_NOOP("panels", "pooling 2x2 · 6@14x14"),
    "C2": QT_TRANSLATE_NOOP("panels", "convolution 5x5 · 16@10x10"),
    "S2": QT_TRANSLATE_NOOP("panels", "pooling 2x2 · 16@5x5"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("panels", text)  # i18n: runtime (QT_TRANSLATE_NOOP)


def _maps(layer: str):  # noqa: ANN202
    return lambda: FeatureMapsPanel(layer, ACTIVATION_SHAPES[layer], GRID_COLUMNS[layer])


def _register_product_panels() -> None:
    left, h, v = Area.LeftDockWidgetArea, Orientation.Horizontal, Orientation.Vertical
    register(
        PanelSpec(
            "probabilities",
            QCoreApplication.translate("panels", "Probabilities"),
            ProbabilitiesPanel,
            left,
            (330, 260),
        )
    )
    register(
        PanelSpec(
            "input",
            QCoreApplication.translate("panels", "Network input (32x32)"),
            NetworkInputPanel,
            left,
            (330, 330),
            object_name="dockNetworkInput",
        )
    )
    register(
        PanelSpec(
            "kernels",
            QCoreApplication.translate("panels", "Kernels (C1, C2)"),
            KernelsPanel,
            left,
            (330, 250),
        )
    )
    placement = {"C1": None, "S1": ("C1", h), "C2": ("C1", v), "S2": ("S1", v)}
    sizes = {"C1": (380, 300), "S1": (380, 300), "C2": (None, 380), "S2": (None, 380)}
    for layer in MAP_LAYERS:
        title = f"{layer} · {_tr(_DESCRIPTIONS[layer])}"
        register(PanelSpec(layer, title, _maps(layer), size=sizes[layer], split=placement[layer]))
    register(
        PanelSpec(
            "dense",
            QCoreApplication.translate("panels", "F5 · F6 · fully connected"),
            DensePanel,
            size=(None, 170),
        )
    )


_register_product_panels()

# The other workspaces register themselves; this order is the switch's order (F3, F4).
for _workspace in ("app.insight.register", "app.concepts.register"):
    importlib.import_module(_workspace)
