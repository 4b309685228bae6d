"""Checking a loaded checkpoint's contents before anything is built from them.

A file that unpickles safely can still hold nonsense: metadata that is a list, an accuracy that
is a string, a normalisation with std 0, NaN weights. Each would surface later as a traceback or
a half-applied model swap ("0" at NaN confidence), so everything is checked here, up front, and
every problem is a `CheckpointError` naming the file and the field.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from model.config import ACTIVATIONS, POOLINGS
from model.errors import CheckpointError
from model.network.calibration import TEMPERATURE_RANGE

#: Metadata fields the app reads, with the check each must pass when present (None = absent).
_FRACTIONS = ("test_accuracy", "drawn_accuracy")
_COUNTS = ("train_images", "test_images", "epochs_done")
_TEXTS = ("saved", "created", "torch")


def is_number(value: Any) -> bool:
    """A real int or float (not a bool, not a string), finite."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def check_model_config(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (model_config is not a dict)",
            reason="weights.invalid_contents",
            path=where,
        )
    if value.get("pooling", "max") not in POOLINGS:
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (pooling {value.get('pooling')!r}; "
            f"expected one of {POOLINGS})",
            reason="weights.invalid_contents",
            path=where,
        )
    if value.get("activation", "relu") not in ACTIVATIONS:
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (activation {value.get('activation')!r}; "
            f"expected one of {ACTIVATIONS})",
            reason="weights.invalid_contents",
            path=where,
        )
    dropout = value.get("dropout", 0.0)
    if not is_number(dropout) or not 0.0 <= float(dropout) < 1.0:
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (dropout {dropout!r}; expected a number in "
            "[0, 1))",
            reason="weights.invalid_contents",
            path=where,
        )
    reject_head = value.get("reject_head", False)
    if not isinstance(reject_head, bool):
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (reject_head {reject_head!r}; expected "
            "true or false)",
            reason="weights.invalid_contents",
            path=where,
        )
    return dict(value)


def check_normalization(value: Any, where: str) -> tuple[float, float]:
    """(mean, std): finite numbers, mean in [0, 1], std in (0, 1]."""
    if not isinstance(value, dict) or set(value) != {"mean", "std"}:
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (normalization must be a dict with "
            "'mean' and 'std')",
            reason="weights.invalid_contents",
            path=where,
        )
    mean, std = value["mean"], value["std"]
    if not is_number(mean) or not 0.0 <= float(mean) <= 1.0:
        raise CheckpointError(
            f"{where}: invalid normalization (mean {mean!r}; expected a number in [0, 1])",
            reason="weights.invalid_contents",
            path=where,
        )
    if not is_number(std) or not 0.0 < float(std) <= 1.0:
        raise CheckpointError(
            f"{where}: invalid normalization (std {std!r}; expected a number in (0, 1])",
            reason="weights.invalid_contents",
            path=where,
        )
    return float(mean), float(std)


def check_state_dict(value: Any, where: str) -> dict[str, torch.Tensor]:
    """Names to finite floating-point tensors (shapes are checked by `load_state_dict`)."""
    if not isinstance(value, dict):
        raise CheckpointError(
            f"{where}: invalid checkpoint contents (state_dict is not a dict)",
            reason="weights.invalid_contents",
            path=where,
        )
    for name, tensor in value.items():
        if not isinstance(name, str) or not isinstance(tensor, torch.Tensor):
            raise CheckpointError(
                f"{where}: invalid checkpoint contents (state_dict entry {name!r} is not a tensor)",
                reason="weights.invalid_contents",
                path=where,
            )
        if not tensor.is_floating_point():
            raise CheckpointError(
                f"{where}: invalid weights ({name} has dtype {tensor.dtype}, not floating point)",
                reason="weights.invalid_values",
                path=where,
            )
        if not bool(torch.isfinite(tensor).all()):
            raise CheckpointError(
                f"{where}: invalid weights ({name} contains NaN or infinity)",
                reason="weights.invalid_values",
                path=where,
            )
    return value


def check_metadata(value: Any, where: str) -> dict[str, Any]:
    """A dict; the fields the app reads have the right types and ranges."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CheckpointError(
            f"{where}: invalid metadata (a {type(value).__name__}, expected a dict)",
            reason="weights.invalid_metadata",
            path=where,
        )
    for key in _FRACTIONS:
        field = value.get(key)
        if field is not None and (not is_number(field) or not 0.0 <= float(field) <= 1.0):
            raise CheckpointError(
                f"{where}: invalid metadata ({key} {field!r}; expected a number in [0, 1])",
                reason="weights.invalid_metadata",
                path=where,
            )
    for key in _COUNTS:
        field = value.get(key)
        if field is not None and (not is_number(field) or field != int(field) or field < 0):
            raise CheckpointError(
                f"{where}: invalid metadata ({key} {field!r}; expected a whole number >= 0)",
                reason="weights.invalid_metadata",
                path=where,
            )
    for key in _TEXTS:
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            raise CheckpointError(
                f"{where}: invalid metadata ({key} {field!r}; expected text)",
                reason="weights.invalid_metadata",
                path=where,
            )
    temperature = value.get("temperature")
    low, high = TEMPERATURE_RANGE
    if temperature is not None and (
        not is_number(temperature) or not low <= float(temperature) <= high
    ):
        raise CheckpointError(
            f"{where}: invalid metadata (temperature {temperature!r}; expected a number in "
            f"[{low}, {high}])",
            reason="weights.invalid_metadata",
            path=where,
        )
    threshold = value.get("not_a_digit_threshold")  # model/network/verdict.py
    if threshold is not None and (not is_number(threshold) or not 0.0 < float(threshold) < 1.0):
        raise CheckpointError(
            f"{where}: invalid metadata (not_a_digit_threshold {threshold!r}; expected a "
            "number between 0 and 1)",
            reason="weights.invalid_metadata",
            path=where,
        )
    if value.get("train_config") is not None and not isinstance(value["train_config"], dict):
        raise CheckpointError(
            f"{where}: invalid metadata (train_config is not a dict)",
            reason="weights.invalid_metadata",
            path=where,
        )
    history = value.get("history")
    if history is not None and (
        not isinstance(history, list) or not all(isinstance(h, dict) for h in history)
    ):
        raise CheckpointError(
            f"{where}: invalid metadata (history is not a list of dicts)",
            reason="weights.invalid_metadata",
            path=where,
        )
    return dict(value)
