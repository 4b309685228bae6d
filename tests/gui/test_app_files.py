"""Files: open and drop images, load/save/reset weights; bad files leave everything as it was."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import model
from model.files.checkpoint import load_checkpoint
from tests.gui.mouse import draw_stroke, first_of_each_digit

pytestmark = pytest.mark.shared_window  # one window, reset before each test

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def dark_on_light_png(path: Path, image28: np.ndarray) -> Path:
    """An MNIST digit as a scanned-looking page: dark ink on light paper, larger, off-centre."""
    page = Image.new("L", (200, 160), 235)
    digit = Image.fromarray(255 - image28).resize((112, 112), Image.Resampling.BILINEAR)
    page.paste(digit, (20, 30))
    page.save(path)
    return path


def huge_png(path: Path, side: int = 20000) -> Path:
    """A valid PNG header declaring 20000x20000 px (400 MP): refused before decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    return path


@pytest.fixture
def errors(window, monkeypatch) -> list[tuple[str, str]]:
    """Every message the window shows the user, captured (and still shown)."""
    shown: list[tuple[str, str]] = []
    original = window.show_error
    monkeypatch.setattr(
        window,
        "show_error",
        lambda t, m, exc=None: (shown.append((t, m)), original(t, m, exc))[1],
    )
    return shown


def test_open_image_reads_dark_on_light_digits(window, mnist_test, tmp_path, errors) -> None:
    correct = 0
    for index in first_of_each_digit(mnist_test.labels)[:5]:
        path = dark_on_light_png(tmp_path / f"digit{index}.png", mnist_test.images[index])
        assert window.open_image(path)
        result = window.current_result
        correct += result.digit == mnist_test.labels[index]
        assert result.preprocessed.dark_on_light
    assert correct >= 4
    assert not errors
    assert window.context.drawing.raster().shape == (160, 200)  # shown at its own resolution


def test_open_image_action_has_ctrl_o(window) -> None:
    action = window.findChild(type(window.actions.open_image), "actionOpenImage")
    assert action.shortcut().toString() == "Ctrl+O"


@pytest.mark.parametrize("kind", ["text", "huge", "missing"])
def test_bad_image_explains_and_keeps_the_drawing(window, tmp_path, errors, kind) -> None:
    draw_stroke(window.canvas, BAR)
    before = window.current_result
    raster = window.current_raster()
    if kind == "text":
        path = tmp_path / "notes.png"
        path.write_text("this is not an image")
    elif kind == "huge":
        path = huge_png(tmp_path / "huge.png")
    else:
        path = tmp_path / "gone.png"
    assert not window.open_image(path)
    assert len(errors) == 1 and path.name in errors[0][1]
    assert window.error_box.isVisible() and path.name in window.error_box.text()
    np.testing.assert_array_equal(window.current_raster(), raster)
    assert window.current_result is before


def test_blank_image_is_not_guessed(window, tmp_path, errors) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (64, 64), 255).save(path)
    assert not window.open_image(path)
    assert errors and errors[0][0] == "No digit found"
    assert window.current_result.digit is None


def test_dropping_an_image_on_the_canvas_opens_it(window, mnist_test, tmp_path) -> None:
    index = first_of_each_digit(mnist_test.labels)[3]
    path = dark_on_light_png(tmp_path / "three.png", mnist_test.images[index])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.canvas, enter)
    assert enter.isAccepted()  # the pointer shows that the canvas takes the file
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.canvas, event)
    assert event.isAccepted()
    assert window.current_result.digit == 3


def test_corrupt_or_mismatched_weights_keep_the_old_model(window, tmp_path, errors) -> None:
    draw_stroke(window.canvas, BAR)
    before = window.current_result
    predictor = window.predictor
    status = window.model_label.text()

    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(b"PK\x03\x04 definitely not a checkpoint")
    mismatched = tmp_path / "other.pt"
    payload = torch.load(predictor.source, weights_only=True)
    payload["state_dict"]["c1.weight"] = torch.zeros(8, 1, 5, 5)
    torch.save(payload, mismatched)

    for path in (corrupt, mismatched):
        assert not window.load_weights(path)
        assert path.name in errors[-1][1]
        assert window.predictor is predictor
        assert window.model_label.text() == status
    assert "different architecture" in errors[-1][1]
    draw_stroke(window.canvas, [(120.0, 50.0 + 4 * i) for i in range(46)])
    assert window.current_result.digit == before.digit  # the old model still answers


def test_save_load_and_reset_weights(window, weights_path, tmp_path, errors) -> None:
    draw_stroke(window.canvas, BAR)
    saved = tmp_path / "mine.pt"
    assert window.save_weights(saved)
    checkpoint = load_checkpoint(saved)
    assert checkpoint.test_accuracy == window.predictor.test_accuracy
    assert not list(tmp_path.glob("*.tmp"))

    assert window.load_weights(saved)
    assert "mine.pt" in window.model_label.text()
    accuracy = window.predictor.test_accuracy
    assert f"{accuracy:.2%}" in window.model_label.text()
    assert window.current_result.digit is not None

    if Path(weights_path).resolve() == model.files.weights.shipped_weights_path().resolve():
        assert window.reset_weights()
        assert "(shipped)" in window.model_label.text()
    assert not errors


def test_about_names_version_and_model(window) -> None:
    window.findChild(type(window.actions.about), "actionAbout").trigger()
    assert window.about_box.isVisible()
    assert model.__version__ in window.about_box.text()
    assert window.predictor.source.name in window.about_box.text()
