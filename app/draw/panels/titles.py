"""Draw's panel titles and empty-panel notes, written from the active network's design.

Why here: the dock titles used to be LeNet-5's fixed text ("C1 · convolution 5x5 · 6@28x28");
a network of the architecture lab has other kernels, strides, paddings and layers, so each map
dock is a *slot* (C1: stage 1's convolution, S1: its pooling, C2: every later convolution, S2:
every later pooling) whose title and contents follow the design. The words are translated here,
the numbers come from `model.analysis.design_layers`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.analysis.design_layers import DesignLayers, MapLayer, design_layers
from model.analysis.receptive_field import LENET5

#: The map docks, in dock order; each shows the design's layers of its slot.
MAP_SLOTS = ("C1", "S1", "C2", "S2")
#: LeNet-5's layers: what the docks are titled before a model is attached.
LENET5_LAYERS = design_layers(LENET5)


def slot_layers(layers: DesignLayers, slot: str) -> tuple[MapLayer, ...]:
    """The map layers a dock slot shows: C1/S1 the first stage's convolution/pooling, C2/S2
    those of every later stage (a design has at most four)."""
    kind = "conv" if slot.startswith("C") else "pool"
    first = slot.endswith("1")
    return tuple(m for m in layers.maps if m.kind == kind and (m.stage == 1) == first)


def describe(layer: MapLayer) -> str:
    """ "convolution 5x5", "convolution 3x3, SAME padding", "pooling 2x2, stride 1"..."""
    if layer.kind == "conv":
        parts = [QCoreApplication.translate("panels", "convolution {0}x{0}").format(layer.window)]
        if layer.stride != 1:
            parts.append(QCoreApplication.translate("panels", "stride {0}").format(layer.stride))
        if layer.padding_mode == "same":
            parts.append(QCoreApplication.translate("panels", "SAME padding"))
        elif layer.padding:
            parts.append(
                QCoreApplication.translate("panels", "padding {0} px").format(layer.padding)
            )
    else:
        parts = [QCoreApplication.translate("panels", "pooling {0}x{0}").format(layer.window)]
        if layer.stride != layer.window:
            parts.append(QCoreApplication.translate("panels", "stride {0}").format(layer.stride))
    return QCoreApplication.translate("panels", ", ").join(parts)


def shape_text(layer: MapLayer) -> str:
    count, rows, cols = layer.shape
    return f"{count}@{rows}x{cols}"


def map_title(slot: str, layers: tuple[MapLayer, ...]) -> str:
    """A map dock's title: "C1 · convolution 5x5 · 6@28x28" for LeNet-5's C1 (FittingTitle
    shortens it to its first and last parts, then the first, in a narrow dock)."""
    if not layers:
        absent = QCoreApplication.translate("panels", "not in this network")
        return f"{slot} · {absent}"
    if len(layers) == 1:
        return f"{layers[0].name} · {describe(layers[0])} · {shape_text(layers[0])}"
    names = QCoreApplication.translate("panels", ", ").join(m.name for m in layers)
    return " · ".join(
        [names, "; ".join(describe(m) for m in layers), ", ".join(shape_text(m) for m in layers)]
    )


def empty_note(slot: str, layers: DesignLayers) -> str:
    """Why a map dock has nothing to show for this design."""
    if not layers.maps:
        return QCoreApplication.translate(
            "panels",
            "This network has no convolution: its first layer reads the 32x32 input as one "
            "list of 1024 numbers, so there are no feature maps to show.",
        )
    stages = max(m.stage for m in layers.maps)
    if slot.endswith("2") and stages < 2:
        return QCoreApplication.translate(
            "panels", "This network has a single convolution stage (C1): nothing follows it here."
        )
    convs = slot_layers(layers, "C" + slot[1:])
    return QCoreApplication.translate(
        "panels", "No pooling after {0} in this network: the next layer reads its maps as they are."
    ).format(QCoreApplication.translate("panels", ", ").join(m.name for m in convs))


def kernels_title(layers: DesignLayers) -> str:
    names = [m.name for m in layers.conv]
    if not names:
        return QCoreApplication.translate("panels", "Kernels (none in this network)")
    return QCoreApplication.translate("panels", "Kernels ({0})").format(
        QCoreApplication.translate("panels", ", ").join(names)
    )


def dense_title(layers: DesignLayers) -> str:
    names = [d.name for d in layers.dense]
    if not names:
        return QCoreApplication.translate("panels", "fully connected")
    return QCoreApplication.translate("panels", "{0} · fully connected").format(" · ".join(names))
