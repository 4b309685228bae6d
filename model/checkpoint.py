"""Checkpoints: a plain dict (state_dict, model config, normalisation, metadata).

Loading uses `torch.load(weights_only=True)`, so a file carrying code is refused, not run.
Saving writes a temporary sibling and renames it over the target, keeping the previous file as
`<name>.bak`: a crash mid-save never leaves a broken weights file.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from model.config import ModelConfig, Normalization
from model.errors import CheckpointError
from model.network import LeNet5

FORMAT = "lenet-lens-checkpoint"
FORMAT_VERSION = 1
LENET5 = "lenet5"  # the architecture of a file without an "architecture" entry


@dataclass
class Checkpoint:
    """A loaded (or freshly trained) network with everything needed to use it."""

    model: LeNet5
    normalization: Normalization
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def model_config(self) -> ModelConfig:
        return self.model.config

    @property
    def test_accuracy(self) -> float | None:
        value = self.metadata.get("test_accuracy")
        return float(value) if value is not None else None


def to_dict(checkpoint: Checkpoint) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "state_dict": {
            k: v.detach().cpu().clone() for k, v in checkpoint.model.state_dict().items()
        },
        "model_config": checkpoint.model.config.to_dict(),
        "normalization": checkpoint.normalization.to_dict(),
        "metadata": plain(checkpoint.metadata),
    } | _architecture_entry(checkpoint.model)


def _architecture_entry(model: Any) -> dict[str, str]:
    """Files of other networks (model/flat_network.py) name theirs; LeNet-5 files stay as
    they always were."""
    architecture = getattr(model, "architecture", LENET5)
    return {} if architecture == LENET5 else {"architecture": architecture}


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
    """Write atomically; the file it replaces (if any) is kept as `<name>.bak`."""
    path = Path(path)
    payload = to_dict(checkpoint)
    payload["metadata"].setdefault("saved", dt.datetime.now(dt.timezone.utc).isoformat())
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            torch.save(payload, fh)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and path.exists():
            os.replace(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except OSError as exc:
        raise CheckpointError(f"{path}: cannot save ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path


def load_checkpoint(path: str | os.PathLike) -> Checkpoint:
    """Load and validate; every failure is a `CheckpointError` naming the file and the problem."""
    path = Path(path)
    return from_dict(read_payload(path), path)


def read_payload(path: Path) -> Any:
    """The file's contents via `torch.load(weights_only=True)`, every failure a
    `CheckpointError`: the one safe reader of all weights files."""
    if not path.is_file():
        raise CheckpointError(f"{path}: weights file not found")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        if "global" in str(exc).lower():  # a class or function reference: code, not weights
            raise CheckpointError(
                f"{path}: refused: the file references code or objects other than weights "
                "(unsafe to load)"
            ) from None
        raise CheckpointError(f"{path}: not a weights file (unknown or corrupt format)") from None
    except (RuntimeError, zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise CheckpointError(
            f"{path}: corrupt or truncated weights file ({_first(exc)})"
        ) from None
    except Exception as exc:  # torch raises assorted types for garbage input
        raise CheckpointError(
            f"{path}: not a weights file (unknown or corrupt format: {type(exc).__name__})"
        ) from None
    return payload


def _first(exc: BaseException) -> str:
    """The first sentence of an exception message: torch's are paragraphs."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.split(". ")[0]


def check_header(payload: Any, where: str) -> None:
    """Refuse anything that is not a LeNet Lens checkpoint of the supported version."""
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(f"{where}: not a LeNet Lens checkpoint (no '{FORMAT}' header)")
    if payload.get("format_version") != FORMAT_VERSION:
        raise CheckpointError(
            f"{where}: checkpoint format version {payload.get('format_version')!r} "
            f"is not supported (expected {FORMAT_VERSION})"
        )


def from_dict(payload: Any, path: Path | None = None) -> Checkpoint:
    where = str(path) if path else "<checkpoint>"
    check_header(payload, where)
    architecture = payload.get("architecture", LENET5)
    if architecture != LENET5:
        raise CheckpointError(f"{where}: a {architecture!r} network, not LeNet-5")
    try:
        config = ModelConfig.from_dict(dict(payload["model_config"]))
        normalization = Normalization(**payload["normalization"])
        state_dict = payload["state_dict"]
    except (KeyError, TypeError, ValueError) as exc:
        raise CheckpointError(f"{where}: invalid checkpoint contents ({exc})") from None
    model = LeNet5(config)
    try:
        model.load_state_dict(state_dict, strict=True)
    except (RuntimeError, TypeError, AttributeError) as exc:
        detail = str(exc).strip().splitlines()
        raise CheckpointError(
            f"{where}: weights are for a different architecture than LeNet-5 "
            f"({detail[1].strip() if len(detail) > 1 else detail[0] if detail else exc})"
        ) from None
    model.eval()
    return Checkpoint(model, normalization, dict(payload.get("metadata") or {}), path)
