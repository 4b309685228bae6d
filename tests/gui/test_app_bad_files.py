"""Issue 8 in the window: malformed checkpoints never half-apply, failed saves say so."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch

from app.shell import settings as keys
from model.files.weights import shipped_weights_path
from tests.gui.mouse import draw_stroke
from tests.gui.test_app_entry import run_main

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def tampered(source: Path, target: Path, change) -> Path:
    payload = torch.load(source, weights_only=True)
    change(payload)
    torch.save(payload, target)
    return target


def _list_metadata(p: dict) -> None:
    p["metadata"] = ["not", "a", "dict"]


def _text_accuracy(p: dict) -> None:
    p["metadata"]["test_accuracy"] = "very good"


def _zero_std(p: dict) -> None:
    p["normalization"]["std"] = 0.0


def _nan_weight(p: dict) -> None:
    p["state_dict"]["c1.weight"][0, 0, 0, 0] = math.nan


def _inf_mean(p: dict) -> None:
    p["normalization"]["mean"] = math.inf


MALFORMED = [_list_metadata, _text_accuracy, _zero_std, _nan_weight, _inf_mean]


@pytest.fixture
def messages(window, monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    original = window.show_error
    monkeypatch.setattr(
        window, "show_error", lambda t, m, exc=None: (shown.append((t, m)), original(t, m, exc))[1]
    )
    return shown


@pytest.mark.parametrize("change", MALFORMED, ids=lambda f: f.__name__.strip("_"))
def test_malformed_checkpoint_changes_nothing_in_the_window(
    window, weights_path, tmp_path, messages, change
) -> None:
    draw_stroke(window.canvas, BAR)
    predictor, status, title = window.predictor, window.model_label.text(), window.windowTitle()
    bad = tampered(weights_path, tmp_path / "bad.pt", change)
    assert not window.load_weights(bad)
    assert "bad.pt" in messages[-1][1]
    assert window.predictor is predictor
    assert (window.model_label.text(), window.windowTitle()) == (status, title)
    assert math.isfinite(window.current_result.confidence)


@pytest.mark.parametrize("change", MALFORMED[:3], ids=lambda f: f.__name__.strip("_"))
def test_a_bad_remembered_file_falls_back_to_the_shipped_weights_once(
    qapp, monkeypatch, settings, tmp_path, change
) -> None:
    bad = tampered(shipped_weights_path(), tmp_path / "remembered.pt", change)
    settings.setValue(keys.LAST_WEIGHTS, str(bad))
    (window,) = run_main(monkeypatch, settings)
    assert window.predictor.source.resolve() == shipped_weights_path().resolve()
    assert "remembered.pt" in window.error_box.text()
    assert settings.value(keys.LAST_WEIGHTS) is None  # the next start is clean
    window.deleteLater()


def test_saving_onto_a_folder_or_under_a_file_says_why_and_keeps_the_old(
    window, tmp_path, messages
) -> None:
    folder = tmp_path / "a folder.pt"
    folder.mkdir()
    plain = tmp_path / "plain.txt"
    plain.write_text("keep me")
    for target in (folder, plain / "weights.pt", tmp_path / ("x" * 300 + ".pt")):
        assert not window.save_weights(target)
        assert messages[-1][0] == "Cannot save weights"
    assert folder.is_dir() and plain.read_text() == "keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
