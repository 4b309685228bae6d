"""A design as data: stored and read back, refused with a reason the app can translate, built
into a network that trains, and today's LeNet-5 as one of the designs."""

from __future__ import annotations

import copy

import pytest
import torch
from torch.nn import functional as F

from model.config import ModelConfig
from model.files.checkpoint import load_checkpoint
from model.files.weights import AVG_POOL_NAME, shipped_weights_path
from model.network.architecture import (
    MAX_MACS,
    PRESET_NAMES,
    PRESETS,
    Architecture,
    ArchitectureError,
    ConvStage,
    Dense,
    Pooling,
    from_model_config,
    multiply_adds,
    preset,
    to_model_config,
)
from model.network.builder import build
from model.network.lenet import LeNet5

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


def refusal(data) -> ArchitectureError:
    with pytest.raises(ArchitectureError) as info:
        Architecture.from_dict(data)
    return info.value


SHIPPED = PRESETS["lenet5_shipped"].to_dict()


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_round_trips_through_its_dict(name):
    design = preset(name)
    assert design.is_valid and name in PRESET_NAMES
    data = design.to_dict()
    assert data["version"] == 1
    assert Architecture.from_dict(copy.deepcopy(data)) == design


def test_todays_model_configs_are_the_lenet5_they_are():
    assert from_model_config(ModelConfig()) == PRESETS["lenet5_shipped"]
    assert from_model_config(ModelConfig("avg", "tanh", 0.0)) == PRESETS["lenet5_1998"]
    for config in (ModelConfig(), ModelConfig("avg", "relu", 0.3), ModelConfig("max", "tanh")):
        assert to_model_config(from_model_config(config)) == config
    assert to_model_config(PRESETS["wide_c1"]) is None
    assert to_model_config(PRESETS["flattened"]) is None


def edited(**changes) -> dict:
    data = copy.deepcopy(SHIPPED)
    for path, value in changes.items():
        target, *keys = path.split("__")
        node = data
        parts = [target, *keys]
        for key in parts[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        last = parts[-1]
        if value is KeyError:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


@pytest.mark.parametrize(
    ("data", "reason", "args"),
    [
        ([1, 2], "not_a_dict", {"field": "architecture"}),
        (edited(version=2), "unsupported_version", {"version": 2, "supported": 1}),
        (edited(version="1"), "wrong_type", {"field": "architecture.version"}),
        (edited(version=KeyError), "missing_field", {"field": "architecture.version"}),
        (edited(extra=1), "unknown_field", {"field": "architecture.extra"}),
        (edited(input=[3, 32, 32]), "unsupported_input", {}),
        (edited(outputs=11), "unsupported_outputs", {"value": 11}),
        (edited(stages__0__channels=6.0), "wrong_type", {"field": "stages[1].channels"}),
        (edited(stages__0__channels=True), "wrong_type", {"field": "stages[1].channels"}),
        (edited(stages__1__kernel="5"), "wrong_type", {"field": "stages[2].kernel"}),
        (edited(stages__0__activation="gelu"), "unknown_choice", {"value": "gelu"}),
        (edited(stages__0__padding="full"), "unknown_choice", {"value": "full"}),
        (edited(stages__0__pooling__kind="min"), "unknown_choice", {"value": "min"}),
        (edited(stages__0__pooling=[2]), "not_a_dict", {"field": "stages[1].pooling"}),
        (edited(dense__0__dropout=float("nan")), "wrong_type", {"field": "dense[1].dropout"}),
        (edited(dense__0__dropout=0.95), "out_of_range", {"layer": "F5", "high": 0.9}),
        (edited(stages__0__channels=0), "out_of_range", {"field": "stages[1].channels"}),
        (edited(stages__0__stride=0), "stride_too_small", {"layer": "C1", "stride": 0}),
        (edited(stages__0__pooling__stride=-1), "stride_too_small", {"layer": "S1"}),
        (edited(stages__0__padding="same", stages__0__kernel=4), "same_even_kernel", {}),
        (edited(stages__0__padding=5), "padding_too_large", {"layer": "C1", "kernel": 5}),
        (
            edited(stages__0__stride=2, stages__1__kernel=11),  # C1 14, S1 7, C2 7 - 11 + 1
            "map_too_small",
            {"layer": "C2", "size": -3, "input": 7, "kernel": 11},
        ),
        (
            edited(stages__0__stride=2, stages__1__pooling__size=4),  # C2 is 3x3
            "pool_larger_than_map",
            {"layer": "S2", "pool": 4, "size": 3},
        ),
        (edited(stages__0__channels=65), "too_many_channels", {"limit": 64, "layer": "C1"}),
        (edited(dense__0__units=1025), "too_many_units", {"layer": "F5", "limit": 1024}),
        (edited(stages=[SHIPPED["stages"][0]] * 5), "too_many_stages", {"count": 5}),
        (edited(dense=[SHIPPED["dense"][0]] * 4), "too_many_dense", {"count": 4}),
        (edited(stages=[], dense=[]), "no_layers", {}),
        (edited(stages__0__channels=64, stages__1__channels=64), "too_many_macs", {}),
    ],
)
def test_malformed_impossible_and_oversized_designs_are_refused_with_a_reason(data, reason, args):
    error = refusal(data)
    assert error.first_reason.id == reason, str(error)
    assert args.items() <= error.first_reason.args.items()
    assert str(error) and reason not in str(error)  # an English sentence, not the bare id
    assert error.code == "architecture"


def test_oversized_design_reports_its_multiply_adds():
    error = refusal(edited(stages__0__channels=64, stages__1__channels=64))
    macs = error.first_reason.args["macs"]
    assert macs > MAX_MACS and error.first_reason.args["limit"] == MAX_MACS
    assert f"{macs:,}" in str(error)


def test_map_shrinking_below_one_pixel_names_the_layer_and_size():
    design = Architecture(
        stages=(ConvStage(6, 5, pooling=Pooling()), ConvStage(16, 5, pooling=Pooling())),
        dense=(Dense(84),),
    )
    bigger = Architecture(stages=(*design.stages, ConvStage(8, 7)), dense=design.dense)
    (reason,) = bigger.problems()
    assert reason.id == "map_too_small"
    assert reason.args == {
        "stage": 3,
        "layer": "C3",
        "size": -1,
        "input": 5,
        "kernel": 7,
        "padding": 0,
        "stride": 1,
    }
    assert reason.english() == (
        "C3: the map would shrink to -1 pixels (input 5, kernel 7, padding 0, stride 1)"
    )
    with pytest.raises(ArchitectureError):
        build(bigger)


def test_layer_names_generalise_lenet5s():
    assert PRESETS["lenet5_shipped"].layer_names() == ("C1", "S1", "C2", "S2", "F5", "F6")
    assert PRESETS["no_pooling_stride2"].layer_names() == ("C1", "C2", "F5", "F6")
    assert PRESETS["flattened"].layer_names() == ("F1", "F2")
    three = Architecture(stages=(ConvStage(4, 3),) * 3, dense=(Dense(10),))
    assert three.layer_names() == ("C1", "C2", "C3", "F7")
    assert multiply_adds(PRESETS["lenet5_shipped"]) == 416520


@pytest.mark.parametrize("name", [None, AVG_POOL_NAME])
def test_shipped_weights_load_unchanged_into_the_built_lenet5(name):
    checkpoint = load_checkpoint(shipped_weights_path(name) if name else shipped_weights_path())
    design = from_model_config(checkpoint.model_config)
    net = build(design).eval()
    net.load_state_dict(checkpoint.model.state_dict(), strict=True)
    assert isinstance(checkpoint.model, LeNet5)
    x = torch.randn(8, 1, 32, 32)
    with torch.no_grad():
        ours, theirs = net(x), checkpoint.model(x)
    assert torch.equal(ours.logits, theirs.logits)
    assert list(ours.activations) == list(theirs.activations)
    for layer, activation in theirs.activations.items():
        assert torch.equal(ours.activations[layer], activation)
    assert set(net.kernels()) == {"C1", "C2"}
    assert torch.equal(net.kernels()["C2"], checkpoint.model.kernels()["C2"])


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_builds_and_trains_a_few_steps(name):
    torch.manual_seed(0)
    net = build(preset(name)).train()
    optimizer = torch.optim.Adam(net.parameters(), lr=3e-3)
    x, y = torch.randn(32, 1, 32, 32), torch.randint(0, 10, (32,))
    losses = []
    for _ in range(5):
        optimizer.zero_grad()
        loss = F.cross_entropy(net(x).logits, y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert all(torch.isfinite(torch.tensor(losses)))
    assert losses[-1] < losses[0]  # it learns the batch
