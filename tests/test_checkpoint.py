"""Checkpoints: round trip, atomic save with backup, and every bad file gives a clear error."""

from __future__ import annotations

import os
import pickle

import pytest
import torch

from model.config import ModelConfig, Normalization
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, load_checkpoint, save_checkpoint, to_dict
from model.network.lenet import LeNet5


def make_checkpoint(config: ModelConfig | None = None):
    config = config or ModelConfig("avg", "tanh", 0.1)
    return Checkpoint(LeNet5(config), Normalization(0.1, 0.3), {"test_accuracy": 0.5})


def test_round_trip_rebuilds_its_own_network(tmp_path):
    ckpt = make_checkpoint()
    path = save_checkpoint(ckpt, tmp_path / "w.pt")
    loaded = load_checkpoint(path)
    assert loaded.model_config == ModelConfig("avg", "tanh", 0.1)
    assert loaded.normalization == Normalization(0.1, 0.3)
    assert loaded.test_accuracy == 0.5 and "saved" in loaded.metadata
    x = torch.randn(1, 1, 32, 32)
    torch.testing.assert_close(loaded.model(x).logits, ckpt.model.eval()(x).logits)


def test_save_keeps_backup_and_leaves_no_temp(tmp_path):
    path = tmp_path / "w.pt"
    save_checkpoint(make_checkpoint(), path)
    first = path.read_bytes()
    save_checkpoint(make_checkpoint(ModelConfig()), path)
    assert (tmp_path / "w.pt.bak").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.pt", "w.pt.bak"]


def test_failed_save_leaves_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "w.pt"
    save_checkpoint(make_checkpoint(), path)
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch, "save", crash)
    with pytest.raises(CheckpointError, match="w.pt: cannot save"):
        save_checkpoint(make_checkpoint(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.pt"]


def test_truncated_file(tmp_path):
    path = save_checkpoint(make_checkpoint(), tmp_path / "cut.pt")
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(CheckpointError, match=r"cut\.pt: corrupt or truncated"):
        load_checkpoint(path)


def test_garbage_and_text_files(tmp_path):
    (tmp_path / "noise.pt").write_bytes(os.urandom(2000))
    (tmp_path / "notes.pt").write_text("these are not weights")
    for name in ("noise.pt", "notes.pt"):
        with pytest.raises(CheckpointError, match=name):
            load_checkpoint(tmp_path / name)


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="missing.pt: weights file not found"):
        load_checkpoint(tmp_path / "missing.pt")


def test_plain_state_dict_is_not_a_checkpoint(tmp_path):
    torch.save(LeNet5().state_dict(), tmp_path / "sd.pt")
    with pytest.raises(CheckpointError, match=r"sd\.pt: not a LeNet Lens checkpoint"):
        load_checkpoint(tmp_path / "sd.pt")


def test_other_architecture(tmp_path):
    payload = to_dict(make_checkpoint())
    payload["state_dict"]["c1.weight"] = torch.zeros(8, 1, 3, 3)
    torch.save(payload, tmp_path / "other.pt")
    with pytest.raises(
        CheckpointError, match=r"other\.pt: weights are for a different architecture"
    ):
        load_checkpoint(tmp_path / "other.pt")
    payload = to_dict(make_checkpoint())
    payload["model_config"]["pooling"] = "median"
    torch.save(payload, tmp_path / "cfg.pt")
    with pytest.raises(CheckpointError, match=r"cfg\.pt: invalid checkpoint contents"):
        load_checkpoint(tmp_path / "cfg.pt")


class Exploit:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_pickle_with_code_is_refused_not_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    torch.save({"format": "lenet-lens-checkpoint", "evil": Exploit()}, tmp_path / "evil.pt")
    with open(tmp_path / "raw.pkl", "wb") as fh:
        pickle.dump(Exploit(), fh)
    for name in ("evil.pt", "raw.pkl"):
        with pytest.raises(CheckpointError, match=name):
            load_checkpoint(tmp_path / name)
    assert not (tmp_path / "pwned").exists()


def test_metadata_of_any_plain_kind_survives_safe_loading(tmp_path):
    import numpy as np

    ckpt = make_checkpoint()
    ckpt.metadata.update(torch=torch.__version__, acc=np.float32(0.5), shape=(1, 2))
    loaded = load_checkpoint(save_checkpoint(ckpt, tmp_path / "m.pt"))
    assert loaded.metadata["torch"] == str(torch.__version__)
    assert loaded.metadata["acc"] == 0.5 and loaded.metadata["shape"] == [1, 2]
