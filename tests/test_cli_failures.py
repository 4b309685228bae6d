"""Every CLI failure is a one-line message and an exit status, never a traceback (issue 8)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from model.cli import common as cli
from model.cli import evaluate, predict, train
from model.cli import get_mnist as download
from model.config import Normalization
from model.files.checkpoint import Checkpoint, to_dict
from model.network.lenet import LeNet5

ROOT = Path(__file__).resolve().parents[1]


def bad_metadata_file(folder: Path) -> Path:
    data = to_dict(Checkpoint(LeNet5(), Normalization(), {}))
    data["metadata"] = ["not", "a", "dict"]
    torch.save(data, folder / "meta.pt")
    return folder / "meta.pt"


class Exploit:
    def __reduce__(self):
        return (os.system, ("true",))


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_bad_weights_files_in_evaluate_and_predict(tmp_path, capsys):
    (tmp_path / "dir.pt").mkdir()
    (tmp_path / "code.pkl").write_bytes(pickle.dumps(Exploit(), protocol=4))
    (tmp_path / "img.png").write_bytes(b"")
    cases = {
        tmp_path / "dir.pt": "not a regular file (a directory)",
        tmp_path / "code.pkl": "refused: the file carries code",
        bad_metadata_file(tmp_path): "invalid metadata (a list, expected a dict)",
    }
    for weights, message in cases.items():
        for main, argv in (
            (evaluate.main, ["--weights", str(weights), "--drawn", "0"]),
            (predict.main, [str(tmp_path / "img.png"), "--weights", str(weights)]),
        ):
            assert cli.run(main, argv) == 1
            err = capsys.readouterr().err
            assert f"error: {weights}: {message}" in err and "Traceback" not in err


TINY = ["--epochs", "1", "--train-subset", "64", "--test-subset", "32", "--drawn-eval", "0"]
TINY += ["--pen-fraction", "0"]  # MNIST only: pen training has its own tests


def test_train_out_that_cannot_be_written_fails_before_training(tmp_path, capsys):
    (tmp_path / "taken.pt").mkdir()
    (tmp_path / "file").write_text("x")
    for out, message in (
        (tmp_path / "taken.pt", "taken.pt: cannot save: not a regular file (a directory)"),
        (tmp_path / "file" / "w.pt", "is a file, not a folder"),
        (tmp_path / ("n" * 300 + ".pt"), "file name too long"),
    ):
        argv = [*TINY, "--data-dir", str(tmp_path / "no-data"), "--out", str(out)]
        assert cli.run(train.main, argv) == 1  # no data either: the target is checked first
        err = capsys.readouterr().err
        assert message in err and "nothing trained" in err and "Traceback" not in err
    assert (tmp_path / "taken.pt").is_dir()


def test_train_save_failure_after_training_says_not_saved(mnist_dir, tmp_path, capsys, monkeypatch):
    def full_disk(*args, **kwargs):
        raise RuntimeError("[enforce fail at inline_container.cc:783] . unexpected pos 64 vs 0")

    monkeypatch.setattr(torch, "save", full_disk)
    argv = [*TINY, "--data-dir", str(mnist_dir), "--out", str(tmp_path / "w.pt")]
    assert cli.run(train.main, argv) == 1
    err = capsys.readouterr().err
    assert "w.pt: cannot save (write failed: [enforce fail" in err
    assert "NOT saved" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_download_into_a_path_under_a_file(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    assert cli.run(download.main, ["--data-dir", str(tmp_path / "file" / "mnist")]) == 1
    assert "cannot create the data directory" in capsys.readouterr().err


def test_unforeseen_failures_are_one_line(capsys, monkeypatch):
    def out_of_memory(argv):
        raise MemoryError

    def bug(argv):
        raise KeyError("oops")

    def os_error(argv):
        raise OSError(5, "Input/output error", "/some/file")

    assert cli.run(out_of_memory) == 1
    assert "out of memory" in capsys.readouterr().err
    monkeypatch.delenv(cli.DEBUG_VAR, raising=False)
    assert cli.run(bug) == 70
    assert "unexpected internal error (KeyError" in capsys.readouterr().err
    assert cli.run(os_error) == 1
    assert "error: /some/file: Input/output error" in capsys.readouterr().err


def test_no_traceback_end_to_end(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "model.cli.evaluate", "--weights", str(tmp_path), "--drawn", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
