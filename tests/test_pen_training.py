"""Training on real pen strokes beside MNIST, on any device, and the CLI's pen-data rules."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import torch

from model.cli import train as train_cli
from model.cli.common import run
from model.config import TrainConfig
from model.data.pen_digits import render_training_pool
from model.data.unipen_text import PenDigit, write_unipen
from model.files.checkpoint import load_checkpoint
from model.training.loop import TrainingData, resolve_device, train


def pen_digit(label: int, writer: int) -> PenDigit:
    """A crude but real-looking stroke digit in tablet units (y up)."""
    if label == 0:
        pts = [
            (250 + 80 * math.cos(a / 20 * math.tau), 250 + 120 * math.sin(a / 20 * math.tau))
            for a in range(21)
        ]
        return PenDigit(0, writer, 0, (np.array(pts, np.float32),))
    return PenDigit(1, writer, 0, (np.array([(250, 400), (250, 100)], np.float32),))


DIGITS = [pen_digit(label, w) for w in (1, 2, 3, 5) for label in (0, 1) for _ in range(3)]


@pytest.fixture(scope="module")
def small_data(mnist_dir):
    return TrainingData.load(mnist_dir, train_subset=600, test_subset=100)


def test_pool_renders_like_the_canvas_then_preprocesses():
    pool = render_training_pool([DIGITS[0], DIGITS[3]], variants=3, seed=0)
    assert pool.image28.shape == (6, 28, 28) and pool.labels.tolist() == [0] * 3 + [1] * 3
    assert pool.unit_tensor().shape == (6, 1, 32, 32)
    # different size, pen and slant per variant: not three copies of one picture
    assert np.abs(pool.image28[0] - pool.image28[1]).mean() > 0.01


def test_pen_digits_share_every_batch(small_data):
    data = TrainingData(
        small_data.train_x, small_data.train_y, small_data.test_x, small_data.test_y
    )
    data.add_pen_digits(DIGITS, variants=2)
    seen = []
    config = TrainConfig(epochs=1, batch_size=100, augment=False, pen_fraction=0.25)
    result = train(data, config, on_batch=seen.append)
    assert result.checkpoint.metadata["pen_images"] == len(DIGITS) * 2
    assert len(seen) == 6  # an epoch keeps its number of steps (600 / 100)
    mnist_only = train(data, TrainConfig(epochs=1, batch_size=100, augment=False, pen_fraction=0))
    assert mnist_only.checkpoint.metadata["pen_images"] == 0


def test_unknown_or_missing_devices_are_refused():
    assert resolve_device("cpu") == torch.device("cpu")
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="no CUDA GPU"):
            resolve_device("cuda")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine")
def test_cuda_training_matches_the_cpu_closely(small_data):
    config = TrainConfig(epochs=1, batch_size=100, seed=1)
    cpu = train(small_data, config, device="cpu")
    gpu = train(small_data, config, device="cuda")
    assert next(gpu.checkpoint.model.parameters()).device.type == "cpu"
    # same seeds, same batches and distortions: only floating-point rounding differs
    assert abs(gpu.history[-1].train_loss - cpu.history[-1].train_loss) < 0.05


def test_train_cli_with_a_pen_file_fits_a_temperature(mnist_dir, tmp_path: Path, capsys):
    pen = tmp_path / "few.tra"
    write_unipen(pen, DIGITS)
    out = tmp_path / "w.pt"
    argv = [
        "--epochs",
        "1",
        "--train-subset",
        "500",
        "--test-subset",
        "100",
        "--data-dir",
        str(mnist_dir),
        "--pen-dir",
        str(pen),
        "--pen-sources",
        "uci",
        "--pen-variants",
        "2",
        "--drawn-eval",
        "0",
        "--out",
        str(out),
    ]
    assert run(train_cli.main, argv) == 0
    meta = load_checkpoint(out).metadata
    assert meta["pen_images"] == 24 and meta["train_config"]["pen_fraction"] == 0.25
    assert meta["temperature"] > 0 and meta["pen_test_writers"] == [5, 10, 15, 20, 25, 30]
    assert "pen digits of writers" in capsys.readouterr().err
    # generated marks alone still train the "not a digit" head and choose its threshold
    assert load_checkpoint(out).model.reject is not None and 0 < meta["not_a_digit_threshold"] < 1


def test_train_cli_without_pen_digits_says_mnist_alone(mnist_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("model.data.pen_sources.find_pen_file", lambda _dir: None)
    monkeypatch.setattr("model.data.pen_sources.find_unipen_file", lambda _name, _dir: None)
    argv = [
        "--epochs",
        "1",
        "--train-subset",
        "300",
        "--test-subset",
        "50",
        "--data-dir",
        str(mnist_dir),
        "--drawn-eval",
        "0",
        "--out",
        str(tmp_path / "w.pt"),
    ]
    assert run(train_cli.main, argv) == 0
    assert "training on MNIST alone" in capsys.readouterr().err
    assert load_checkpoint(tmp_path / "w.pt").metadata["pen_images"] == 0


def test_train_cli_explicit_pen_dir_without_the_file_is_an_error(mnist_dir, tmp_path, capsys):
    argv = [
        "--epochs",
        "1",
        "--data-dir",
        str(mnist_dir),
        "--pen-dir",
        str(tmp_path),
        "--out",
        str(tmp_path / "w.pt"),
    ]
    assert run(train_cli.main, argv) == 1
    assert "no pendigits-orig.tra" in capsys.readouterr().err
