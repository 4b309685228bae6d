"""The two shipped comparison networks the concepts views load on first use.

`average_pooling()` is LeNet-5 with average pooling (weights/lenet5_avg.pt), for max vs average
pooling; `fully_connected()` is the flattened-input network (weights/mlp.pt), for "why not
flatten". Both go through the same safe checkpoint readers as the main model; a missing or
damaged file is a `CheckpointError` whose message names the file, which the views show in
place of their curves. Loaded once per process (a few hundred kB each).
"""

from __future__ import annotations

from functools import cache

from model.files.checkpoint import load_checkpoint
from model.files.weights import AVG_POOL_NAME, FLAT_NAME, shipped_weights_path
from model.network.flat import load_flat_checkpoint
from model.network.inference import Predictor


@cache
def average_pooling() -> Predictor:
    """LeNet-5 with average pooling. Raises `CheckpointError`."""
    return Predictor(load_checkpoint(shipped_weights_path(AVG_POOL_NAME)))


@cache
def fully_connected() -> Predictor:
    """The fully-connected network of the same size. Raises `CheckpointError`."""
    return Predictor(load_flat_checkpoint(shipped_weights_path(FLAT_NAME)))
