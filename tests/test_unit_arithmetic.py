"""Per-unit arithmetic reproduces the network's own activations, term by term."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis.unit_arithmetic import (
    ConvArithmetic,
    DenseArithmetic,
    PoolArithmetic,
    unit_arithmetic,
    window_origins,
)
from model.config import ModelConfig
from model.network.lenet import ACTIVATION_SHAPES, LAYER_NAMES, LeNet5


def network(pooling: str, activation: str, seed: int) -> LeNet5:
    torch.manual_seed(seed)
    net = LeNet5(ModelConfig(pooling=pooling, activation=activation)).eval()
    with torch.no_grad():  # larger biases so that ReLU leaves both signs in every layer
        for module in (net.c1, net.c2, net.f5, net.f6):
            module.bias.normal_(0.0, 0.3)
    return net


@pytest.mark.parametrize("pooling", ["max", "avg"])
@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_every_layer_matches_the_forward_pass(pooling, activation):
    net = network(pooling, activation, seed=len(pooling) + len(activation))
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 32)).astype(np.float32)
    with torch.no_grad():
        acts = {
            k: v[0].numpy() for k, v in net(torch.from_numpy(x)[None, None]).activations.items()
        }
    for layer in LAYER_NAMES:
        size = int(np.prod(ACTIVATION_SHAPES[layer]))
        for index in rng.choice(size, 12, replace=False):
            result = unit_arithmetic(net, x, layer, int(index))
            expected = float(acts[layer].reshape(-1)[index])
            assert result.value == pytest.approx(expected, abs=1e-5), (layer, index)


def test_conv_terms_add_up():
    net = network("max", "relu", 1)
    x = np.random.default_rng(1).normal(size=(32, 32)).astype(np.float32)
    c1 = unit_arithmetic(net, x, "C1", (2, 10, 7))
    assert isinstance(c1, ConvArithmetic)
    assert c1.patches.shape == c1.kernels.shape == c1.products.shape == (1, 5, 5)
    np.testing.assert_allclose(c1.patches[0], x[10:15, 7:12])
    np.testing.assert_allclose(c1.kernels[0], net.c1.weight[2, 0].detach().numpy())
    assert c1.pre_activation == pytest.approx(c1.products.sum() + c1.bias)
    assert c1.value == pytest.approx(max(c1.pre_activation, 0.0))
    c2 = unit_arithmetic(net, x, "C2", (5, 3, 4))
    assert c2.products.shape == (6, 5, 5) and c2.channel_sums.shape == (6,)
    assert c2.pre_activation == pytest.approx(c2.channel_sums.sum() + c2.bias)
    assert c2.origin == (3, 4)


def test_pooling_says_which_value_was_kept():
    x = np.random.default_rng(2).normal(size=(32, 32)).astype(np.float32)
    result = unit_arithmetic(network("max", "tanh", 2), x, "S1", (1, 4, 6))
    assert isinstance(result, PoolArithmetic) and result.origin == (8, 12)
    assert result.window[result.kept] == result.value == result.window.max()
    mean = unit_arithmetic(network("avg", "tanh", 2), x, "S2", (3, 2, 2))
    assert mean.kept is None and mean.value == pytest.approx(mean.window.mean())


def test_dense_lists_the_largest_contributions_and_sums_the_rest():
    net = network("max", "relu", 3)
    x = np.random.default_rng(3).normal(size=(32, 32)).astype(np.float32)
    result = unit_arithmetic(net, x, "F5", 17, top=5)
    assert isinstance(result, DenseArithmetic)
    assert len(result.top_products) == 5 and result.rest_count == 400 - 5
    magnitudes = np.abs(result.top_products)
    assert (np.diff(magnitudes) <= 0).all()
    np.testing.assert_allclose(result.top_products, result.top_weights * result.top_inputs)
    total = result.top_products.sum() + result.rest_sum + result.bias
    assert result.pre_activation == pytest.approx(total)


def test_bad_requests_are_refused():
    net, x = network("max", "relu", 0), np.zeros((32, 32), np.float32)
    with pytest.raises(ValueError, match="unknown layer"):
        unit_arithmetic(net, x, "C3", 0)
    with pytest.raises(ValueError, match="outside"):
        unit_arithmetic(net, x, "C1", (6, 0, 0))
    with pytest.raises(ValueError, match="outside"):
        unit_arithmetic(net, x, "F6", 84)
    with pytest.raises(ValueError, match="32, 32"):
        unit_arithmetic(net, np.zeros((28, 28)), "C1", 0)


def test_window_origins_are_the_animation_frames():
    assert len(window_origins("C1")) == 28 * 28 and window_origins("C1")[1] == (0, 1)
    assert window_origins("S2")[:2] == [(0, 0), (0, 2)]
    with pytest.raises(ValueError):
        window_origins("F5")
