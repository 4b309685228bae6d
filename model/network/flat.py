"""The "why not flatten" network: the 32x32 input flattened into 1024 numbers, then dense layers.

Its parameter count (61,698) is LeNet-5's (61,706) to within 8, and it is trained on the same
images with the same augmentation (`python -m model.cli.mlp`), so the two differ only in what
the tutorial argues: a dense layer sees pixel (3, 5) and pixel (3, 6) as unrelated inputs and
must relearn every stroke at every position, while a convolution reuses one small kernel
everywhere. The shift test (`model/analysis/shift.py`) turns that argument into a curve.

Its forward returns `LeNetOutput` (logits plus named activations H1, H2), so `Predictor` and the
attribution and evaluation functions accept it as they accept LeNet-5. Its checkpoint is a
regular LeNet Lens checkpoint with `"architecture": "mlp"`, read by the same safe reader.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from model.config import ACTIVATIONS, Normalization
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, check_header, check_outputs, read_payload
from model.files.schema import check_metadata, check_normalization, check_state_dict
from model.network.lenet import INPUT_SIZE, LeNetOutput

ARCHITECTURE = "mlp"


@dataclass(frozen=True)
class FlatConfig:
    """Hidden layer widths and activation of the fully-connected network."""

    hidden: tuple[int, ...] = (56, 64)
    activation: str = "relu"
    dropout: float = 0.1

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        if not self.hidden or min(self.hidden) < 1:
            raise ValueError(f"hidden widths must be positive, not {self.hidden!r}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, not {self.activation!r}")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), not {self.dropout!r}")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["hidden"] = list(self.hidden)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FlatConfig:
        unknown = set(data) - {"hidden", "activation", "dropout"}
        if unknown:
            raise ValueError(f"unknown model config fields: {sorted(unknown)}")
        return cls(**data)


class FlatNet(nn.Module):
    """Flatten the (N, 1, 32, 32) input, then Linear+activation per hidden layer, then 10."""

    architecture = ARCHITECTURE

    def __init__(self, config: FlatConfig | None = None) -> None:
        super().__init__()
        self.config = config or FlatConfig()
        widths = (INPUT_SIZE * INPUT_SIZE, *self.config.hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.out = nn.Linear(widths[-1], 10)
        self.dropout = nn.Dropout(self.config.dropout)
        self._act = torch.relu if self.config.activation == "relu" else torch.tanh

    def forward(self, x: torch.Tensor) -> LeNetOutput:
        h = x.flatten(1)
        activations: dict[str, torch.Tensor] = {}
        for i, layer in enumerate(self.hidden, 1):
            h = self._act(layer(self.dropout(h) if i > 1 else h))
            activations[f"H{i}"] = h
        return LeNetOutput(self.out(self.dropout(h)), activations)


def load_flat_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """Load a fully-connected network's checkpoint through the same safe reader as LeNet-5's
    (`model.files.checkpoint.read_payload`: file checks, then `torch.load(weights_only=True)`) and
    the
    same field checks; every failure is a `CheckpointError` naming the file.

    The result is a plain `Checkpoint` whose `model` is a `FlatNet`; `Predictor(checkpoint)`
    classifies drawings with it."""
    path = Path(path)
    payload = read_payload(path)
    where = str(path)
    check_header(payload, where)
    architecture = payload.get("architecture", "lenet5")
    if architecture != ARCHITECTURE:
        name = "LeNet-family" if isinstance(architecture, dict) else repr(architecture)
        raise CheckpointError(f"{where}: a {name} network, not the fully-connected one")
    try:
        if not isinstance(payload["model_config"], dict):
            raise TypeError("model_config is not a dict")
        config = FlatConfig.from_dict(dict(payload["model_config"]))
    except (TypeError, ValueError) as exc:
        raise CheckpointError(f"{where}: invalid checkpoint contents ({exc})") from None
    mean, std = check_normalization(payload["normalization"], where)
    state_dict = check_state_dict(payload["state_dict"], where)
    metadata = check_metadata(payload.get("metadata"), where)
    model = FlatNet(config)
    try:
        model.load_state_dict(state_dict, strict=True)
    except (RuntimeError, TypeError, AttributeError) as exc:
        detail = str(exc).strip().splitlines()
        raise CheckpointError(
            f"{where}: weights do not fit the fully-connected network "
            f"({detail[1].strip() if len(detail) > 1 else detail[0] if detail else exc})"
        ) from None
    model.eval()
    normalization = Normalization(mean, std)
    check_outputs(model, normalization, metadata, where)
    return Checkpoint(model, normalization, metadata, path)  # type: ignore[arg-type]
