"""How one unit got its value: the computation of any unit of a network with the actual numbers.

`unit_arithmetic(network, network_input, layer, unit)` returns the terms of the unit's sum and
its value, recomputed in float64 from the network's weights and the previous layer's output:

- a convolution, C1, C2... (`ConvArithmetic`): for each input channel the k x k input patch
  (zeros where the window hangs over a padded border), the kernel, their elementwise products
  and the products' sum; then the bias, the pre-activation total, the activation function and
  the value. LeNet-5's C1 has one input channel, C2 six: the sum over channels is the
  multi-input-channel idea made visible.
- a pooling layer, S1, S2... (`PoolArithmetic`): the window of the map below and which value
  max pooling kept (or their mean, for average pooling).
- a dense layer, F5, F6... (`DenseArithmetic`): the `top` largest contributions weight x input
  by magnitude, the rest summed, the bias and the value.

Which layers exist, their windows, strides and paddings, and which layer each reads come from
the network's design (`model.analysis.design_layers`), so a network of the architecture lab is
explained as LeNet-5 is.

The values equal the network's own activations (tests check 1e-5), so a view can show these
numbers beside the feature maps. A unit is (channel, row, col) for the maps, an int for the
dense layers; a flat int index into the map also works for the maps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from model.analysis.design_layers import DesignLayers, MapLayer, design_layers
from model.network.architecture import Architecture
from model.network.builder import architecture_of
from model.network.lenet import INPUT_SIZE
from model.network.lenet import LAYER_NAMES as LAYER_NAMES  # LeNet-5's, for callers

TOP_CONTRIBUTIONS = 10


@dataclass(frozen=True)
class ConvArithmetic:
    """value = activation(sum over channels of sum(patch * kernel) + bias)."""

    layer: str
    unit: tuple[int, int, int]  # (output channel, row, col)
    origin: tuple[int, int]  # top-left (row, col) of the patch in the layer's input map
    patches: np.ndarray  # (C_in, k, k) the input values under the kernel (0 on padding)
    kernels: np.ndarray  # (C_in, k, k) the weights
    products: np.ndarray  # (C_in, k, k) patches * kernels
    channel_sums: np.ndarray  # (C_in,) sum of each channel's products
    bias: float
    pre_activation: float  # channel_sums.sum() + bias
    activation: str  # "relu", "tanh" or "sigmoid"
    value: float  # activation(pre_activation)


@dataclass(frozen=True)
class PoolArithmetic:
    """value = max (or mean) of a window of the map below (2x2 in LeNet-5)."""

    layer: str
    unit: tuple[int, int, int]
    origin: tuple[int, int]  # top-left (row, col) of the window in the map below
    window: np.ndarray  # (size, size)
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
    if name == "relu":
        return max(value, 0.0)
    if name == "sigmoid":
        return float(1.0 / (1.0 + np.exp(-value)))
    return float(np.tanh(value))


def layers_of(network: nn.Module | Architecture) -> DesignLayers:
    """The layers of a network (or a predictor's, or a design): what can be explained."""
    if isinstance(network, Architecture):
        return design_layers(network)
    return design_layers(architecture_of(getattr(network, "model", network)))


def _map_unit(layer: MapLayer, unit: int | tuple[int, int, int]) -> tuple[int, int, int]:
    shape = layer.shape
    if isinstance(unit, (int, np.integer)):
        if not 0 <= int(unit) < int(np.prod(shape)):
            raise ValueError(
                f"{layer.name} has {int(np.prod(shape))} units; index {unit} is outside"
            )
        return tuple(int(i) for i in np.unravel_index(int(unit), shape))  # type: ignore[return-value]
    c, r, col = (int(i) for i in unit)
    if not (0 <= c < shape[0] and 0 <= r < shape[1] and 0 <= col < shape[2]):
        raise ValueError(f"{layer.name} unit {(c, r, col)} is outside its maps {shape}")
    return c, r, col


def unit_arithmetic(
    network: nn.Module,
    network_input: np.ndarray,
    layer: str,
    unit: int | tuple[int, int, int],
    top: int = TOP_CONTRIBUTIONS,
) -> UnitArithmetic:
    """The terms and value of one unit of `layer` (a name of the network's design: C1, S1,
    C2, S2, F5, F6 for LeNet-5) for this input.

    `network` is a network in eval mode (or a `Predictor`'s `.model`). Raises `ValueError` for
    a layer the network does not have, a unit outside it, or an input that is not (32, 32).
    """
    network = getattr(network, "model", network)
    layers = layers_of(network)
    if layer not in layers.names:
        raise ValueError(f"unknown layer {layer!r}; expected one of {layers.names}")
    array = np.asarray(network_input, dtype=np.float32)
    if array.shape != (INPUT_SIZE, INPUT_SIZE):
        raise ValueError(f"expected a (32, 32) network input, got shape {array.shape}")
    with torch.no_grad():
        acts = network(torch.from_numpy(np.ascontiguousarray(array))[None, None]).activations

    def values(name: str) -> np.ndarray:
        if name == "input":
            return array[None].astype(np.float64)
        return acts[name][0].double().numpy()

    if layer in {m.name for m in layers.maps}:
        info = layers.map(layer)
        below = values(info.below)
        if info.kind == "conv":
            conv = getattr(network, info.name.lower())
            return _conv(info, _map_unit(info, unit), below, conv)
        return _pool(info, _map_unit(info, unit), below)
    dense_info = layers.dense_layer(layer)
    if dense_info.below == "flatten":
        inputs = values(layers.flattened_from).reshape(-1)
    else:
        inputs = values(dense_info.below)
    dense = getattr(network, layer.lower())
    if not 0 <= int(unit) < dense.out_features:
        raise ValueError(f"{layer} has {dense.out_features} units; index {unit} is outside")
    return _dense(layer, int(unit), inputs, dense, dense_info.activation, top)


def _conv(
    layer: MapLayer, unit: tuple[int, int, int], below: np.ndarray, conv: nn.Conv2d
) -> ConvArithmetic:
    c, r, col = unit
    k, p, s = layer.window, layer.padding, layer.stride
    padded = np.pad(below, ((0, 0), (p, p), (p, p))) if p else below
    top, left = r * s, col * s  # in the padded map; the origin is given in the unpadded one
    patches = padded[:, top : top + k, left : left + k]
    kernels = conv.weight[c].detach().double().numpy()
    products = patches * kernels
    channel_sums = products.sum(axis=(1, 2))
    bias = float(conv.bias[c].detach())
    pre = float(channel_sums.sum()) + bias
    return ConvArithmetic(
        layer.name,
        unit,
        (top - p, left - p),
        patches,
        kernels,
        products,
        channel_sums,
        bias,
        pre,
        layer.activation,
        _activate(layer.activation, pre),
    )


def _pool(layer: MapLayer, unit: tuple[int, int, int], below: np.ndarray) -> PoolArithmetic:
    c, r, col = unit
    size, step = layer.window, layer.stride
    window = below[c, step * r : step * r + size, step * col : step * col + size]
    if layer.pooling == "max":
        kept = tuple(int(i) for i in np.unravel_index(int(window.argmax()), window.shape))
        value = float(window.max())
    else:
        kept, value = None, float(window.mean())
    return PoolArithmetic(
        layer.name,
        unit,
        (step * r, step * col),
        window,
        layer.pooling,
        kept,  # type: ignore[arg-type]
        value,
    )


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


def window_origins(
    layer: str, design: Architecture | nn.Module | None = None
) -> list[tuple[int, int]]:
    """Every top-left position of the window of a map layer, in scan order: the frames of a
    step-through animation that slides the kernel or pooling window (LeNet-5's if no design).
    A padded convolution's first window starts before the map (negative origin)."""
    layers = layers_of(design if design is not None else _LENET5)
    try:
        info = layers.map(layer)
    except KeyError:
        raise ValueError(f"{layer!r} has no sliding window; expected a map layer") from None
    _, rows, cols = info.shape
    s, p = info.stride, info.padding
    return [(s * r - p, s * c - p) for r in range(rows) for c in range(cols)]


def _lenet5() -> Architecture:
    from model.config import ModelConfig
    from model.network.architecture import from_model_config

    return from_model_config(ModelConfig())


_LENET5 = _lenet5()
