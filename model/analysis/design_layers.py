"""The layers of a design as the views lay them out: every map layer and dense layer with the
numbers a view shows or computes with.

Why one place: the Draw panels, the map detail window, unit arithmetic, the shift view and
Grad-CAM all used to spell out LeNet-5 (6@28x28, 5x5 kernels, "C2 reads the six S1 maps", F5
and F6). A design of the architecture lab has other layers, so each of them asks this table
instead: which map layers exist and their shapes, which layer each one reads, its window
(kernel or pooling size), stride and padding, which convolution's kernels produce it, the dense
layers' widths, and the last convolution (where Grad-CAM looks). Computed from the
`Architecture` alone (no torch) and cached: views call it on every model change, never per
stroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from model.analysis.shapes import ReceptiveField, activation_shapes, receptive_fields
from model.network.architecture import INPUT_SHAPE, Architecture


@dataclass(frozen=True)
class MapLayer:
    """A convolution ("conv") or pooling ("pool") layer's maps."""

    name: str  # "C1", "S1", ...
    kind: str  # "conv" | "pool"
    stage: int  # 1-based convolution stage
    shape: tuple[int, int, int]  # (maps, rows, cols)
    window: int  # kernel size (conv) or pooling size (pool)
    stride: int
    padding: int  # pixels of zeros on each side (0 for pooling)
    padding_mode: str  # "valid", "same" or "pixels" (conv); "" (pool)
    below: str  # the layer it reads: "input", "C1", "S1", ...
    in_channels: int  # maps of the layer below (1 for the input)
    source: str  # the convolution whose kernels make it (itself, or its stage's for a pool)
    activation: str  # the stage's activation
    pooling: str  # "max" | "avg" for a pool, "" for a conv
    field: ReceptiveField

    @property
    def maps(self) -> int:
        return self.shape[0]

    @property
    def size(self) -> int:
        return self.shape[1]


@dataclass(frozen=True)
class DenseLayer:
    """A dense layer: `units` wide, reading `inputs` numbers from `below`."""

    name: str  # "F5", ...
    units: int
    inputs: int
    below: str  # "flatten" of the last map layer (or of the input), or the dense layer before
    activation: str


@dataclass(frozen=True)
class DesignLayers:
    design: Architecture
    maps: tuple[MapLayer, ...]
    dense: tuple[DenseLayer, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every named activation, in forward order."""
        return tuple(m.name for m in self.maps) + tuple(d.name for d in self.dense)

    @property
    def conv(self) -> tuple[MapLayer, ...]:
        return tuple(m for m in self.maps if m.kind == "conv")

    @property
    def last_conv(self) -> MapLayer | None:
        """Where Grad-CAM looks: the last convolution (None for a flattened design)."""
        conv = self.conv
        return conv[-1] if conv else None

    @property
    def flattened_from(self) -> str:
        """The layer the first dense layer flattens ("input" for a design with no stages)."""
        return self.maps[-1].name if self.maps else "input"

    def map(self, name: str) -> MapLayer:
        for m in self.maps:
            if m.name == name:
                return m
        raise KeyError(name)

    def dense_layer(self, name: str) -> DenseLayer:
        for d in self.dense:
            if d.name == name:
                return d
        raise KeyError(name)

    def kernel_shapes(self) -> dict[str, tuple[int, int, int, int]]:
        """Per convolution: (out maps, in maps, k, k), as `kernels()` returns them."""
        return {c.name: (c.maps, c.in_channels, c.window, c.window) for c in self.conv}


@lru_cache(maxsize=32)
def design_layers(design: Architecture) -> DesignLayers:
    """The layers of a valid design (`ArchitectureError` for a refused one)."""
    shapes = activation_shapes(design)
    fields = receptive_fields(design)
    maps: list[MapLayer] = []
    below, channels = "input", INPUT_SHAPE[0]
    for i, stage in enumerate(design.stages, 1):
        conv = design.conv_name(i)
        mode = stage.padding if isinstance(stage.padding, str) else "pixels"
        shape = shapes[conv]
        maps.append(
            MapLayer(
                conv,
                "conv",
                i,
                shape,  # type: ignore[arg-type]
                stage.kernel,
                stage.stride,
                stage.padding_pixels,
                mode,
                below,
                channels,
                conv,
                stage.activation,
                "",
                fields[conv],
            )
        )
        below, channels = conv, stage.channels
        if stage.pooling is not None:
            pool = design.pool_name(i)
            maps.append(
                MapLayer(
                    pool,
                    "pool",
                    i,
                    shapes[pool],  # type: ignore[arg-type]
                    stage.pooling.size,
                    stage.pooling.stride,
                    0,
                    "",
                    below,
                    channels,
                    conv,
                    stage.activation,
                    stage.pooling.kind,
                    fields[pool],
                )
            )
            below = pool
    width = (
        int(shapes[maps[-1].name][0] * shapes[maps[-1].name][1] * shapes[maps[-1].name][2])
        if maps
        else INPUT_SHAPE[1] * INPUT_SHAPE[2]
    )
    dense: list[DenseLayer] = []
    below = "flatten"
    for j, layer in enumerate(design.dense, 1):
        name = design.dense_name(j)
        dense.append(DenseLayer(name, layer.units, width, below, layer.activation))
        below, width = name, layer.units
    return DesignLayers(design, tuple(maps), tuple(dense))
