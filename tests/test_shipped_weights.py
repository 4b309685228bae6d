"""The shipped weights: a valid checkpoint under 1 MB that beats LeNet-5's published figure."""

from __future__ import annotations

import pytest

from model.checkpoint import load_checkpoint
from model.evaluation import evaluate_drawn, evaluate_mnist
from model.mnist import load_split
from model.weights import shipped_weights_path


@pytest.fixture(scope="module")
def shipped():
    path = shipped_weights_path()
    assert path.is_file(), f"{path} is missing"
    return load_checkpoint(path)


def test_small_and_self_describing(shipped):
    assert shipped_weights_path().stat().st_size < 1_000_000
    for key in ("test_accuracy", "train_config", "created"):
        assert key in shipped.metadata
    assert shipped.normalization.std > 0


def test_mnist_test_accuracy_at_least_99_4(shipped, mnist_dir):
    report = evaluate_mnist(shipped, load_split("test", mnist_dir))
    assert report.accuracy >= 0.994, report.format("MNIST")
    assert report.per_class.min() >= 0.98


def test_reads_drawn_digits(shipped, mnist_dir):
    report = evaluate_drawn(shipped, load_split("test", mnist_dir), count=500, seed=7)
    assert report.accuracy >= 0.96, report.format("drawn")
