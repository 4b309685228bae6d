"""Draw's panels, in dock order: adding one is one new file here plus one line in `panels()`.

Order matters: it is the dock order, and a `split` names a dock listed before it. Each factory
receives the app context; the hover and click signals of the map panels go to the context
(`unit_hovered`, `unit_left`, `map_requested`), which the input panel and the canvas follow, so
no panel is ever called by name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF

from app.core.context import AppContext
from app.core.panel_registry import Area, Orientation, PanelSpec
from app.draw.layout import LEFT_MAX_SHARE, MINIMUM_SIZES
from app.draw.panels.dense import DensePanel
from app.draw.panels.feature_maps import FeatureMapsPanel
from app.draw.panels.kernels import KernelsPanel
from app.draw.panels.network_input import NetworkInputPanel
from app.draw.panels.probabilities import ProbabilitiesPanel
from app.draw.panels.titles import (
    LENET5_LAYERS,
    MAP_SLOTS,
    dense_title,
    kernels_title,
    map_title,
    slot_layers,
)
from model.analysis.receptive_field import Field, unit_field
from model.network.inference import Predictor

#: The map docks (each shows its slot's layers of the reading network's design).
MAP_LAYERS = MAP_SLOTS


def field_rect(field: Field) -> QRectF:
    return QRectF(field.left, field.top, field.width, field.height)


def hovered_field(reader: Predictor, layer: str, row: int, col: int) -> Field:
    """The part of the 32x32 input a hovered unit of the reading network sees (its receptive
    field for that network's design; a padded layer's edge units also see zeros beyond the
    border, which are not on the input)."""
    try:
        return unit_field(layer, row, col, reader.architecture).clipped()
    except (ValueError, TypeError):  # a layer the design has not (a stale hover)
        return Field(0, 0, 32, 32)


def _input(context: AppContext) -> NetworkInputPanel:
    """The input panel outlines the receptive field of whatever unit is pointed at."""
    panel = NetworkInputPanel()
    context.unit_hovered.connect(
        lambda layer, r, c: panel.set_field(
            field_rect(hovered_field(context.session.reader, layer, r, c))
        )
    )
    context.unit_left.connect(lambda: panel.set_field(None))
    return panel


def _maps(slot: str) -> Callable[[AppContext], FeatureMapsPanel]:
    def make(context: AppContext) -> FeatureMapsPanel:
        panel = FeatureMapsPanel(slot)
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
            kernels_title(LENET5_LAYERS),  # the panel retitles its dock for other designs
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
        title = map_title(layer, slot_layers(LENET5_LAYERS, layer))
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
            dense_title(LENET5_LAYERS),
            _dense,
            size=(None, 170),
            minimum=m["dense"],
        )
    )
    return specs
