"""Shifting the input: the batched curves equal a direct one-image-at-a-time computation."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis.shift import (
    DIRECTIONS,
    LAYERS,
    blank_value,
    layer_distances,
    shift_input,
    shift_sweep,
    shift_test,
)
from model.config import ModelConfig, Normalization
from model.data.mnist import load_split
from model.drawing.preprocess import mnist_to_network_input
from model.files.checkpoint import load_checkpoint
from model.files.weights import shipped_weights_path
from model.jobs import Cancelled
from model.network.lenet import LeNet5


def direct_shift(image: np.ndarray, dx: int, dy: int, fill: float) -> np.ndarray:
    out = np.full_like(image, fill)
    for y in range(32):
        for x in range(32):
            if 0 <= y - dy < 32 and 0 <= x - dx < 32:
                out[y, x] = image[y - dy, x - dx]
    return out


def test_shift_input_moves_the_pixels_and_fills_with_blank_paper():
    image = np.random.default_rng(0).normal(size=(32, 32)).astype(np.float32)
    for dx, dy in [(0, 0), (3, 0), (-4, 2), (1, -1), (-2, -4)]:
        expected = direct_shift(image, dx, dy, blank_value())
        np.testing.assert_array_equal(shift_input(image, dx, dy), expected)
    with pytest.raises(ValueError, match="±4"):
        shift_input(image, 5, 0)


@pytest.mark.parametrize("pooling", ["max", "avg"])
def test_layer_distances_equal_a_direct_computation(pooling):
    torch.manual_seed(0)
    net = LeNet5(ModelConfig(pooling=pooling)).eval()
    image = np.random.default_rng(1).normal(size=(32, 32)).astype(np.float32)
    shifts = [(1, 0), (-3, 2), (0, 4)]
    result = layer_distances(net, image, shifts)

    def values(x: np.ndarray) -> dict[str, np.ndarray]:
        with torch.no_grad():
            out = net(torch.from_numpy(x)[None, None])
        return {
            "output": out.logits[0].numpy(),
            **{k: v[0].numpy() for k, v in out.activations.items()},
        }

    base = values(image)
    for row, (dx, dy) in enumerate(shifts):
        moved = values(shift_input(image, dx, dy))
        for col, layer in enumerate(LAYERS):
            expected = np.linalg.norm(moved[layer] - base[layer]) / np.linalg.norm(base[layer])
            assert result.distances[row, col] == pytest.approx(expected, rel=1e-4, abs=1e-6)
        assert result.predictions[row] == moved["output"].argmax()
    assert result.unshifted_prediction == base["output"].argmax()


def test_a_sweep_has_zero_distance_at_zero_shift_and_the_prediction_holds_there():
    net = load_checkpoint(shipped_weights_path())
    result = shift_sweep(net.model, np.zeros((32, 32), np.float32) + blank_value(), "y")
    assert result.shifts[4] == (0, 0)
    assert np.allclose(result.distances[4], 0.0) and result.holds[4]


@pytest.fixture(scope="module")
def test_digits(mnist_dir):
    test = load_split("test", mnist_dir)
    return test.images[:300], test.labels[:300]


def test_shift_test_equals_a_direct_computation(test_digits):
    checkpoint = load_checkpoint(shipped_weights_path())
    images, labels = test_digits
    calls = []
    result = shift_test(
        checkpoint.model,
        images,
        labels,
        checkpoint.normalization,
        batch_size=130,  # not a multiple of 4: directions continue across batches
        on_progress=lambda done, total: calls.append((done, total)),
    )
    x = mnist_to_network_input(images, checkpoint.normalization)[:, 0].numpy()
    blank = blank_value(checkpoint.normalization)
    for d, accuracy in zip(result.distances, result.accuracy):
        moved = [
            direct_shift(img, DIRECTIONS[i % 4][0] * d, DIRECTIONS[i % 4][1] * d, blank)
            for i, img in enumerate(x)
        ]
        with torch.no_grad():
            predicted = checkpoint.model(torch.from_numpy(np.stack(moved))[:, None]).logits
        assert accuracy == pytest.approx(float((predicted.argmax(1).numpy() == labels).mean()))
    assert list(result.distances) == [0, 1, 2, 3, 4] and result.count == 300
    assert calls[-1] == (1500, 1500) and len(calls) == 15


def test_shift_test_can_be_cancelled(test_digits):
    images, labels = test_digits
    with pytest.raises(Cancelled, match="shift test cancelled"):
        shift_test(LeNet5().eval(), images, labels, Normalization(), should_cancel=lambda: True)
