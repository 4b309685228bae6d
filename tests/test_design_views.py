"""What the views compute for any design: layers, receptive fields, unit arithmetic, the shift
view's layers and Grad-CAM follow the network's design, not LeNet-5's constants."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis import attribution
from model.analysis.design_layers import design_layers
from model.analysis.receptive_field import unit_field
from model.analysis.shift import shift_layers, shift_sweep
from model.analysis.unit_arithmetic import (
    ConvArithmetic,
    DenseArithmetic,
    PoolArithmetic,
    unit_arithmetic,
    window_origins,
)
from model.config import Normalization
from model.files.checkpoint import Checkpoint
from model.network.architecture import PRESETS, preset
from model.network.builder import build
from model.network.inference import Predictor


def predictor_of(name: str, seed: int = 0) -> Predictor:
    torch.manual_seed(seed)
    net = build(preset(name)).eval()
    with torch.no_grad():  # larger biases so that every layer has both signs
        for module in net.modules():
            if isinstance(module, (torch.nn.Conv2d, torch.nn.Linear)):
                module.bias.normal_(0.0, 0.3)
    return Predictor(Checkpoint(net, Normalization()))


def digit_input() -> np.ndarray:
    x = np.full((32, 32), -0.5, np.float32)
    x[6:26, 14:18] = 2.0
    x[6:9, 10:20] = 2.0
    return x


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_layers_match_what_the_network_returns(name: str) -> None:
    predictor = predictor_of(name)
    layers = design_layers(predictor.architecture)
    out = predictor.predict_prepared(np.zeros((32, 32), np.float32))
    assert layers.names == tuple(out.activations)
    for m in layers.maps:
        assert out.activations[m.name].shape == m.shape
    for d in layers.dense:
        assert out.activations[d.name].shape == (d.units,)
    for conv, shape in layers.kernel_shapes().items():
        assert predictor.kernels()[conv].shape == shape
    assert predictor.blank().activations.keys() == out.activations.keys()


def test_no_pooling_design_has_two_maps_and_no_pooling_layers() -> None:
    layers = design_layers(preset("no_pooling_stride2"))
    assert [m.name for m in layers.maps] == ["C1", "C2"]
    assert layers.map("C1").shape == (6, 14, 14) and layers.map("C2").below == "C1"
    assert layers.last_conv.name == "C2"
    assert design_layers(preset("flattened")).maps == ()
    assert design_layers(preset("flattened")).last_conv is None


def test_receptive_fields_follow_the_design() -> None:
    # stride 2, no pooling: C1 unit (r, c) sees rows 2r .. 2r+4; C2 a 13-pixel patch, jump 4
    design = preset("no_pooling_stride2")
    assert unit_field("C1", 3, 1, design).top == 6 and unit_field("C1", 3, 1, design).height == 5
    c2 = unit_field("C2", 1, 2, design)
    assert (c2.top, c2.left, c2.height) == (4, 8, 13)
    # SAME padding: the first unit's field starts before the input, the clipped part inside it
    same = unit_field("C1", 0, 0, preset("kernels3_same"))
    assert same.top == -1 and same.clipped().top == 0 and same.clipped().height == 2
    # LeNet-5 is unchanged by default
    assert (unit_field("C2", 1, 2).top, unit_field("C2", 1, 2).height) == (2, 14)
    assert unit_field("F5", design=preset("wide_c1")).height == 32


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_unit_arithmetic_reproduces_every_layer_of_every_preset(name: str) -> None:
    predictor = predictor_of(name, seed=1)
    x = digit_input()
    acts = predictor.predict_prepared(x).activations
    network_input = predictor.normalization.apply(x)
    for layer, values in acts.items():
        flat = values.reshape(-1)
        for unit in (0, len(flat) // 2, len(flat) - 1):
            a = unit_arithmetic(predictor.model, network_input, layer, unit)
            assert a.value == pytest.approx(float(flat[unit]), abs=1e-4), (layer, unit)
            if isinstance(a, ConvArithmetic):
                k = design_layers(predictor.architecture).map(layer).window
                assert a.patches.shape[1:] == (k, k)
            elif isinstance(a, PoolArithmetic):
                assert a.window.size > 0
            else:
                assert isinstance(a, DenseArithmetic)


def test_window_origins_of_a_padded_design_start_before_the_map() -> None:
    design = preset("kernels3_same")
    origins = window_origins("C1", design)
    assert len(origins) == 32 * 32 and origins[0] == (-1, -1)
    assert window_origins("C2", preset("no_pooling_stride2"))[1] == (0, 2)


def test_shift_view_compares_the_layers_the_design_has() -> None:
    assert shift_layers(preset("no_pooling_stride2")) == ("C1", "C2", "output")
    assert shift_layers(preset("flattened")) == ("output",)
    predictor = predictor_of("kernels3_same")
    sweep = shift_sweep(predictor, predictor.normalization.apply(digit_input()))
    assert sweep.layers == ("C1", "S1", "C2", "S2", "output")
    assert sweep.distances.shape == (9, 5)


@pytest.mark.parametrize("name", ["no_pooling_stride2", "kernels3_same", "wide_c1", "one_channel"])
def test_grad_cam_looks_at_the_last_convolution(name: str) -> None:
    predictor = predictor_of(name)
    x = predictor.normalization.apply(digit_input())
    layer = attribution.grad_cam_layer(predictor)
    units = attribution.grad_cam_units(predictor, x)
    assert units.shape == layer.shape[1:]
    full = attribution.grad_cam(predictor, x)
    assert full.shape == (32, 32) and np.isfinite(full).all()
    result = attribution.attribute("grad_cam", predictor, x)
    assert result.values.shape == (32, 32)


def test_grad_cam_of_a_flattened_design_says_there_is_no_convolution() -> None:
    predictor = predictor_of("flattened")
    x = predictor.normalization.apply(digit_input())
    with pytest.raises(attribution.NoConvolution):
        attribution.attribute("grad_cam", predictor, x)
    assert not attribution.attribute("saliency", predictor, x).nothing_stands_out
