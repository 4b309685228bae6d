"""Checkpoints: a plain dict (state_dict, model config, normalisation, metadata).

Loading checks the file first (`model.files.safe_load`: regular file, size caps, zip CRCs), then
uses `torch.load(weights_only=True)`, so a file carrying code is refused, not run, and then
checks every field (`model.files.schema`) before building anything. Saving goes through
`model.files.atomic`: the target name always holds a complete old or new file; the previous one is
kept as `<name>.bak` (a hard link, not a move).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from model.config import ModelConfig, Normalization
from model.errors import CheckpointError, CheckpointSaveError
from model.files.atomic import atomic_write
from model.files.safe_load import read_checkpoint_bytes, torch_load, verify_archive
from model.files.schema import (
    check_metadata,
    check_model_config,
    check_normalization,
    check_state_dict,
)
from model.network.architecture import (
    Architecture,
    ArchitectureError,
    CheckpointArchitectureError,
    to_model_config,
)
from model.network.builder import DesignedNet, architecture_of, build
from model.network.calibration import checkpoint_temperature
from model.network.lenet import LeNet5

FORMAT = "lenet-lens-checkpoint"
FORMAT_VERSION = 1
LENET5 = "lenet5"  # the architecture of a file without an "architecture" entry


@dataclass
class Checkpoint:
    """A loaded (or freshly trained) network with everything needed to use it.

    `model` is a `LeNet5` (every file of today's shape, whatever wrote it) or a `DesignedNet`
    (a design of the architecture lab that is not a LeNet-5)."""

    model: LeNet5 | DesignedNet
    normalization: Normalization
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def model_config(self) -> ModelConfig | None:
        """The LeNet-5 options of the network; None for a lab design that is not a LeNet-5."""
        return self.model.config

    @property
    def architecture(self) -> Architecture:
        """The network's design (model/network/architecture.py): what the views lay out."""
        return architecture_of(self.model)

    @property
    def test_accuracy(self) -> float | None:
        value = self.metadata.get("test_accuracy")
        return float(value) if value is not None else None


def to_dict(checkpoint: Checkpoint) -> dict[str, Any]:
    config = checkpoint.model.config
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "state_dict": {
            k: v.detach().cpu().clone() for k, v in checkpoint.model.state_dict().items()
        },
        # a lab design that is not a LeNet-5 has no ModelConfig; the entry stays (older readers
        # require it) and its design is in "architecture"
        "model_config": config.to_dict() if config is not None else {},
        "normalization": checkpoint.normalization.to_dict(),
        "metadata": plain(checkpoint.metadata),
    } | _architecture_entry(checkpoint.model)


def _architecture_entry(model: Any) -> dict[str, Any]:
    """Every file says what network it holds: the design as a dict (model/network/
    architecture.py). The fully-connected network (model/network/flat.py) keeps its own named
    format, read by its own loader."""
    name = getattr(model, "architecture", LENET5)
    if isinstance(name, str) and name != LENET5:
        return {"architecture": name}
    return {"architecture": architecture_of(model).to_dict()}


def plain(value: Any) -> Any:
    """Metadata as builtins only (str subclasses, numpy scalars, tuples would not survive
    `torch.load(weights_only=True)`)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if hasattr(value, "item"):  # numpy / torch scalars
        return plain(value.item())
    return str(value)


def save_checkpoint(checkpoint: Checkpoint, path: str | os.PathLike, backup: bool = True) -> Path:
    """Write atomically (`model.files.atomic`); the file it replaces (if any) is kept as
    `<name>.bak`.

    Raises `CheckpointSaveError` (a `SaveError` and a `CheckpointError`) naming the file and the
    cause; the target then still holds its previous complete content.
    """
    payload = to_dict(checkpoint)
    payload["metadata"].setdefault("saved", dt.datetime.now(dt.timezone.utc).isoformat())
    return atomic_write(
        path,
        lambda fh: torch.save(payload, fh),
        backup=backup,
        make_parents=True,
        error=CheckpointSaveError,
    )


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """Load and validate; every failure is a `CheckpointError` naming the file and the problem.

    Nothing is built until the file has passed every check (regular file, size caps, zip CRCs,
    no code, types and ranges of every field, finite weights), so a caller that swaps models
    on success never half-applies a bad file.
    """
    path = Path(path)
    return from_dict(read_payload(path), path)


def read_payload(path: Path) -> Any:
    """The file's checked contents (regular file, size caps, zip CRCs, no code), loaded with
    `torch.load(weights_only=True)`: the one safe reader of every weights file, LeNet-5's and
    the fully-connected network's (`model.network.flat`)."""
    data = read_checkpoint_bytes(path)
    verify_archive(data, path)
    return torch_load(data, path)


def check_weights_file(path: str | os.PathLike) -> Checkpoint:
    """The start-up check of a remembered weights file that may have gone bad since: the fully
    validated checkpoint, or `CheckpointError` (the caller falls back to the shipped weights)."""
    return load_checkpoint(path)


def from_dict(payload: Any, path: Path | None = None) -> Checkpoint:
    """Validate a loaded payload and build its network; `CheckpointError` on any bad field."""
    where = str(path) if path else "<checkpoint>"
    check_header(payload, where)
    design = check_architecture(payload.get("architecture", LENET5), where)
    try:
        config = ModelConfig.from_dict(check_model_config(payload["model_config"], where))
    except (TypeError, ValueError) as exc:
        raise CheckpointError(
            f"{where}: invalid checkpoint contents ({exc})",
            reason="weights.invalid_contents",
            path=where,
        ) from None
    mean, std = check_normalization(payload["normalization"], where)
    state_dict = check_state_dict(payload["state_dict"], where)
    metadata = check_metadata(payload.get("metadata"), where)
    # the stored design decides; a design that is a LeNet-5 is built as today's LeNet5
    lenet_config = config if design is None else to_model_config(design)
    model = build(design) if lenet_config is None else LeNet5(lenet_config)
    try:
        model.load_state_dict(state_dict, strict=True)
    except (RuntimeError, TypeError, AttributeError) as exc:
        detail = str(exc).strip().splitlines()
        network = "LeNet-5" if isinstance(model, LeNet5) else "the design the file describes"
        raise CheckpointError(
            f"{where}: weights are for a different architecture than {network} "
            f"({detail[1].strip() if len(detail) > 1 else detail[0] if detail else exc})",
            reason="weights.other_architecture",
            path=where,
        ) from None
    model.eval()
    normalization = Normalization(mean, std)
    check_outputs(model, normalization, metadata, where)
    return Checkpoint(model, normalization, metadata, path)


def check_outputs(
    model: nn.Module, normalization: Normalization, metadata: dict[str, Any], where: str
) -> None:
    """Refuse a network whose outputs are not finite on probe inputs (blank paper, full ink,
    fixed noise): finite weights can still overflow inside it (1e30 everywhere), and only
    running it shows that, before the window displays NaN probabilities."""
    blank = torch.full((1, 1, 32, 32), normalization.background_level)
    ink = torch.full((1, 1, 32, 32), normalization.ink_level)
    noise = normalization.apply(
        torch.rand(1, 1, 32, 32, generator=torch.Generator().manual_seed(0))
    )
    with torch.inference_mode():
        out = model(torch.cat([blank, ink, noise]))
        logits = out.logits.double() / checkpoint_temperature(metadata)
        probabilities = torch.softmax(logits, 1)
        finite = bool(torch.isfinite(probabilities).all()) and all(
            bool(torch.isfinite(a).all()) for a in out.activations.values()
        )
    if not finite:
        raise CheckpointError(
            f"{where}: the network's outputs are NaN or infinite on a test input (weights too "
            "large or damaged); not a usable network",
            reason="weights.outputs_not_finite",
            path=where,
        )


def check_architecture(entry: Any, where: str) -> Architecture | None:
    """The file's stored design, checked before any tensor is looked at (None: a file written
    before designs were stored, which is today's LeNet-5 of its model_config). Refused designs
    raise `CheckpointArchitectureError` (a `CheckpointError` with the reasons' ids)."""
    if isinstance(entry, dict):
        try:
            return Architecture.from_dict(entry)
        except ArchitectureError as exc:
            refused = CheckpointArchitectureError(exc.reasons, where)
            refused.reason, refused.path = "weights.design_refused", where
            raise refused from None
    if entry != LENET5:
        raise CheckpointError(
            f"{where}: a {entry!r} network, not LeNet-5", reason="weights.not_lenet5", path=where
        )
    return None


def check_header(payload: Any, where: str) -> None:
    """Refuse anything that is not a LeNet Lens checkpoint of the supported version with the
    three entries every network needs."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(
            f"{where}: not a LeNet Lens checkpoint (no '{FORMAT}' header)",
            reason="weights.not_checkpoint",
            path=where,
        )
    version = payload.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise CheckpointError(
            f"{where}: checkpoint format version {version!r} "
            f"is not supported (expected {FORMAT_VERSION})",
            reason="weights.format_version",
            path=where,
            values=(FORMAT_VERSION,),
        )
    for key in ("model_config", "normalization", "state_dict"):
        if key not in payload:
            raise CheckpointError(
                f"{where}: invalid checkpoint contents (no {key!r})",
                reason="weights.invalid_contents",
                path=where,
            )
