"""Weights that pass every field check but would show NaN are refused when loaded (issue 20,
item 2): a temperature of 5e-324 turns every probability into NaN, and finite but enormous
weights overflow to infinity inside the network."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from model.config import Normalization
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, load_checkpoint, to_dict
from model.network.calibration import TEMPERATURE_RANGE, checkpoint_temperature, fit_temperature
from model.network.inference import Predictor
from model.network.lenet import LeNet5


def saved(tmp_path: Path, data: dict, name: str = "w.pt") -> Path:
    path = tmp_path / name
    torch.save(data, path)
    return path


def payload(**metadata: object) -> dict:
    torch.manual_seed(0)
    return to_dict(Checkpoint(LeNet5(), Normalization(), dict(metadata)))


@pytest.mark.parametrize("bad", [5e-324, 1e-300, 1e-3, 0.049, 20.5, 1e6, 1e308])
def test_a_temperature_outside_the_sane_interval_is_refused(tmp_path: Path, bad: float) -> None:
    path = saved(tmp_path, payload(temperature=bad))
    with pytest.raises(CheckpointError, match=r"w\.pt: .*temperature") as info:
        load_checkpoint(path)
    assert repr(bad) in str(info.value) and "0.05" in str(info.value)


@pytest.mark.parametrize("good", [0.05, 0.7, 1, 2.5, 20.0])
def test_temperatures_inside_the_interval_load_and_give_probabilities(
    tmp_path: Path, good: float
) -> None:
    checkpoint = load_checkpoint(saved(tmp_path, payload(temperature=good)))
    probabilities, _ = Predictor(checkpoint).forward(np.zeros((32, 32), np.float32))
    assert np.isfinite(probabilities).all() and probabilities.sum() == pytest.approx(1.0)


def test_a_fitted_temperature_is_always_one_a_file_may_hold() -> None:
    low, high = TEMPERATURE_RANGE
    labels = torch.arange(10).repeat(20)
    confident = torch.nn.functional.one_hot(labels, 10).double() * 500.0  # wants T > 20
    flat = torch.randn(200, 10, generator=torch.Generator().manual_seed(0)) * 1e-3
    for logits in (confident, flat):
        assert low <= fit_temperature(logits, labels) <= high
    assert checkpoint_temperature({"temperature": 5e-324}) == 1.0


def test_finite_weights_whose_outputs_overflow_are_refused(tmp_path: Path) -> None:
    data = payload()
    for name, tensor in data["state_dict"].items():
        if name.endswith("weight"):
            tensor.fill_(1e30)  # finite, passes the weight check; the logits are not
    path = saved(tmp_path, data, "huge.pt")
    with pytest.raises(CheckpointError, match=r"huge\.pt: .*(NaN|infinit)"):
        load_checkpoint(path)
