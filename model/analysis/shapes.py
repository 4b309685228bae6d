"""The architecture lab's live table: every layer's shape, parameters, multiply-adds, receptive
field, with the tutorial's formulas filled in with the design's numbers.

Computed from the `Architecture` alone (no torch), so it updates as fast as a control changes and
also describes designs that cannot be built: the table runs up to the layer that fails and
carries that layer's reason (`LayerRow.problem`), the lab shows the rest as unknown. Formulas are
language-neutral text (numbers and symbols only); the words around them are the app's to
translate. The property test (tests/test_architecture_shapes.py) holds these numbers to what
torch builds.

Counts follow the tutorial: a convolution has out x (in x k x k) weights and one bias per map and
does one multiply-add per weight per output position; a dense layer has in x out weights plus
out biases and one multiply-add per weight; pooling and activations have no parameters and count
no multiply-adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from model.network.architecture import (
    INPUT_SHAPE,
    OUTPUTS,
    Architecture,
    Reason,
    conv_output,
)


@dataclass(frozen=True)
class ReceptiveField:
    """The input patch a unit sees: unit (r, c) covers rows [start + r * jump, ... + size) and the
    same for columns, in 32x32 input pixels (start is negative where padding adds a border)."""

    size: int
    jump: int
    start: int

    def unit(self, row: int, col: int) -> tuple[int, int, int]:
        """(top, left, size) of unit (row, col)'s patch."""
        return self.start + row * self.jump, self.start + col * self.jump, self.size


@dataclass(frozen=True)
class LayerRow:
    """One line of the table. `shape` is None after a layer that cannot exist."""

    name: str  # "input", "C1", "S1", "flatten", "F5", "output", "reject"
    kind: str  # "input" | "conv" | "pool" | "flatten" | "dense" | "output" | "reject"
    shape: tuple[int, ...] | None
    formula: str  # how the shape follows: "⌊(32 + 2×0 − 5) / 1⌋ + 1 = 28"
    weights: int = 0
    biases: int = 0
    params_formula: str = ""  # "6 × (1 × 5 × 5) + 6 = 156"
    macs: int = 0
    macs_formula: str = ""  # "6 × 28 × 28 × (1 × 5 × 5) = 117600"
    receptive_field: ReceptiveField | None = None  # conv and pooling rows
    problem: Reason | None = None

    @property
    def params(self) -> int:
        return self.weights + self.biases


@dataclass(frozen=True)
class ShapeTable:
    rows: tuple[LayerRow, ...]
    problems: tuple[Reason, ...]  # every reason the design is refused (`Architecture.problems`)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def total_macs(self) -> int:
        return sum(r.macs for r in self.rows)

    def row(self, name: str) -> LayerRow:
        for r in self.rows:
            if r.name == name:
                return r
        raise KeyError(name)


def _floor_formula(n: int, k: int, p: int | None, s: int, out: int) -> str:
    if p is None:  # pooling: no padding term
        return f"⌊({n} − {k}) / {s}⌋ + 1 = {out}"
    return f"⌊({n} + 2×{p} − {k}) / {s}⌋ + 1 = {out}"


@lru_cache(maxsize=64)  # frozen results; the views ask for shapes and fields of one design
def shape_table(arch: Architecture) -> ShapeTable:
    """The table of `arch`, valid or not (see the module docstring)."""
    problems = tuple(arch.problems())
    channels, size = INPUT_SHAPE[0], INPUT_SHAPE[1]
    rows = [LayerRow("input", "input", INPUT_SHAPE, "1 × 32 × 32")]
    field = ReceptiveField(1, 1, 0)
    broken = False
    for i, stage in enumerate(arch.stages, 1):
        name, k, p, s = arch.conv_name(i), stage.kernel, stage.padding_pixels, stage.stride
        problem = _problem(problems, name)
        if broken or k < 1 or s < 1 or p < 0:
            rows.append(LayerRow(name, "conv", None, "", problem=problem))
            broken = True
        else:
            out = conv_output(size, k, p, s)
            fan_in = channels * k * k
            field = ReceptiveField(
                field.size + (k - 1) * field.jump, field.jump * s, field.start - p * field.jump
            )
            weights, biases = stage.channels * fan_in, stage.channels
            macs = stage.channels * max(out, 0) ** 2 * fan_in
            broken = out < 1
            rows.append(
                LayerRow(
                    name,
                    "conv",
                    None if broken else (stage.channels, out, out),
                    _floor_formula(size, k, p, s, out),
                    weights,
                    biases,
                    f"{stage.channels} × ({channels} × {k} × {k}) + {biases} = {weights + biases}",
                    0 if broken else macs,
                    f"{stage.channels} × {out} × {out} × ({channels} × {k} × {k}) = {macs}",
                    field,
                    problem,
                )
            )
            channels, size = stage.channels, out
        if stage.pooling is None:
            continue
        pool, pname = stage.pooling, arch.pool_name(i)
        problem = _problem(problems, pname)
        if broken or pool.size < 1 or pool.stride < 1:
            rows.append(LayerRow(pname, "pool", None, "", problem=problem))
            broken = True
            continue
        out = conv_output(size, pool.size, 0, pool.stride)
        field = ReceptiveField(
            field.size + (pool.size - 1) * field.jump, field.jump * pool.stride, field.start
        )
        broken = out < 1 or (problem is not None and problem.id == "pool_larger_than_map")
        rows.append(
            LayerRow(
                pname,
                "pool",
                None if broken else (channels, out, out),
                _floor_formula(size, pool.size, None, pool.stride, out),
                receptive_field=field,
                problem=problem,
            )
        )
        size = out
    width = None if broken else channels * size * size
    formula = "" if broken else f"{channels} × {size} × {size} = {width}"
    if arch.stages:
        rows.append(LayerRow("flatten", "flatten", None if width is None else (width,), formula))
    else:
        width = INPUT_SHAPE[1] * INPUT_SHAPE[2]
        rows.append(LayerRow("flatten", "flatten", (width,), f"32 × 32 = {width}"))
    for j, dense in enumerate(arch.dense, 1):
        rows.append(_dense_row(arch.dense_name(j), "dense", width, dense.units))
        width = dense.units
    rows.append(_dense_row("output", "output", width, OUTPUTS))
    if arch.reject_head:  # one unit on the last hidden layer, beside the 10 outputs
        rows.append(_dense_row("reject", "reject", width, 1))
    return ShapeTable(tuple(rows), problems)


def _problem(problems: tuple[Reason, ...], layer: str) -> Reason | None:
    return next((r for r in problems if r.args.get("layer") == layer), None)


def _dense_row(name: str, kind: str, width: int | None, units: int) -> LayerRow:
    if width is None:  # after a layer that cannot exist: the width is unknown
        return LayerRow(name, kind, (units,), "", biases=units)
    weights = width * units
    return LayerRow(
        name,
        kind,
        (units,),
        f"{units}",
        weights,
        units,
        f"{width} × {units} + {units} = {weights + units}",
        weights,
        f"{width} × {units} = {weights}",
    )


def activation_shapes(arch: Architecture) -> dict[str, tuple[int, ...]]:
    """Name -> shape of every named activation a built network returns (without the batch
    axis), in forward order: what the views lay out. `ArchitectureError` if refused."""
    arch.check()
    names = set(arch.layer_names())
    return {r.name: r.shape for r in shape_table(arch).rows if r.name in names and r.shape}


def receptive_fields(arch: Architecture) -> dict[str, ReceptiveField]:
    """Per conv and pooling layer: the receptive field of its units (hover highlights)."""
    return {
        r.name: r.receptive_field
        for r in shape_table(arch).rows
        if r.receptive_field is not None and r.shape is not None
    }
