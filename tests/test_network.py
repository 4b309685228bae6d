"""LeNet-5's shapes, activation names, and configuration."""

from __future__ import annotations

import pytest
import torch

from model.config import ModelConfig
from model.network.lenet import ACTIVATION_SHAPES, LAYER_NAMES, LeNet5, parameter_count


@pytest.mark.parametrize(
    "config",
    [ModelConfig(), ModelConfig("avg", "tanh", 0.0), ModelConfig("max", "tanh", 0.5)],
)
def test_shapes_and_named_activations(config):
    model = LeNet5(config).eval()
    out = model(torch.randn(3, 1, 32, 32))
    assert out.logits.shape == (3, 10)
    assert tuple(out.activations) == LAYER_NAMES
    for name, shape in ACTIVATION_SHAPES.items():
        assert tuple(out.activations[name].shape) == (3, *shape), name


def test_lenet5_size():
    # conv 156 + 2416, fc 48120 + 10164 + 850: the classic 61,706 parameters
    assert parameter_count(LeNet5()) == 61706


def test_pooling_and_activation_take_effect():
    x = torch.randn(2, 1, 32, 32)
    torch.manual_seed(0)
    a = LeNet5(ModelConfig("max", "relu", 0.0)).eval()
    torch.manual_seed(0)
    b = LeNet5(ModelConfig("avg", "tanh", 0.0)).eval()
    out_a, out_b = a(x), b(x)
    assert (out_a.activations["C1"] >= 0).all()  # ReLU
    assert (out_b.activations["C1"] < 0).any()  # tanh
    c1 = out_b.activations["C1"]
    torch.testing.assert_close(out_b.activations["S1"], torch.nn.functional.avg_pool2d(c1, 2))


def test_invalid_config_rejected():
    with pytest.raises(ValueError):
        ModelConfig(pooling="median")
    with pytest.raises(ValueError):
        ModelConfig(activation="gelu")
    with pytest.raises(ValueError):
        ModelConfig(dropout=1.5)


def test_kernels_exposed():
    kernels = LeNet5().kernels()
    assert kernels["C1"].shape == (6, 1, 5, 5) and kernels["C2"].shape == (16, 6, 5, 5)
