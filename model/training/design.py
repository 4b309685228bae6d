"""Training a designed network: the architecture lab's run, through the one training loop.

`model.training.loop.train` trains whatever fresh network it is handed; this builds that
network from an `Architecture` (model/network/builder.py) so a design of any shape within the
caps, the "flattened" one with no convolution included, trains on exactly the batches, schedule
and checks a LeNet-5 does. A design without the "not a digit" head gets no non-digits in its
batches (there is no output to teach them to), whatever the config says.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from model.config import LAB_TRAIN, TrainConfig
from model.network.architecture import Architecture
from model.network.builder import build
from model.training.loop import TrainingData, TrainResult, train


def design_config(design: Architecture, config: TrainConfig | None = None) -> TrainConfig:
    """`config` (the lab's short run by default) as it applies to `design`: no non-digit share
    in the batches of a design without the "not a digit" head."""
    config = config or LAB_TRAIN
    if not design.reject_head and config.nondigit_fraction > 0:
        config = dataclasses.replace(config, nondigit_fraction=0.0)
    return config


def train_design(
    data: TrainingData,
    design: Architecture,
    config: TrainConfig | None = None,
    **kwargs: Any,
) -> TrainResult:
    """Train a fresh network of `design` on `data` (see `train` for the callbacks, the device
    and the cancel check, passed on as keyword arguments). Raises `ArchitectureError` for a
    design that cannot be built, before any data is touched; `TrainingCancelled` or
    `TrainingDiverged` as `train` does. The checkpoint's network is a `DesignedNet` whose file
    stores its design (model/files/checkpoint.py)."""
    network = build(design)
    return train(data, design_config(design, config), network=network, **kwargs)
