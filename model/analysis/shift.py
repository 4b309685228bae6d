"""Pooling and shifts: how far each layer's activations move when the drawing moves.

`shift_input` moves a (32, 32) network input by (dx, dy) pixels (-4..+4), filling the vacated
border with blank paper. `layer_distances` compares every layer of a network for a shifted
input with the unshifted one: the normalised distance ||a(shifted) - a(0)|| / ||a(0)|| of C1,
S1, C2, S2 and the output logits, and whether the prediction holds. `shift_sweep` does that for
a row of shifts in one batch (a slider's or an animation's frames).

`shift_test` is the tutorial's opening argument as a measured curve: test accuracy against the
shift distance (0..4 px) for any network, each image moved by that distance in one of the four
axis directions (right, down, left, up by index, so every direction gets a quarter of the set).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from model.analysis.design_layers import design_layers
from model.config import Normalization
from model.drawing.preprocess import mnist_to_network_input
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report
from model.network.architecture import Architecture
from model.network.builder import architecture_of
from model.network.lenet import INPUT_SIZE

MAX_SHIFT = 4
LAYERS = ("C1", "S1", "C2", "S2", "output")  # LeNet-5's; `shift_layers` gives any network's
DIRECTIONS = ((1, 0), (0, 1), (-1, 0), (0, -1))  # (dx, dy): right, down, left, up


def shift_layers(network: Any) -> tuple[str, ...]:
    """The layers the shift view compares for this network (a predictor, a module or a
    design): every map layer of its design, then "output" (only "output" for a flattened
    design, which has no maps to move)."""
    design = network if isinstance(network, Architecture) else None
    if design is None:
        design = architecture_of(getattr(network, "model", network))
    return tuple(m.name for m in design_layers(design).maps) + ("output",)


def blank_value(normalization: Normalization | None = None) -> float:
    return (normalization or Normalization()).background_level


def _check_shift(dx: int, dy: int) -> None:
    if not (-MAX_SHIFT <= dx <= MAX_SHIFT and -MAX_SHIFT <= dy <= MAX_SHIFT):
        raise ValueError(f"shift must be within ±{MAX_SHIFT} px, not ({dx}, {dy})")


def shift_batch(x: torch.Tensor, dx: int, dy: int, blank: float) -> torch.Tensor:
    """(N, 1, 32, 32) inputs moved right by dx and down by dy; the border gets `blank`."""
    _check_shift(dx, dy)
    m = MAX_SHIFT
    padded = F.pad(x, (m, m, m, m), value=blank)
    return padded[..., m - dy : m - dy + INPUT_SIZE, m - dx : m - dx + INPUT_SIZE]


def shift_input(
    network_input: np.ndarray, dx: int, dy: int, normalization: Normalization | None = None
) -> np.ndarray:
    """The (32, 32) network input moved right by dx and down by dy pixels (-4..4)."""
    x = torch.from_numpy(np.ascontiguousarray(network_input, dtype=np.float32))[None, None]
    return shift_batch(x, dx, dy, blank_value(normalization))[0, 0].numpy().copy()


@dataclass(frozen=True)
class ShiftComparison:
    shifts: list[tuple[int, int]]  # (dx, dy) of each row
    layers: tuple[str, ...]
    distances: np.ndarray  # (len(shifts), len(layers)) normalised distance from the unshifted
    predictions: np.ndarray  # (len(shifts),) predicted digit of each shifted input
    confidences: np.ndarray  # (len(shifts),) its probability
    unshifted_prediction: int

    @property
    def holds(self) -> np.ndarray:
        """(len(shifts),) whether the prediction is the unshifted one."""
        return self.predictions == self.unshifted_prediction


def _layer_values(
    network: nn.Module, x: torch.Tensor, layers: Sequence[str]
) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    out = network(x)
    values = {"output": out.logits, **out.activations}
    missing = [name for name in layers if name not in values]
    if missing:
        raise ValueError(f"the network has no layer {missing}; it has {sorted(values)}")
    return {name: values[name].flatten(1) for name in layers}, out.logits


@torch.no_grad()
def layer_distances(
    network: nn.Module,
    network_input: np.ndarray,
    shifts: Sequence[tuple[int, int]],
    normalization: Normalization | None = None,
    layers: Sequence[str] | None = None,
) -> ShiftComparison:
    """Per-layer normalised distances for each (dx, dy) in `shifts`, all in one batch
    (`layers`: the network's own, `shift_layers`, when None).

    Given a predictor, its calibration temperature applies to the confidences, so they equal
    what the rest of the app shows for the same input."""
    normalization = normalization or getattr(network, "normalization", None)
    temperature = float(getattr(network, "temperature", 1.0))
    network = getattr(network, "model", network)
    layers = tuple(layers) if layers is not None else shift_layers(network)
    base = torch.from_numpy(np.ascontiguousarray(network_input, dtype=np.float32))[None, None]
    blank = blank_value(normalization)
    batch = torch.cat([base] + [shift_batch(base, dx, dy, blank) for dx, dy in shifts])
    values, logits = _layer_values(network, batch, layers)
    distances = np.stack(
        [
            ((v[1:] - v[:1]).norm(dim=1) / v[0].norm().clamp_min(1e-12)).numpy()
            for v in values.values()
        ],
        axis=1,
    )
    probabilities = torch.softmax(logits.double() / temperature, 1)
    predictions = probabilities.argmax(1).numpy()
    return ShiftComparison(
        shifts=[(int(dx), int(dy)) for dx, dy in shifts],
        layers=tuple(layers),
        distances=distances.astype(np.float32),
        predictions=predictions[1:],
        confidences=probabilities.max(1).values.numpy()[1:].astype(np.float32),
        unshifted_prediction=int(predictions[0]),
    )


def shift_sweep(
    network: nn.Module,
    network_input: np.ndarray,
    axis: str = "x",
    normalization: Normalization | None = None,
    layers: Sequence[str] | None = None,
) -> ShiftComparison:
    """`layer_distances` for every shift -4..+4 along one axis ("x" or "y")."""
    if axis not in ("x", "y"):
        raise ValueError(f"axis must be 'x' or 'y', not {axis!r}")
    steps = range(-MAX_SHIFT, MAX_SHIFT + 1)
    shifts = [(s, 0) if axis == "x" else (0, s) for s in steps]
    return layer_distances(network, network_input, shifts, normalization, layers)


@dataclass(frozen=True)
class ShiftTestResult:
    distances: np.ndarray  # (k,) shift distances in pixels, 0..4
    accuracy: np.ndarray  # (k,) test accuracy at each distance
    count: int  # images per distance


@torch.inference_mode()
def shift_test(
    network: nn.Module,
    images: np.ndarray,
    labels: np.ndarray,
    normalization: Normalization | None = None,
    distances: Sequence[int] = range(MAX_SHIFT + 1),
    batch_size: int = 5000,
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> ShiftTestResult:
    """Accuracy of `network` on MNIST-style uint8 (N, 28, 28) `images` shifted by each
    distance; image i moves in direction DIRECTIONS[i % 4]. Raises `Cancelled`."""
    normalization = normalization or getattr(network, "normalization", None) or Normalization()
    network = getattr(network, "model", network)
    was_training = network.training
    network.eval()
    blank = blank_value(normalization)
    labels_t = torch.from_numpy(np.asarray(labels, dtype=np.int64))
    n, distances = len(images), [int(d) for d in distances]
    correct = np.zeros(len(distances), dtype=np.int64)
    total = len(distances) * n
    done = 0
    try:
        for start in range(0, n, batch_size):
            check_cancel(should_cancel, "shift test")
            x = mnist_to_network_input(images[start : start + batch_size], normalization)
            y = labels_t[start : start + batch_size]
            # image i moves in direction i % 4: strided views keep each direction's images
            # together, so shifting is four slices rather than masked copies
            groups = [slice((k - start) % len(DIRECTIONS), None, len(DIRECTIONS)) for k in range(4)]
            y = torch.cat([y[g] for g in groups])
            for i, distance in enumerate(distances):
                shifted = torch.cat(
                    [
                        shift_batch(x[g], ux * distance, uy * distance, blank)
                        for g, (ux, uy) in zip(groups, DIRECTIONS)
                    ]
                )
                predicted = network(shifted).logits.argmax(1)
                correct[i] += int((predicted == y).sum())
                done += len(x)
                report(on_progress, done, total)
    finally:
        network.train(was_training)
    return ShiftTestResult(np.array(distances), correct / max(n, 1), n)
