"""How one unit got its value: the computation of any LeNet-5 unit with the actual numbers.

`unit_arithmetic(network, network_input, layer, unit)` returns the terms of the unit's sum and
its value, recomputed in float64 from the network's weights and the previous layer's output:

- C1, C2 (`ConvArithmetic`): for each input channel the 5x5 input patch, the kernel, their
  elementwise products and the products' sum; then the bias, the pre-activation total, the
  activation function and the value. C1 has one input channel, C2 six: the sum over channels is
  the multi-input-channel idea made visible.
- S1, S2 (`PoolArithmetic`): the 2x2 window of the map below and which value max pooling kept
  (or their mean, for average pooling).
- F5, F6 (`DenseArithmetic`): the `top` largest contributions weight x input by magnitude, the
  rest summed, the bias and the value.

The values equal the network's own activations (tests check 1e-5), so a view can show these
numbers beside the feature maps. A unit is (channel, row, col) for the maps, an int for the
dense layers; a flat int index into the map also works for the maps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from model.network.lenet import ACTIVATION_SHAPES, INPUT_SIZE, LAYER_NAMES

KERNEL = 5
POOL = 2
TOP_CONTRIBUTIONS = 10


@dataclass(frozen=True)
class ConvArithmetic:
    """value = activation(sum over channels of sum(patch * kernel) + bias)."""

    layer: str
    unit: tuple[int, int, int]  # (output channel, row, col)
    origin: tuple[int, int]  # top-left (row, col) of the patch in the layer's input map
    patches: np.ndarray  # (C_in, 5, 5) the input values under the kernel
    kernels: np.ndarray  # (C_in, 5, 5) the weights
    products: np.ndarray  # (C_in, 5, 5) patches * kernels
    channel_sums: np.ndarray  # (C_in,) sum of each channel's products
    bias: float
    pre_activation: float  # channel_sums.sum() + bias
    activation: str  # "relu" or "tanh"
    value: float  # activation(pre_activation)


@dataclass(frozen=True)
class PoolArithmetic:
    """value = max (or mean) of a 2x2 window of the map below."""

    layer: str
    unit: tuple[int, int, int]
    origin: tuple[int, int]  # top-left (row, col) of the window in the map below
    window: np.ndarray  # (2, 2)
    mode: str  # "max" or "avg"
    kept: tuple[int, int] | None  # (row, col) inside the window that max pooling kept
    value: float


@dataclass(frozen=True)
class DenseArithmetic:
    """value = activation(sum(weights * inputs) + bias), the largest terms listed."""

    layer: str
    unit: int
    top_indices: np.ndarray  # (k,) input indices of the largest |weight x input|, descending
    top_inputs: np.ndarray  # (k,)
    top_weights: np.ndarray  # (k,)
    top_products: np.ndarray  # (k,)
    rest_sum: float  # the sum of all other products
    rest_count: int
    bias: float
    pre_activation: float  # top_products.sum() + rest_sum + bias
    activation: str
    value: float


UnitArithmetic = ConvArithmetic | PoolArithmetic | DenseArithmetic


def _activate(name: str, value: float) -> float:
    return max(value, 0.0) if name == "relu" else float(np.tanh(value))


def _map_unit(layer: str, unit: int | tuple[int, int, int]) -> tuple[int, int, int]:
    shape = ACTIVATION_SHAPES[layer]
    if isinstance(unit, (int, np.integer)):
        if not 0 <= int(unit) < int(np.prod(shape)):
            raise ValueError(f"{layer} has {int(np.prod(shape))} units; index {unit} is outside")
        return tuple(int(i) for i in np.unravel_index(int(unit), shape))  # type: ignore[return-value]
    c, r, col = (int(i) for i in unit)
    if not (0 <= c < shape[0] and 0 <= r < shape[1] and 0 <= col < shape[2]):
        raise ValueError(f"{layer} unit {(c, r, col)} is outside its maps {shape}")
    return c, r, col


def unit_arithmetic(
    network: nn.Module,
    network_input: np.ndarray,
    layer: str,
    unit: int | tuple[int, int, int],
    top: int = TOP_CONTRIBUTIONS,
) -> UnitArithmetic:
    """The terms and value of one unit of `layer` (C1, S1, C2, S2, F5, F6) for this input.

    `network` is a LeNet-5 in eval mode (or a `Predictor`'s `.model`). Raises `ValueError` for
    an unknown layer, a unit outside it, or an input that is not (32, 32).
    """
    network = getattr(network, "model", network)
    if layer not in LAYER_NAMES:
        raise ValueError(f"unknown layer {layer!r}; expected one of {LAYER_NAMES}")
    array = np.asarray(network_input, dtype=np.float32)
    if array.shape != (INPUT_SIZE, INPUT_SIZE):
        raise ValueError(f"expected a (32, 32) network input, got shape {array.shape}")
    with torch.no_grad():
        acts = network(torch.from_numpy(np.ascontiguousarray(array))[None, None]).activations
    below = {
        "C1": array[None].astype(np.float64),
        "S1": acts["C1"][0].double().numpy(),
        "C2": acts["S1"][0].double().numpy(),
        "S2": acts["C2"][0].double().numpy(),
        "F5": acts["S2"][0].double().numpy().reshape(-1),
        "F6": acts["F5"][0].double().numpy(),
    }[layer]
    activation = network.config.activation
    if layer in ("C1", "C2"):
        conv = network.c1 if layer == "C1" else network.c2
        return _conv(layer, _map_unit(layer, unit), below, conv, activation)
    if layer in ("S1", "S2"):
        return _pool(layer, _map_unit(layer, unit), below, network.config.pooling)
    dense = network.f5 if layer == "F5" else network.f6
    if not 0 <= int(unit) < dense.out_features:
        raise ValueError(f"{layer} has {dense.out_features} units; index {unit} is outside")
    return _dense(layer, int(unit), below, dense, activation, top)


def _conv(
    layer: str, unit: tuple[int, int, int], below: np.ndarray, conv: nn.Conv2d, activation: str
) -> ConvArithmetic:
    c, r, col = unit
    patches = below[:, r : r + KERNEL, col : col + KERNEL]
    kernels = conv.weight[c].detach().double().numpy()
    products = patches * kernels
    channel_sums = products.sum(axis=(1, 2))
    bias = float(conv.bias[c].detach())
    pre = float(channel_sums.sum()) + bias
    return ConvArithmetic(
        layer,
        unit,
        (r, col),
        patches,
        kernels,
        products,
        channel_sums,
        bias,
        pre,
        activation,
        _activate(activation, pre),
    )


def _pool(layer: str, unit: tuple[int, int, int], below: np.ndarray, mode: str) -> PoolArithmetic:
    c, r, col = unit
    window = below[c, POOL * r : POOL * r + POOL, POOL * col : POOL * col + POOL]
    if mode == "max":
        kept = tuple(int(i) for i in np.unravel_index(int(window.argmax()), window.shape))
        value = float(window.max())
    else:
        kept, value = None, float(window.mean())
    return PoolArithmetic(layer, unit, (POOL * r, POOL * col), window, mode, kept, value)  # type: ignore[arg-type]


def _dense(
    layer: str, unit: int, inputs: np.ndarray, dense: nn.Linear, activation: str, top: int
) -> DenseArithmetic:
    weights = dense.weight[unit].detach().double().numpy()
    products = weights * inputs
    order = np.argsort(-np.abs(products), kind="stable")
    k = max(0, min(top, len(products)))
    head, rest = order[:k], order[k:]
    bias = float(dense.bias[unit].detach())
    pre = float(products.sum()) + bias
    return DenseArithmetic(
        layer,
        unit,
        head,
        inputs[head],
        weights[head],
        products[head],
        float(products[rest].sum()),
        len(rest),
        bias,
        pre,
        activation,
        _activate(activation, pre),
    )


def window_origins(layer: str) -> list[tuple[int, int]]:
    """Every top-left position of the window of a map layer, in scan order: the frames of a
    step-through animation that slides the kernel (C1, C2) or pooling window (S1, S2)."""
    if layer not in ("C1", "S1", "C2", "S2"):
        raise ValueError(f"{layer!r} has no sliding window; expected C1, S1, C2 or S2")
    _, rows, cols = ACTIVATION_SHAPES[layer]
    step = 1 if layer.startswith("C") else POOL
    return [(step * r, step * c) for r in range(rows) for c in range(cols)]
