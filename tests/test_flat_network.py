"""The fully-connected comparison network: its checkpoint goes through the same safe loader."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.errors import CheckpointError
from model.files.checkpoint import load_checkpoint, save_checkpoint
from model.files.weights import AVG_POOL_NAME, FLAT_NAME, shipped_weights_path
from model.network.flat import FlatNet, load_flat_checkpoint
from model.network.inference import Predictor
from model.network.lenet import LeNet5, parameter_count


def test_parameter_count_matches_lenet5():
    assert abs(parameter_count(FlatNet()) - parameter_count(LeNet5())) < 100


def test_shipped_flat_checkpoint_loads_and_reads_a_digit():
    checkpoint = load_flat_checkpoint(shipped_weights_path(FLAT_NAME))
    assert isinstance(checkpoint.model, FlatNet) and not checkpoint.model.training
    assert checkpoint.test_accuracy > 0.96
    assert shipped_weights_path(FLAT_NAME).stat().st_size < 1_000_000
    image = np.zeros((64, 64), np.float32)
    image[10:54, 30:34] = 1.0  # a vertical bar: a 1
    prediction = Predictor(checkpoint).predict(image)
    assert prediction.digit == 1
    assert set(prediction.activations) == {"H1", "H2"}


def test_shipped_average_pooling_checkpoint():
    checkpoint = load_checkpoint(shipped_weights_path(AVG_POOL_NAME))
    assert checkpoint.model_config.pooling == "avg"
    assert checkpoint.test_accuracy > 0.985


def test_round_trip_and_each_loader_refuses_the_other_network(tmp_path):
    flat_path = save_checkpoint(
        load_flat_checkpoint(shipped_weights_path(FLAT_NAME)), tmp_path / "f.pt"
    )
    again = load_flat_checkpoint(flat_path)
    x = torch.randn(2, 1, 32, 32)
    original = load_flat_checkpoint(shipped_weights_path(FLAT_NAME))
    assert torch.equal(again.model(x).logits, original.model(x).logits)
    with pytest.raises(CheckpointError, match="f.pt: a 'mlp' network, not LeNet-5"):
        load_checkpoint(flat_path)
    with pytest.raises(CheckpointError, match="lenet5.pt: a LeNet-family network, not the fully"):
        load_flat_checkpoint(shipped_weights_path())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "weights file not found"),
        (b"not a checkpoint at all", "not a weights file|corrupt"),
        ("code", "refused: the file carries code"),
        ("truncated", "corrupt or truncated"),
        ("header", "not a LeNet Lens checkpoint"),
    ],
)
def test_bad_files_get_the_same_clear_errors(tmp_path, content, message):
    path = tmp_path / "bad.pt"
    if content == "code":
        torch.save({"x": FlatNet}, path)  # a class reference: code, not weights
    elif content == "truncated":
        good = shipped_weights_path(FLAT_NAME).read_bytes()
        path.write_bytes(good[: len(good) // 2])
    elif content == "header":
        torch.save({"state_dict": {}}, path)
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(CheckpointError, match=message) as flat_error:
        load_flat_checkpoint(path)
    with pytest.raises(CheckpointError) as lenet_error:
        load_checkpoint(path)
    assert str(flat_error.value) == str(lenet_error.value)
    assert str(path) in str(flat_error.value)


def test_the_training_command_writes_a_loadable_checkpoint(tmp_path, mnist_dir, capsys):
    from model.cli.mlp import main

    out = tmp_path / "mlp.pt"
    args = ["--epochs", "1", "--train-subset", "2000", "--data-dir", str(mnist_dir)]
    assert main([*args, "--out", str(out)]) == 0
    checkpoint = load_flat_checkpoint(out)
    assert checkpoint.metadata["train_images"] == 2000
    assert checkpoint.test_accuracy > 0.5
    assert "saved" in capsys.readouterr().out


def test_flat_training_can_be_cancelled(mnist_dir):
    from model.cli.mlp import train_flat
    from model.jobs import Cancelled
    from model.training.loop import TrainingData

    data = TrainingData.load(mnist_dir, 256, 256)
    with pytest.raises(Cancelled):
        train_flat(data, should_cancel=lambda: True)
