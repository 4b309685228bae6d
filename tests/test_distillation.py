"""Knowledge distillation: a student learns from teachers' softened outputs as well as labels."""

from __future__ import annotations

import dataclasses

import pytest
import torch
from torch.nn import functional as F

from model.cli import train as train_cli
from model.cli.common import run
from model.config import ModelConfig, Normalization, TrainConfig
from model.files.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from model.network.lenet import LeNet5, LeNetOutput
from model.training.loop import TrainingData, teacher_probabilities, train
from model.training.objective import NOT_A_DIGIT, step_loss


def output(logits: torch.Tensor) -> LeNetOutput:
    return LeNetOutput(logits, {}, None)


def test_without_teachers_the_loss_is_the_old_one():
    torch.manual_seed(0)
    out, y = output(torch.randn(8, 10)), torch.tensor([0, 1, 2, 3, 4, 5, NOT_A_DIGIT, 9])
    soft = F.softmax(torch.randn(8, 10), 1)
    plain = step_loss(out, y, 0.05)
    assert step_loss(out, y, 0.05, soft_targets=soft, distill_weight=0.0) == plain
    assert step_loss(out, y, 0.05, soft_targets=None, distill_weight=0.7) == plain


def test_agreeing_with_the_teachers_costs_nothing_and_disagreeing_costs_more():
    torch.manual_seed(1)
    logits, y, t = torch.randn(6, 10), torch.arange(6), 2.0
    agree = F.softmax(logits / t, 1)
    disagree = F.softmax(-logits / t, 1)
    only_teachers = dict(soft_targets=agree, distill_weight=1.0, temperature=t)
    assert step_loss(output(logits), y, **only_teachers).item() == pytest.approx(0.0, abs=1e-6)
    worse = step_loss(output(logits), y, soft_targets=disagree, distill_weight=1.0, temperature=t)
    assert worse.item() > 0.5
    # non-digits keep their own target (uniform), whatever the teachers say of them
    mixed = torch.tensor([0, 1, 2, NOT_A_DIGIT, NOT_A_DIGIT, 5])
    with_teacher = step_loss(output(logits), mixed, **only_teachers)
    uniform = -F.log_softmax(logits[3:5], 1).mean(1).mean() * 0.5
    assert with_teacher.item() == pytest.approx(uniform.item(), abs=1e-6)


def test_each_teacher_reads_the_batch_at_its_own_scale():
    torch.manual_seed(2)
    nets = [LeNet5(ModelConfig()).eval() for _ in range(2)]
    scales = [Normalization(), Normalization(mean=0.2, std=0.5)]
    teachers = [Checkpoint(n, s, {}) for n, s in zip(nets, scales)]
    x = torch.rand(4, 1, 32, 32)
    got = teacher_probabilities(teachers, x, 3.0)
    with torch.no_grad():
        want = sum(F.softmax(n(s.apply(x)).logits / 3.0, 1) for n, s in zip(nets, scales)) / 2
    torch.testing.assert_close(got, want)
    assert got.sum(1).allclose(torch.ones(4))


@pytest.fixture(scope="module")
def small_data(mnist_dir):
    return TrainingData.load(mnist_dir, train_subset=1500, test_subset=300)


def test_a_student_taught_by_a_teacher_agrees_with_it_more(small_data):
    config = TrainConfig(epochs=1, batch_size=100, augment=False, seed=4)
    teacher = train(small_data, dataclasses.replace(config, seed=5)).checkpoint
    alone = train(small_data, config).checkpoint
    taught = train(
        small_data,
        dataclasses.replace(config, distill_weight=0.9, distill_temperature=2.0),
        teachers=[teacher],
    ).checkpoint
    assert taught.metadata["teachers"] == 1 and alone.metadata["teachers"] == 0
    x = small_data.normalization().apply(small_data.test_x)
    with torch.no_grad():
        reads = [m.model(x).logits.argmax(1) for m in (teacher, alone, taught)]
    agree_alone = (reads[1] == reads[0]).float().mean()
    agree_taught = (reads[2] == reads[0]).float().mean()
    assert agree_taught > agree_alone


def test_train_cli_learns_from_a_teacher_file_and_refuses_a_bad_one(
    mnist_dir, tmp_path, small_data, capsys
):
    teacher = tmp_path / "teacher.pt"
    first = train(small_data, TrainConfig(epochs=1, batch_size=100, augment=False))
    save_checkpoint(first.checkpoint, teacher)
    out = tmp_path / "student.pt"
    quick = ["--epochs", "1", "--train-subset", "600", "--test-subset", "100"]
    quick += ["--data-dir", str(mnist_dir), "--pen-fraction", "0", "--nondigit-fraction", "0"]
    quick += ["--drawn-eval", "0", "--out", str(out)]
    assert run(train_cli.main, [*quick, "--teacher", str(teacher), "--reject-weight", "2"]) == 0
    made = load_checkpoint(out)
    assert made.metadata["teachers"] == 1
    assert made.metadata["train_config"]["reject_weight"] == 2.0  # the head's weight, set too
    assert made.metadata["train_config"]["distill_weight"] == TrainConfig().distill_weight
    capsys.readouterr()
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a checkpoint")
    out.unlink()
    assert run(train_cli.main, [*quick, "--teacher", str(bad)]) == 1
    assert "bad.pt" in capsys.readouterr().err
    assert not out.exists()  # refused before any training
