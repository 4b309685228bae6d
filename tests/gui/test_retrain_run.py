"""The retrain run without its dialog: the state machine and the preview through the session."""

from __future__ import annotations

import pytest
import torch

from app.core.session import LiveSession
from app.retrain.run import CANCELLED, FAILED, FINISHED, IDLE, LOADING, TRAINING, RetrainRun
from model.config import ModelConfig, Normalization, TrainConfig
from model.files.checkpoint import Checkpoint
from model.network.inference import Predictor
from model.network.lenet import LeNet5

#: MNIST alone: the state machine is the point here; drawing pen digits and calibrating on
#: them is test_retrain_pen's (and cost most of each run).
TINY = TrainConfig(epochs=1, train_subset=1000, test_subset=200, pen_fraction=0.0)


@pytest.fixture
def run(qtbot) -> RetrainRun:
    torch.manual_seed(0)
    active = Predictor(Checkpoint(LeNet5(ModelConfig()), Normalization(), {}))
    session = LiveSession(active, lambda: None)
    return RetrainRun(session)


def start(qtbot, run: RetrainRun, mnist_dir, config: TrainConfig = TINY) -> list[str]:
    states: list[str] = []
    run.state_changed.connect(states.append)
    run.start(run.request(mnist_dir, config, ModelConfig(), torch_threads=1))
    return states


def test_a_run_goes_from_loading_through_training_to_finished(qtbot, run, mnist_dir) -> None:
    assert run.state == IDLE and not run.is_running()
    with qtbot.waitSignal(run.ended, timeout=60_000) as ended:
        states = start(qtbot, run, mnist_dir)
        assert run.is_running() and run.thread is not None
    assert ended.args == [FINISHED]
    assert states[0] == LOADING and TRAINING in states and states[-1] == FINISHED
    assert run.outcome is not None and run.error is None
    run.discard()
    assert run.outcome is None


def test_a_bad_folder_fails_with_the_exception(qtbot, run, tmp_path) -> None:
    with qtbot.waitSignal(run.ended, timeout=30_000) as ended:
        start(qtbot, run, tmp_path)
    assert ended.args == [FAILED] and run.state == FAILED
    assert run.error is not None and run.error_message
    assert run.outcome is None


def test_stop_cancels_and_waits(qtbot, run, mnist_dir) -> None:
    with qtbot.waitSignal(run.batches, timeout=60_000):
        start(qtbot, run, mnist_dir, TrainConfig(epochs=3, pen_fraction=0.0))
    thread = run.thread
    with qtbot.waitSignal(run.ended, timeout=30_000) as ended:
        run.stop()
    assert ended.args == [CANCELLED] and not thread.isRunning() and not run.is_running()
