"""The architecture lab's model side: any design within the caps trains through the one loop,
stores its design in the file it is saved to, and two designs are measured side by side."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from model.analysis.design_compare import measure, time_per_image_ms
from model.analysis.shapes import shape_table
from model.config import LAB_TRAIN, TrainConfig
from model.data.mnist import MnistSplit
from model.data.pen_digits import RenderedSet
from model.errors import TrainingCancelled
from model.files.checkpoint import load_checkpoint, save_checkpoint
from model.jobs import Cancelled
from model.network.architecture import PRESETS, Architecture, ConvStage, Dense, preset
from model.network.builder import DesignedNet, architecture_of
from model.training.design import design_config, train_design
from model.training.loop import TrainingData

pytestmark = pytest.mark.usefixtures("one_thread")  # tests/conftest.py


@pytest.fixture(scope="module")
def tiny_data(mnist_dir):
    return TrainingData.load(mnist_dir, train_subset=256, test_subset=100)


QUICK = TrainConfig(epochs=1, batch_size=64, augment=False, pen_fraction=0.0)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_trains_a_few_steps_through_the_lab_function(tiny_data, name):
    batches = []
    result = train_design(tiny_data, preset(name), QUICK, on_batch=batches.append)
    assert isinstance(result.checkpoint.model, DesignedNet)
    assert architecture_of(result.checkpoint.model) == preset(name)
    assert len(batches) == 4 and all(np.isfinite(b.loss) for b in batches)
    assert len(result.history) == 1 and 0.0 <= result.checkpoint.test_accuracy <= 1.0


def test_a_design_learns_and_its_file_keeps_the_design(tiny_data, tmp_path):
    design = Architecture(
        stages=(ConvStage(4, 3, "same", 2, "relu"),), dense=(Dense(32, "tanh", 0.0),)
    )
    config = TrainConfig(epochs=4, batch_size=64, augment=False, pen_fraction=0.0)
    result = train_design(tiny_data, design, config)
    assert result.checkpoint.test_accuracy > 0.3  # chance is 0.1
    path = save_checkpoint(result.checkpoint, tmp_path / "lab.pt")
    loaded = load_checkpoint(path)
    assert loaded.architecture == design
    x = torch.zeros(2, 1, 32, 32)
    torch.testing.assert_close(loaded.model(x).logits, result.checkpoint.model(x).logits)


def test_no_non_digit_share_without_the_head():
    assert design_config(preset("flattened"), TrainConfig()).nondigit_fraction == 0.0
    assert LAB_TRAIN.epochs == 2 and LAB_TRAIN.nondigit_fraction == 0.0


def test_lab_training_stops_on_cancel(tiny_data):
    with pytest.raises(TrainingCancelled):
        train_design(tiny_data, preset("wide_c1"), QUICK, should_cancel=lambda: True)


def _fake_pen(n: int = 40) -> RenderedSet:
    rng = np.random.default_rng(0)
    return RenderedSet(
        rng.random((n, 28, 28), dtype=np.float32),
        rng.integers(0, 10, n).astype(np.int64),
        np.array(["w"] * n),
    )


def test_side_by_side_figures_for_two_designs(tiny_data, mnist_dir):
    from model.data.mnist import load_split

    test = load_split("test", mnist_dir)
    small = MnistSplit(test.images[:200], test.labels[:200])
    pen = _fake_pen()
    nets = {
        name: train_design(tiny_data, preset(name), QUICK).checkpoint
        for name in ("lenet5_shipped", "kernels3_same")
    }
    seen = []
    figures = {
        name: measure(c, small, pen, on_progress=lambda d, t: seen.append(d / t), passes=5)
        for name, c in nets.items()
    }
    for name, f in figures.items():
        table = shape_table(preset(name))
        assert (f.params, f.macs) == (table.total_params, table.total_macs)
        assert f.mnist_count == 200 and 0.0 <= f.mnist_accuracy <= 1.0
        assert list(f.shift.distances) == [0, 1, 2, 3, 4]
        assert f.pen_count == 40 and 0.0 <= f.pen_accuracy <= 1.0
        assert f.ms_per_image > 0
    # SAME padding with 3x3 kernels: fewer parameters, more multiply-adds than LeNet-5
    a, b = figures["lenet5_shipped"], figures["kernels3_same"]
    assert b.params != a.params and b.macs != a.macs
    assert seen[-1] == pytest.approx(1.0)


def test_side_by_side_without_data_and_cancelled(tiny_data):
    checkpoint = train_design(tiny_data, preset("flattened"), QUICK).checkpoint
    figures = measure(checkpoint, None, None, passes=3)
    assert figures.mnist_accuracy is None and figures.pen_accuracy is None
    assert figures.params == shape_table(preset("flattened")).total_params
    small = MnistSplit(np.zeros((10, 28, 28), np.uint8), np.zeros(10, np.int64))
    with pytest.raises(Cancelled):
        measure(checkpoint, small, None, should_cancel=lambda: True)
    assert time_per_image_ms(checkpoint.model, 3) > 0
