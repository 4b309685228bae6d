"""Draw's panels, in dock order: adding one is one new file here plus one line in `panels()`.

Order matters: it is the dock order, and a `split` names a dock listed before it. Each factory
receives the app context; the hover and click signals of the map panels go to the context
(`unit_hovered`, `unit_left`, `map_requested`), which the input panel and the canvas follow, so
no panel is ever called by name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF

from app.core.context import AppContext
from app.core.panel_registry import Area, Orientation, PanelSpec
from app.draw.layout import LEFT_MAX_SHARE, MINIMUM_SIZES
from app.draw.panels.dense import DensePanel
from app.draw.panels.feature_maps import FeatureMapsPanel
from app.draw.panels.kernels import KernelsPanel
from app.draw.panels.network_input import NetworkInputPanel
from app.draw.panels.probabilities import ProbabilitiesPanel
from model.analysis.receptive_field import Field, unit_field
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


def field_rect(field: Field) -> QRectF:
    return QRectF(field.left, field.top, field.width, field.height)


def _input(context: AppContext) -> NetworkInputPanel:
    """The input panel outlines the receptive field of whatever unit is pointed at."""
    panel = NetworkInputPanel()
    context.unit_hovered.connect(
        lambda layer, r, c: panel.set_field(field_rect(unit_field(layer, r, c)))
    )
    context.unit_left.connect(lambda: panel.set_field(None))
    return panel


def _maps(layer: str) -> Callable[[AppContext], FeatureMapsPanel]:
    def make(context: AppContext) -> FeatureMapsPanel:
        panel = FeatureMapsPanel(layer, ACTIVATION_SHAPES[layer], GRID_COLUMNS[layer])
        panel.unit_hovered.connect(lambda name, _i, r, c: context.unit_hovered.emit(name, r, c))
        panel.unit_left.connect(context.unit_left)
        panel.map_clicked.connect(context.map_requested)
        return panel

    return make


def _dense(context: AppContext) -> DensePanel:
    panel = DensePanel()
    panel.unit_hovered.connect(lambda layer, _i: context.unit_hovered.emit(layer, 0, 0))
    panel.unit_left.connect(context.unit_left)
    return panel


def panels() -> list[PanelSpec]:
    """Draw's panels (titles translated now: call after the translators are installed)."""
    left, h, v = Area.LeftDockWidgetArea, Orientation.Horizontal, Orientation.Vertical
    m = MINIMUM_SIZES
    specs = [
        PanelSpec(
            "probabilities",
            QCoreApplication.translate("panels", "Probabilities"),
            lambda _c: ProbabilitiesPanel(),
            left,
            (330, 260),
            minimum=m["probabilities"],
            max_share=LEFT_MAX_SHARE,
        ),
        PanelSpec(
            "input",
            QCoreApplication.translate("panels", "Network input (32x32)"),
            _input,
            left,
            (330, 330),
            object_name="dockNetworkInput",
            minimum=m["input"],
            max_share=LEFT_MAX_SHARE,
        ),
        PanelSpec(
            "kernels",
            QCoreApplication.translate("panels", "Kernels (C1, C2)"),
            lambda _c: KernelsPanel(),
            left,
            (330, 250),
            minimum=m["kernels"],
            max_share=LEFT_MAX_SHARE,
        ),
    ]
    placement = {"C1": None, "S1": ("C1", h), "C2": ("C1", v), "S2": ("S1", v)}
    sizes = {"C1": (380, 300), "S1": (380, 300), "C2": (None, 380), "S2": (None, 380)}
    for layer in MAP_LAYERS:
        title = f"{layer} · {_tr(_DESCRIPTIONS[layer])}"
        specs.append(
            PanelSpec(
                layer,
                title,
                _maps(layer),
                size=sizes[layer],
                split=placement[layer],
                minimum=m[layer],
            )
        )
    specs.append(
        PanelSpec(
            "dense",
            QCoreApplication.translate("panels", "F5 · F6 · fully connected"),
            _dense,
            size=(None, 170),
            minimum=m["dense"],
        )
    )
    return specs
