"""Build a torch module from an `Architecture`: the designed network the lab trains and shows.

The module behaves like `LeNet5` wherever the app looks: `forward` returns `LeNetOutput` (logits
plus the named activations "C1", "S1", ..., "F5", ...), `kernels()` returns every convolution's
filters by layer name, and the parameters are named as LeNet-5's are (c1, c2, f5, f6, out), so
the shipped weights load into the shipped preset's module unchanged and give the same logits.
Dropout and pooling hold no parameters, so they add nothing to the state dict.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn
from torch.nn import functional as F

from model.config import ModelConfig
from model.network.architecture import (
    OUTPUTS,
    Architecture,
    ArchitectureError,
    Dense,
    Reason,
    conv_output,
    from_model_config,
    to_model_config,
)
from model.network.lenet import LeNet5, LeNetOutput

_ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
}
_POOLS = {"max": F.max_pool2d, "avg": F.avg_pool2d}
#: Whether this version's `LeNetOutput` carries the "not a digit" logit (model/network/lenet.py).
REJECT_SUPPORTED = "reject" in LeNetOutput._fields


class DesignedNet(nn.Module):
    """The network an `Architecture` describes (checked first: `ArchitectureError` if refused).

    `design` is the architecture; `config` is the `ModelConfig` of the same network when it is
    a LeNet-5 (the shipped family), else None.
    """

    def __init__(self, design: Architecture) -> None:
        super().__init__()
        self.design = design.check()
        if design.reject_head and not REJECT_SUPPORTED:
            raise ArchitectureError([Reason("reject_head_unsupported", {})])
        self.config: ModelConfig | None = to_model_config(design)
        channels, size = 1, 32
        for i, stage in enumerate(design.stages, 1):
            padding = stage.padding_pixels
            conv = nn.Conv2d(channels, stage.channels, stage.kernel, stage.stride, padding)
            self.add_module(f"c{i}", conv)
            size = conv_output(size, stage.kernel, padding, stage.stride)
            if stage.pooling is not None:
                size = conv_output(size, stage.pooling.size, 0, stage.pooling.stride)
            channels = stage.channels
        width = channels * size * size
        for j, layer in enumerate(design.dense, 1):
            self.add_module(design.dense_name(j).lower(), nn.Linear(width, layer.units))
            width = layer.units
        self.out = nn.Linear(width, OUTPUTS)
        self.reject = nn.Linear(width, 1) if design.reject_head else None
        self.flatten_dropout = nn.Dropout(design.flatten_dropout)
        self.dropouts = nn.ModuleList(nn.Dropout(d.dropout) for d in design.dense)

    def forward(self, x: torch.Tensor) -> LeNetOutput:
        """x: (N, 1, 32, 32) normalised input. Returns logits (N, 10) and activations."""
        design = self.design
        activations: dict[str, torch.Tensor] = {}
        h = x
        for i, stage in enumerate(design.stages, 1):
            h = _ACTIVATIONS[stage.activation](getattr(self, f"c{i}")(h))
            activations[design.conv_name(i)] = h
            pool = stage.pooling
            if pool is not None:
                h = _POOLS[pool.kind](h, pool.size, pool.stride)
                activations[design.pool_name(i)] = h
        h = self.flatten_dropout(h.flatten(1))
        last = h
        for j, (layer, dropout) in enumerate(zip(design.dense, self.dropouts), 1):
            name = design.dense_name(j)
            last = _ACTIVATIONS[layer.activation](getattr(self, name.lower())(h))
            activations[name] = last
            h = dropout(last)
        logits = self.out(h)
        if self.reject is None:
            return LeNetOutput(logits, activations)
        # the head reads the last layer's activation without dropout, as LeNet5's does
        return LeNetOutput(logits, activations, self.reject(last)[:, 0])  # type: ignore[call-arg]

    def kernels(self) -> dict[str, torch.Tensor]:
        """Every convolution's filters by layer name: "C1" (maps, 1, k, k), "C2"..."""
        return {
            f"C{i}": getattr(self, f"c{i}").weight.detach()
            for i in range(1, len(self.design.stages) + 1)
        }


def build(design: Architecture) -> DesignedNet:
    """A freshly initialised network of `design` (torch's default initialisation, like
    `LeNet5`). Raises `ArchitectureError` for a design `problems()` refuses."""
    return DesignedNet(design)


def architecture_of(model: nn.Module) -> Architecture:
    """The design of any network the app loads: a built one's own, `LeNet5`'s from its
    `ModelConfig`, the fully-connected `FlatNet`'s as the "flattened" design it equals (its
    activations keep their H1, H2 names). What the views ask to lay themselves out."""
    design = getattr(model, "design", None)
    if isinstance(design, Architecture):
        return design
    if isinstance(model, LeNet5):
        return from_model_config(model.config)
    config = getattr(model, "config", None)
    hidden = getattr(config, "hidden", None)
    if hidden is not None:  # model/network/flat.py: dropout before every layer but the first
        act, drop = config.activation, config.dropout  # type: ignore[union-attr]
        return Architecture(dense=tuple(Dense(h, act, drop) for h in hidden))
    raise TypeError(f"not a LeNet Lens network: {type(model).__name__}")
