"""The training loop: learns, reports progress, is reproducible, stops on cancel and on NaN."""

from __future__ import annotations

import pytest
import torch
from torch.nn import functional as F

from model.config import TrainConfig
from model.errors import TrainingCancelled, TrainingDiverged
from model.training.augment import (
    augment_batch,
    dilate3,
    erode3,
    smooth_field,
    vary_thickness,
)
from model.training.loop import TrainingData, train


@pytest.fixture(scope="module")
def small_data(mnist_dir):
    return TrainingData.load(mnist_dir, train_subset=2000, test_subset=500)


def test_short_run_lowers_loss_and_reports_progress(small_data):
    batches, epochs, started = [], [], []
    result = train(
        small_data,
        TrainConfig(epochs=2, batch_size=100, lr=3e-3, augment=False),
        on_batch=batches.append,
        on_epoch=lambda r, m: epochs.append(r),
        on_start=started.append,
    )
    assert started == [result.checkpoint.model]  # the network that then learned in place
    assert len(batches) == 40 and batches[-1].fraction == pytest.approx(1.0)
    assert batches[-1].eta == pytest.approx(0.0, abs=1e-6)
    early = sum(b.loss for b in batches[:5]) / 5
    late = sum(b.loss for b in batches[-5:]) / 5
    assert late < early * 0.5
    assert [e.epoch for e in epochs] == [1, 2]
    assert result.checkpoint.test_accuracy > 0.6  # chance is 0.1
    assert result.checkpoint.metadata["train_config"]["epochs"] == 2


def test_seeded_runs_are_reproducible(small_data):
    config = TrainConfig(epochs=1, batch_size=200, seed=3)
    d = small_data
    a, b = (
        train(
            TrainingData(d.train_x[:600], d.train_y[:600], d.test_x[:100], d.test_y[:100]), config
        )
        for _ in range(2)
    )
    for (k, va), vb in zip(
        a.checkpoint.model.state_dict().items(), b.checkpoint.model.state_dict().values()
    ):
        torch.testing.assert_close(va, vb, msg=k)


def test_cancel_stops_within_a_batch(small_data):
    seen = []
    with pytest.raises(TrainingCancelled):
        train(
            small_data,
            TrainConfig(epochs=3, batch_size=50),
            on_batch=seen.append,
            should_cancel=lambda: len(seen) >= 3,
        )
    assert len(seen) == 3


def test_huge_learning_rate_reports_divergence(small_data):
    with pytest.raises(TrainingDiverged, match="learning rate"):
        train(small_data, TrainConfig(epochs=1, batch_size=100, lr=1e6, augment=False))


def test_augmentation_keeps_shape_and_varies():
    g = torch.Generator().manual_seed(0)
    x = torch.zeros(8, 1, 32, 32)
    x[:, :, 8:24, 14:18] = 1.0  # a thick "1"
    out = augment_batch(x, g)
    assert out.shape == x.shape and out.min() >= 0 and out.max() <= 1.0 + 1e-5
    assert not torch.allclose(out[0], out[1])
    assert out.sum() > 0.5 * x.sum()  # the digit survives


def test_thickness_variation_thickens_and_thins():
    x = torch.zeros(2, 1, 32, 32)
    x[:, :, 8:24, 14:18] = 1.0
    out = vary_thickness(x, torch.tensor([1.0, -1.0]))
    assert out[0].sum() > x[0].sum() > out[1].sum()


def test_fast_thickness_and_elastic_field_match_the_torch_operations():
    """The hand-written 3x3 dilation/erosion and bicubic field give torch's own values."""
    x = torch.rand(4, 1, 32, 32)
    assert torch.equal(dilate3(x), F.max_pool2d(x, 3, stride=1, padding=1))
    assert torch.equal(erode3(x), -F.max_pool2d(-x, 3, stride=1, padding=1))
    coarse = torch.rand(4, 2, 4, 4) * 2 - 1
    reference = F.interpolate(coarse, size=(32, 32), mode="bicubic", align_corners=True)
    assert torch.allclose(smooth_field(coarse, 32, 32), reference, atol=1e-5)


def test_restyled_ones_and_sevens_reach_the_batches(small_data):
    data = TrainingData(
        small_data.train_x, small_data.train_y, small_data.test_x, small_data.test_y
    )
    data.add_styles(fraction=0.5, seed=0)
    ones_sevens = torch.nonzero((data.train_y == 1) | (data.train_y == 7))[:, 0]
    others = torch.nonzero((data.train_y != 1) & (data.train_y != 7))[:, 0]
    changed = (data.batch(ones_sevens) != data.train_x[ones_sevens]).flatten(1).any(1)
    assert 0.3 < changed.float().mean() < 0.7  # about half of them restyled
    assert torch.equal(data.batch(others), data.train_x[others])
    plain = data.batch(ones_sevens, restyled=False)
    assert torch.equal(plain, data.train_x[ones_sevens])


def test_fine_tuning_and_the_flat_network_stop_on_divergence_too(small_data):
    """One loop (model.training.loop.run_steps) for all three: a learning rate far too high
    stops each with the same clear error instead of saving NaN weights."""
    from model.cli.mlp import train_flat
    from model.config import FinetuneConfig
    from model.data.collection import make_drawing
    from model.files.checkpoint import load_checkpoint
    from model.files.weights import shipped_weights_path
    from model.training.finetune import finetune

    with pytest.raises(TrainingDiverged, match="learning rate"):
        train_flat(small_data, TrainConfig(epochs=1, batch_size=100, lr=1e9, augment=False))
    drawings = [make_drawing([[(60, 60), (200, 60), (120, 230)]], 7)]
    config = FinetuneConfig(steps=20, variants=2, pen_replay=0, lr=1e9, mnist_test_subset=100)
    with pytest.raises(TrainingDiverged, match="learning rate"):
        finetune(load_checkpoint(shipped_weights_path()), drawings, mnist=small_data, config=config)
