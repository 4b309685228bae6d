"""A LeNet-family network described as data: what the architecture lab edits and a file stores.

LeNet-5 is one point in a small design space the tutorial walks through: how many convolution
stages, how many maps each, which kernel size, VALID or SAME padding, which stride, max or
average pooling, then a few dense layers and 10 outputs. `Architecture` is that space as frozen
dataclasses, so a design can be compared, hashed, stored in a checkpoint (`to_dict` /
`from_dict`, versioned) and built (`model.network.builder.build`).

Why problems are data, not exceptions: the lab shows *why* a design is impossible while the
learner is still editing it ("C2's map would shrink to 0 pixels"), so `problems()` returns every
reason as a stable id plus its numbers (`Reason`), which the app translates; `Reason.english()`
is the CLI's rendering. `check()` raises `ArchitectureError` carrying the same reasons, for code
that must not go on with a bad design (building, loading a file).

The caps (`MAX_*`) keep any allowed design interactive on a laptop CPU: a stroke must update every
panel within a frame, and training must stay in the same league as LeNet-5's (see
tools/arch_bench.py for the measured figures).

Layer names generalise LeNet-5's: convolution stage i is "C{i}", its pooling "S{i}", and the
dense layers are numbered after two layers per stage, so a design with two stages has F5 and F6
exactly as `LeNet5` names them (a design with none has F1, F2...). The torch module's attribute
names follow the same rule in lower case (c1, c2, f5, f6, out), which is what lets the shipped
weights load into a built module unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from model.config import ModelConfig
from model.errors import CheckpointError, LeNetLensError

#: The version of the dict written by `Architecture.to_dict`; `from_dict` refuses any other.
VERSION = 1
INPUT_SHAPE = (1, 32, 32)
OUTPUTS = 10

ACTIVATIONS = ("relu", "tanh", "sigmoid")
POOL_KINDS = ("max", "avg")
PADDINGS = ("valid", "same")

# Caps: what keeps any allowed design interactive (per stroke, per training epoch).
MAX_STAGES = 4
MAX_CHANNELS = 64
MAX_DENSE = 3
MAX_UNITS = 1024
MAX_MACS = 2_000_000
MAX_KERNEL = 11
MAX_STRIDE = 4
MAX_POOL = 4


class Reason(NamedTuple):
    """Why a design is refused: a stable id the app translates, and the numbers it needs."""

    id: str
    args: dict[str, Any]

    def english(self) -> str:
        """The CLI's wording (the app translates by `id` instead)."""
        template = _ENGLISH.get(self.id, "{id}: {args}")
        try:
            return template.format(id=self.id, args=self.args, **self.args)
        except (KeyError, IndexError, ValueError):
            return f"{self.id}: {self.args}"


_ENGLISH = {
    "unsupported_version": "architecture version {version!r} is not supported (expected "
    "{supported})",
    "not_a_dict": "{field} is not a dict",
    "missing_field": "{field} is missing",
    "unknown_field": "{field} is not an architecture field",
    "wrong_type": "{field} is {got}, expected {expected}",
    "unknown_choice": "{field} is {value!r}, expected one of {choices}",
    "out_of_range": "{field} is {value}, expected {low} to {high}",
    "unsupported_input": "the input must be {expected}, not {value}",
    "unsupported_outputs": "the network must have {expected} outputs, not {value}",
    "too_many_stages": "{count} convolution stages; at most {limit} keep the app interactive",
    "too_many_dense": "{count} dense layers; at most {limit} keep the app interactive",
    "too_many_channels": "{layer} has {channels} maps; at most {limit} keep the app interactive",
    "too_many_units": "{layer} has {units} units; at most {limit} keep the app interactive",
    "too_many_macs": "{macs:,} multiply-adds per image; at most {limit:,} keep the app interactive",
    "same_even_kernel": "{layer}: SAME padding needs an odd kernel (k = {kernel}: "
    "(k - 1) / 2 pixels each side is not whole)",
    "padding_too_large": "{layer}: padding {padding} is not smaller than the kernel "
    "({kernel}): the border would see only zeros",
    "map_too_small": "{layer}: the map would shrink to {size} pixels (input {input}, kernel "
    "{kernel}, padding {padding}, stride {stride})",
    "pool_larger_than_map": "{layer}: a {pool}x{pool} pooling window is larger than the "
    "{size}x{size} map",
    "stride_too_small": "{layer}: stride {stride}; a window must move at least 1 pixel",
    "reject_head_unsupported": "this version has no 'not a digit' head",
    "no_layers": "the design has neither a convolution stage nor a dense layer",
}


class ArchitectureError(LeNetLensError):
    """A design that cannot be built or stored: its `reasons` say why (ids + numbers)."""

    code: ClassVar[str] = "architecture"

    def __init__(self, reasons: list[Reason] | tuple[Reason, ...], where: str = "") -> None:
        self.reasons = tuple(reasons)
        self.where = where
        text = "; ".join(r.english() for r in self.reasons)
        super().__init__(f"{where}: invalid architecture ({text})" if where else text)

    @property
    def first_reason(self) -> Reason:
        """The first reason (a design refused for several shows them all in `reasons`)."""
        return self.reasons[0]


class CheckpointArchitectureError(ArchitectureError, CheckpointError):
    """A weights file whose stored design is refused: a `CheckpointError` naming the file, with
    the design's `reasons` for the app to translate."""

    code: ClassVar[str] = "checkpoint.architecture"


def _fail(reason_id: str, **args: Any) -> ArchitectureError:
    return ArchitectureError([Reason(reason_id, args)])


@dataclass(frozen=True)
class Pooling:
    """A pooling layer after a convolution stage: max or average over size x size windows."""

    kind: str = "max"
    size: int = 2
    stride: int = 2


@dataclass(frozen=True)
class ConvStage:
    """One convolution stage: `channels` maps, k x k kernels, padding VALID / SAME / pixels."""

    channels: int
    kernel: int = 5
    padding: str | int = "valid"
    stride: int = 1
    activation: str = "relu"
    pooling: Pooling | None = None

    @property
    def padding_pixels(self) -> int:
        """Pixels of zeros added on each side: VALID 0, SAME (k - 1) / 2 (odd k), else as given.

        SAME keeps an n-pixel map at n with stride 1 and gives ceil(n / s) with stride s."""
        if self.padding == "valid":
            return 0
        if self.padding == "same":
            return (self.kernel - 1) // 2
        return int(self.padding)


@dataclass(frozen=True)
class Dense:
    """A dense layer of `units` units; `dropout` applies to its output (into the next layer)."""

    units: int
    activation: str = "relu"
    dropout: float = 0.0


@dataclass(frozen=True)
class Architecture:
    """Input 1x32x32 -> convolution stages -> flatten (dropout) -> dense layers -> 10 outputs.

    `reject_head` adds a "not a digit" unit on the last dense layer beside the 10 outputs.
    Fields are taken to have their annotated types (the lab's controls give them); `from_dict`
    checks the types of a stored design, `problems()` the values of any design.
    """

    stages: tuple[ConvStage, ...] = ()
    dense: tuple[Dense, ...] = ()
    flatten_dropout: float = 0.0
    reject_head: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))
        object.__setattr__(self, "dense", tuple(self.dense))

    # names ---------------------------------------------------------------------------------

    def conv_name(self, stage: int) -> str:
        """ "C{i}" for stage i (1-based)."""
        return f"C{stage}"

    def pool_name(self, stage: int) -> str:
        return f"S{stage}"

    def dense_name(self, layer: int) -> str:
        """Dense layer j (1-based) is F{2n + j} after n stages: F5, F6 for LeNet-5."""
        return f"F{2 * len(self.stages) + layer}"

    def layer_names(self) -> tuple[str, ...]:
        """The named activations a built network returns, in forward order."""
        names: list[str] = []
        for i, stage in enumerate(self.stages, 1):
            names.append(self.conv_name(i))
            if stage.pooling is not None:
                names.append(self.pool_name(i))
        names += [self.dense_name(j) for j in range(1, len(self.dense) + 1)]
        return tuple(names)

    # checks --------------------------------------------------------------------------------

    def problems(self) -> list[Reason]:
        """Every reason this design cannot be built or is over the caps (empty: it is fine)."""
        reasons = _range_problems(self)
        if reasons:
            return reasons
        reasons = _geometry_problems(self)
        if reasons:
            return reasons
        macs = multiply_adds(self)
        if macs > MAX_MACS:
            reasons.append(Reason("too_many_macs", {"macs": macs, "limit": MAX_MACS}))
        return reasons

    def check(self) -> Architecture:
        """This design, or `ArchitectureError` with every reason it is refused."""
        reasons = self.problems()
        if reasons:
            raise ArchitectureError(reasons)
        return self

    @property
    def is_valid(self) -> bool:
        return not self.problems()

    # storage -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Builtins only (what `torch.load(weights_only=True)` reads back). The shipped LeNet-5:

        {"version": 1, "input": [1, 32, 32],
         "stages": [{"channels": 6, "kernel": 5, "padding": "valid", "stride": 1,
                     "activation": "relu", "pooling": {"kind": "max", "size": 2, "stride": 2}},
                    {"channels": 16, ...same...}],
         "flatten_dropout": 0.1,
         "dense": [{"units": 120, "activation": "relu", "dropout": 0.1},
                   {"units": 84, "activation": "relu", "dropout": 0.1}],
         "outputs": 10, "reject_head": false}

        "padding" is "valid", "same" or a whole number of pixels; "pooling" may be null; every
        field but "reject_head" is required (`from_dict`)."""
        return {
            "version": VERSION,
            "input": list(INPUT_SHAPE),
            "stages": [
                {
                    "channels": s.channels,
                    "kernel": s.kernel,
                    "padding": s.padding,
                    "stride": s.stride,
                    "activation": s.activation,
                    "pooling": None
                    if s.pooling is None
                    else {
                        "kind": s.pooling.kind,
                        "size": s.pooling.size,
                        "stride": s.pooling.stride,
                    },
                }
                for s in self.stages
            ],
            "flatten_dropout": float(self.flatten_dropout),
            "dense": [
                {"units": d.units, "activation": d.activation, "dropout": float(d.dropout)}
                for d in self.dense
            ],
            "outputs": OUTPUTS,
            "reject_head": bool(self.reject_head),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Architecture:
        """Parse and check a stored design: `ArchitectureError` on an unknown version, a missing
        or unknown field, a wrong type, a value out of range, an impossible or oversized design.
        Nothing but builtins is read, and nothing is built."""
        reader = _Reader(data, "architecture")
        version = reader.get("version", int)
        if version != VERSION:
            raise _fail("unsupported_version", version=version, supported=VERSION)
        reader.known(
            {"version", "input", "stages", "flatten_dropout", "dense", "outputs", "reject_head"}
        )
        shape = reader.get("input", list)
        if shape != list(INPUT_SHAPE):
            raise _fail("unsupported_input", value=shape, expected=list(INPUT_SHAPE))
        outputs = reader.get("outputs", int)
        if outputs != OUTPUTS:
            raise _fail("unsupported_outputs", value=outputs, expected=OUTPUTS)
        stages = reader.get("stages", list)
        if len(stages) > MAX_STAGES:  # before reading them: a huge list is refused at once
            raise _fail("too_many_stages", count=len(stages), limit=MAX_STAGES)
        dense = reader.get("dense", list)
        if len(dense) > MAX_DENSE:
            raise _fail("too_many_dense", count=len(dense), limit=MAX_DENSE)
        arch = cls(
            stages=tuple(_read_stage(s, i) for i, s in enumerate(stages, 1)),
            dense=tuple(_read_dense(d, j) for j, d in enumerate(dense, 1)),
            flatten_dropout=reader.get("flatten_dropout", float),
            reject_head=reader.get("reject_head", bool, default=False),
        )
        return arch.check()


# reading a stored dict ------------------------------------------------------------------------


class _Reader:
    """Typed access to one dict of a stored design; every failure an `ArchitectureError`."""

    _TYPES: ClassVar[dict[type, str]] = {
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a dict",
        str: "text",
    }

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise _fail("not_a_dict", field=where)
        self.data, self.where = data, where

    def known(self, names: set[str]) -> None:
        for key in self.data:
            if key not in names:
                raise _fail("unknown_field", field=f"{self.where}.{key}")

    def get(self, key: str, kind: type, default: Any = ...) -> Any:
        name = f"{self.where}.{key}"
        if key not in self.data:
            if default is ...:
                raise _fail("missing_field", field=name)
            return default
        value = self.data[key]
        if kind is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            ok = ok and math.isfinite(float(value))
            value = float(value) if ok else value
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind is object:
            ok = True
        else:
            ok = isinstance(value, kind)
        if not ok:
            raise _fail(
                "wrong_type", field=name, expected=self._TYPES[kind], got=type(value).__name__
            )
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.get(key, str)
        if value not in choices:
            raise _fail("unknown_choice", field=f"{self.where}.{key}", value=value, choices=choices)
        return value


def _read_stage(data: Any, index: int) -> ConvStage:
    reader = _Reader(data, f"stages[{index}]")
    reader.known({"channels", "kernel", "padding", "stride", "activation", "pooling"})
    padding = reader.data.get("padding", ...)
    if isinstance(padding, str):
        padding = reader.choice("padding", PADDINGS)
    else:
        padding = reader.get("padding", int)
    pool_data = reader.get("pooling", object)
    pooling = None
    if pool_data is not None:
        pool = _Reader(pool_data, f"stages[{index}].pooling")
        pool.known({"kind", "size", "stride"})
        pooling = Pooling(
            pool.choice("kind", POOL_KINDS), pool.get("size", int), pool.get("stride", int)
        )
    return ConvStage(
        channels=reader.get("channels", int),
        kernel=reader.get("kernel", int),
        padding=padding,
        stride=reader.get("stride", int),
        activation=reader.choice("activation", ACTIVATIONS),
        pooling=pooling,
    )


def _read_dense(data: Any, index: int) -> Dense:
    reader = _Reader(data, f"dense[{index}]")
    reader.known({"units", "activation", "dropout"})
    return Dense(
        units=reader.get("units", int),
        activation=reader.choice("activation", ACTIVATIONS),
        dropout=reader.get("dropout", float),
    )


# checks ---------------------------------------------------------------------------------------


def _range(
    reasons: list[Reason], name: str, value: Any, low: float, high: float, **where: Any
) -> None:
    """An "out_of_range" reason naming the field (and the stage / layer it belongs to)."""
    if not low <= value <= high:
        args = {"field": name, "value": value, "low": low, "high": high, **where}
        reasons.append(Reason("out_of_range", args))


def _range_problems(arch: Architecture) -> list[Reason]:
    """Counts, caps, choices and ranges of each field, before any geometry."""
    reasons: list[Reason] = []
    if len(arch.stages) > MAX_STAGES:
        reasons.append(Reason("too_many_stages", {"count": len(arch.stages), "limit": MAX_STAGES}))
    if len(arch.dense) > MAX_DENSE:
        reasons.append(Reason("too_many_dense", {"count": len(arch.dense), "limit": MAX_DENSE}))
    if not arch.stages and not arch.dense:
        reasons.append(Reason("no_layers", {}))
    for i, s in enumerate(arch.stages, 1):
        where = f"stages[{i}]"
        tag = {"stage": i, "layer": arch.conv_name(i)}
        ptag = {"stage": i, "layer": arch.pool_name(i)}
        if s.channels > MAX_CHANNELS:
            reasons.append(
                Reason("too_many_channels", {**tag, "channels": s.channels, "limit": MAX_CHANNELS})
            )
        else:
            _range(reasons, f"{where}.channels", s.channels, 1, MAX_CHANNELS, **tag)
        _range(reasons, f"{where}.kernel", s.kernel, 1, MAX_KERNEL, **tag)
        if s.stride < 1:
            reasons.append(Reason("stride_too_small", {**tag, "stride": s.stride}))
        else:
            _range(reasons, f"{where}.stride", s.stride, 1, MAX_STRIDE, **tag)
        if s.activation not in ACTIVATIONS:
            reasons.append(
                Reason(
                    "unknown_choice",
                    {"field": f"{where}.activation", "value": s.activation, "choices": ACTIVATIONS},
                )
            )
        if isinstance(s.padding, str):
            if s.padding not in PADDINGS:
                reasons.append(
                    Reason(
                        "unknown_choice",
                        {"field": f"{where}.padding", "value": s.padding, "choices": PADDINGS},
                    )
                )
            elif s.padding == "same" and s.kernel % 2 == 0:
                reasons.append(Reason("same_even_kernel", {**tag, "kernel": s.kernel}))
        elif s.padding < 0:
            _range(reasons, f"{where}.padding", s.padding, 0, max(s.kernel - 1, 0), **tag)
        elif s.padding >= s.kernel:
            reasons.append(
                Reason("padding_too_large", {**tag, "padding": s.padding, "kernel": s.kernel})
            )
        if s.pooling is not None:
            p = s.pooling
            if p.kind not in POOL_KINDS:
                reasons.append(
                    Reason(
                        "unknown_choice",
                        {"field": f"{where}.pooling.kind", "value": p.kind, "choices": POOL_KINDS},
                    )
                )
            _range(reasons, f"{where}.pooling.size", p.size, 1, MAX_POOL, **ptag)
            if p.stride < 1:
                reasons.append(Reason("stride_too_small", {**ptag, "stride": p.stride}))
            else:
                _range(reasons, f"{where}.pooling.stride", p.stride, 1, MAX_POOL, **ptag)
    for j, d in enumerate(arch.dense, 1):
        where = f"dense[{j}]"
        if d.units > MAX_UNITS:
            reasons.append(
                Reason(
                    "too_many_units",
                    {"layer": arch.dense_name(j), "units": d.units, "limit": MAX_UNITS},
                )
            )
        else:
            _range(reasons, f"{where}.units", d.units, 1, MAX_UNITS, layer=arch.dense_name(j))
        if d.activation not in ACTIVATIONS:
            reasons.append(
                Reason(
                    "unknown_choice",
                    {"field": f"{where}.activation", "value": d.activation, "choices": ACTIVATIONS},
                )
            )
        _range(reasons, f"{where}.dropout", d.dropout, 0.0, 0.9, layer=arch.dense_name(j))
    _range(reasons, "flatten_dropout", arch.flatten_dropout, 0.0, 0.9)
    return reasons


def conv_output(size: int, kernel: int, padding: int, stride: int) -> int:
    """⌊(n + 2p − k) / s⌋ + 1: the side of a map after a convolution or pooling window."""
    return (size + 2 * padding - kernel) // stride + 1


def _geometry_problems(arch: Architecture) -> list[Reason]:
    """The first layer whose map cannot exist (the ones after it have no input to speak of)."""
    size = INPUT_SHAPE[1]
    for i, s in enumerate(arch.stages, 1):
        out = conv_output(size, s.kernel, s.padding_pixels, s.stride)
        if out < 1:
            return [
                Reason(
                    "map_too_small",
                    {
                        "stage": i,
                        "layer": arch.conv_name(i),
                        "size": out,
                        "input": size,
                        "kernel": s.kernel,
                        "padding": s.padding_pixels,
                        "stride": s.stride,
                    },
                )
            ]
        size = out
        if s.pooling is not None:
            if s.pooling.size > size:
                return [
                    Reason(
                        "pool_larger_than_map",
                        {
                            "stage": i,
                            "layer": arch.pool_name(i),
                            "pool": s.pooling.size,
                            "size": size,
                        },
                    )
                ]
            size = conv_output(size, s.pooling.size, 0, s.pooling.stride)
    return []


def multiply_adds(arch: Architecture) -> int:
    """Multiply-adds of one image: every conv and dense weight times the positions it is used
    at (pooling and activations count nothing). Assumes the ranges and geometry are fine."""
    channels, size, total = INPUT_SHAPE[0], INPUT_SHAPE[1], 0
    for s in arch.stages:
        size = conv_output(size, s.kernel, s.padding_pixels, s.stride)
        total += s.channels * size * size * channels * s.kernel * s.kernel
        channels = s.channels
        if s.pooling is not None:
            size = conv_output(size, s.pooling.size, 0, s.pooling.stride)
    width = channels * size * size
    for d in arch.dense:
        total += width * d.units
        width = d.units
    total += width * OUTPUTS + (width if arch.reject_head else 0)
    return total


# presets and today's files --------------------------------------------------------------------


def from_model_config(config: ModelConfig) -> Architecture:
    """Today's `LeNet5(config)` as a design: what every existing weights file holds."""
    act, drop = config.activation, config.dropout
    pool = Pooling(config.pooling, 2, 2)
    return Architecture(
        stages=(ConvStage(6, 5, "valid", 1, act, pool), ConvStage(16, 5, "valid", 1, act, pool)),
        dense=(Dense(120, act, drop), Dense(84, act, drop)),
        flatten_dropout=drop,
        reject_head=bool(getattr(config, "reject_head", False)),
    )


def to_model_config(arch: Architecture) -> ModelConfig | None:
    """The `ModelConfig` whose `LeNet5` is exactly this design, or None if there is none."""
    if not arch.stages or arch.stages[0].pooling is None:
        return None
    first = arch.stages[0]
    drop = arch.flatten_dropout
    try:
        kwargs: dict[str, Any] = {
            "pooling": first.pooling.kind,
            "activation": first.activation,
            "dropout": drop,
        }
        if arch.reject_head:
            kwargs["reject_head"] = True
        config = ModelConfig(**kwargs)
    except (TypeError, ValueError):
        return None
    return config if from_model_config(config) == arch else None


def _stages(*stages: ConvStage) -> tuple[ConvStage, ...]:
    return tuple(stages)


_MAX = Pooling("max", 2, 2)
_LENET_DENSE = (Dense(120, "relu", 0.1), Dense(84, "relu", 0.1))

#: The lab's presets by id (the app translates the ids; `PRESET_NAMES` is the CLI's English).
PRESETS: dict[str, Architecture] = {
    # LeCun et al. 1998: tanh and average pooling (its S layers also had a trainable gain and
    # bias, and C3 a partial connection table; both are left out, as most re-implementations do)
    "lenet5_1998": from_model_config(ModelConfig("avg", "tanh", 0.0)),
    "lenet5_shipped": from_model_config(ModelConfig()),
    # stride 2 instead of pooling: 32 -> 14 -> 5, the very shapes of S1 and S2
    "no_pooling_stride2": Architecture(
        stages=_stages(ConvStage(6, 5, "valid", 2, "relu"), ConvStage(16, 5, "valid", 2, "relu")),
        dense=_LENET_DENSE,
        flatten_dropout=0.1,
    ),
    "kernels3_same": Architecture(
        stages=_stages(
            ConvStage(6, 3, "same", 1, "relu", _MAX), ConvStage(16, 3, "same", 1, "relu", _MAX)
        ),
        dense=_LENET_DENSE,
        flatten_dropout=0.1,
    ),
    "wide_c1": Architecture(
        stages=_stages(
            ConvStage(16, 5, "valid", 1, "relu", _MAX), ConvStage(16, 5, "valid", 1, "relu", _MAX)
        ),
        dense=_LENET_DENSE,
        flatten_dropout=0.1,
    ),
    "one_channel": Architecture(
        stages=_stages(
            ConvStage(1, 5, "valid", 1, "relu", _MAX), ConvStage(1, 5, "valid", 1, "relu", _MAX)
        ),
        dense=_LENET_DENSE,
        flatten_dropout=0.1,
    ),
    # the MLP of "why not flatten" (model/network/flat.py, FlatConfig's defaults)
    "flattened": Architecture(
        stages=(), dense=(Dense(56, "relu", 0.1), Dense(64, "relu", 0.1)), flatten_dropout=0.0
    ),
}

PRESET_NAMES: dict[str, str] = {
    "lenet5_1998": "LeNet-5 as in 1998 (tanh, average pooling)",
    "lenet5_shipped": "LeNet-5 as shipped (ReLU, max pooling, dropout)",
    "no_pooling_stride2": "No pooling, stride 2",
    "kernels3_same": "3x3 kernels, SAME padding",
    "wide_c1": "Wide C1 (16 maps)",
    "one_channel": "One channel per stage",
    "flattened": "Flattened (no convolution)",
}

SHIPPED = "lenet5_shipped"


def preset(name: str) -> Architecture:
    """A preset by id; `KeyError` names the known ids."""
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; expected one of {sorted(PRESETS)}") from None
