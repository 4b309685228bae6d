"""LeNet-5, as the tutorial draws it, returning its logits and its named activations.

32x32 input -> C1 5x5 conv 6@28x28 -> S1 2x2 pool 6@14x14 -> C2 5x5 conv 16@10x10
-> S2 2x2 pool 16@5x5 -> flatten 400 -> F5 120 -> F6 84 -> 10 logits.

Beside the 10 digit outputs, a network may have a "not a digit" head (`ModelConfig.reject_head`):
one logistic unit on F6's 84 activations, trained with non-digits (model/training/objective.py).
It is a separate unit, not an 11th class, so the tutorial's 120 -> 84 -> 10 shape, the 10
probability bars and every view stay as they are; its logit comes back as `LeNetOutput.reject`
(None for a network without it, e.g. every checkpoint made before it existed).

`forward` always returns the activations too: they are the tensors computed anyway, so keeping
references costs nothing, and the GUI needs no hooks to show what the network sees.
"""

from __future__ import annotations

from typing import NamedTuple

import torch
from torch import nn
from torch.nn import functional as F

from model.config import ModelConfig

INPUT_SIZE = 32
LAYER_NAMES = ("C1", "S1", "C2", "S2", "F5", "F6")
ACTIVATION_SHAPES: dict[str, tuple[int, ...]] = {
    "C1": (6, 28, 28),
    "S1": (6, 14, 14),
    "C2": (16, 10, 10),
    "S2": (16, 5, 5),
    "F5": (120,),
    "F6": (84,),
}


class LeNetOutput(NamedTuple):
    logits: torch.Tensor
    activations: dict[str, torch.Tensor]
    reject: torch.Tensor | None = None  # (N,) "not a digit" logits, None without the head


class LeNet5(nn.Module):
    """LeNet-5 with configurable pooling, activation and dropout (see `ModelConfig`)."""

    def __init__(self, config: ModelConfig | None = None) -> None:
        super().__init__()
        self.config = config or ModelConfig()
        self.c1 = nn.Conv2d(1, 6, kernel_size=5)
        self.c2 = nn.Conv2d(6, 16, kernel_size=5)
        self.f5 = nn.Linear(16 * 5 * 5, 120)
        self.f6 = nn.Linear(120, 84)
        self.out = nn.Linear(84, 10)
        self.reject = nn.Linear(84, 1) if self.config.reject_head else None
        self.dropout = nn.Dropout(self.config.dropout)
        self._act = torch.relu if self.config.activation == "relu" else torch.tanh
        self._pool = F.max_pool2d if self.config.pooling == "max" else F.avg_pool2d

    def forward(self, x: torch.Tensor) -> LeNetOutput:
        """x: (N, 1, 32, 32) normalised input. Returns logits (N, 10) and activations."""
        c1 = self._act(self.c1(x))
        s1 = self._pool(c1, 2)
        c2 = self._act(self.c2(s1))
        s2 = self._pool(c2, 2)
        f5 = self._act(self.f5(self.dropout(s2.flatten(1))))
        f6 = self._act(self.f6(self.dropout(f5)))
        logits = self.out(self.dropout(f6))
        reject = None if self.reject is None else self.reject(f6)[:, 0]
        activations = {"C1": c1, "S1": s1, "C2": c2, "S2": s2, "F5": f5, "F6": f6}
        return LeNetOutput(logits, activations, reject)

    def kernels(self) -> dict[str, torch.Tensor]:
        """The convolution filters: C1 (6, 1, 5, 5) and C2 (16, 6, 5, 5)."""
        return {"C1": self.c1.weight.detach(), "C2": self.c2.weight.detach()}


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
