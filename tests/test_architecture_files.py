"""Designs in weights files: every file written stores its design, every file read rebuilds it
through the safe loader, and every existing file still loads as the LeNet-5 it is."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis.shapes import activation_shapes
from model.config import ModelConfig, Normalization
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, load_checkpoint, save_checkpoint, to_dict
from model.files.weights import AVG_POOL_NAME, FLAT_NAME, shipped_weights_path
from model.network.architecture import (
    PRESETS,
    ArchitectureError,
    CheckpointArchitectureError,
    from_model_config,
)
from model.network.builder import DesignedNet, build
from model.network.flat import load_flat_checkpoint
from model.network.inference import Predictor
from model.network.lenet import LeNet5

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


def designed(name: str) -> Checkpoint:
    torch.manual_seed(1)
    return Checkpoint(build(PRESETS[name]), Normalization(0.1, 0.3), {"test_accuracy": 0.5})


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_round_trips_through_a_weights_file(tmp_path, name):
    original = designed(name)
    path = save_checkpoint(original, tmp_path / f"{name}.pt")
    loaded = load_checkpoint(path)
    assert loaded.architecture == PRESETS[name]
    lenet = name.startswith("lenet5")
    assert isinstance(loaded.model, LeNet5 if lenet else DesignedNet)
    assert (loaded.model_config is not None) == lenet
    assert not loaded.model.training
    x = torch.randn(3, 1, 32, 32)
    with torch.no_grad():
        ours, theirs = loaded.model(x), original.model.eval()(x)
    assert torch.equal(ours.logits, theirs.logits)
    assert {k: tuple(v.shape[1:]) for k, v in ours.activations.items()} == activation_shapes(
        PRESETS[name]
    )


@pytest.mark.parametrize("name", [None, AVG_POOL_NAME])
def test_existing_files_load_as_the_lenet5_they_are_and_gain_their_design_on_save(tmp_path, name):
    shipped = load_checkpoint(shipped_weights_path(name) if name else shipped_weights_path())
    assert isinstance(shipped.model, LeNet5)
    assert shipped.architecture == from_model_config(shipped.model_config)
    assert to_dict(shipped)["architecture"] == shipped.architecture.to_dict()
    again = load_checkpoint(save_checkpoint(shipped, tmp_path / "again.pt"))
    assert isinstance(again.model, LeNet5) and again.model_config == shipped.model_config
    x = torch.randn(4, 1, 32, 32)
    with torch.no_grad():
        assert torch.equal(again.model(x).logits, shipped.model(x).logits)


def test_the_flat_network_file_is_the_flattened_design():
    predictor = Predictor(load_flat_checkpoint(shipped_weights_path(FLAT_NAME)))
    assert predictor.architecture == PRESETS["flattened"]
    assert predictor.activation_shapes() == {"H1": (56,), "H2": (64,)}


def test_a_designed_network_reads_a_drawing_and_has_its_own_blank(tmp_path):
    path = save_checkpoint(designed("kernels3_same"), tmp_path / "same.pt")
    predictor = Predictor.load(path)
    image = np.zeros((64, 64), np.float32)
    image[10:54, 30:34] = 1.0
    prediction = predictor.predict(image)
    assert prediction.probabilities.shape == (10,)
    assert prediction.activations["C1"].shape == (6, 32, 32)
    assert set(predictor.kernels()) == {"C1", "C2"}
    assert predictor.kernels()["C2"].shape == (16, 6, 3, 3)
    blank = predictor.blank()
    assert blank.is_blank and blank.activations["S2"].shape == (16, 8, 8)


def stored(tmp_path, change) -> CheckpointError:
    payload = to_dict(designed("wide_c1"))
    change(payload)
    torch.save(payload, tmp_path / "bad.pt")
    with pytest.raises(CheckpointError, match=r"bad\.pt: ") as info:
        load_checkpoint(tmp_path / "bad.pt")
    return info.value


def test_a_stored_design_is_checked_before_any_tensor(tmp_path):
    def oversized_with_nan_weights(payload):
        payload["architecture"]["stages"][0]["channels"] = 64
        payload["architecture"]["stages"][1]["channels"] = 64
        payload["state_dict"]["c1.weight"][0, 0, 0, 0] = float("nan")

    error = stored(tmp_path, oversized_with_nan_weights)
    assert isinstance(error, CheckpointArchitectureError)
    assert isinstance(error, ArchitectureError)  # the app translates error.reasons
    assert error.first_reason.id == "too_many_macs" and error.code == "checkpoint.architecture"
    assert "invalid architecture" in str(error) and "multiply-adds" in str(error)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: p["architecture"].update(version=99), "unsupported_version"),
        (lambda p: p["architecture"].update(stages="conv"), "wrong_type"),
        (lambda p: p["architecture"]["stages"][0].update(kernel=4, padding="same"), None),
        (lambda p: p["architecture"]["dense"][0].update(units=4096), "too_many_units"),
    ],
)
def test_malformed_stored_designs_are_refused_naming_the_file(tmp_path, change, reason):
    error = stored(tmp_path, change)
    assert isinstance(error, CheckpointArchitectureError)
    assert error.first_reason.id == (reason or "same_even_kernel")


def test_weights_that_do_not_fit_the_stored_design(tmp_path):
    def other_weights(payload):
        payload["state_dict"]["c1.weight"] = torch.zeros(8, 1, 3, 3)

    error = stored(tmp_path, other_weights)
    assert "weights are for a different architecture than the design the file" in str(error)


def test_a_named_non_lenet_entry_is_still_refused(tmp_path):
    def renamed(payload):
        payload["architecture"] = "resnet"

    assert "a 'resnet' network, not LeNet-5" in str(stored(tmp_path, renamed))


def test_lenet_design_wins_over_a_stale_model_config(tmp_path):
    payload = to_dict(Checkpoint(LeNet5(ModelConfig("avg", "tanh", 0.0)), Normalization()))
    payload["model_config"] = ModelConfig().to_dict()
    torch.save(payload, tmp_path / "w.pt")
    assert load_checkpoint(tmp_path / "w.pt").model_config == ModelConfig("avg", "tanh", 0.0)
