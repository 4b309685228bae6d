"""The answer panel tells the truth about its own reading: "Not a digit?" for a dot or a
scribble (best guess still readable, bars dimmed), a plain answer for a clear digit, and never
"Unsure" above a confident percentage."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from PIL import Image

from app.core.doubt import NOT_A_DIGIT, SURE, UNSURE
from app.draw.panels.probabilities import ProbabilitiesPanel
from model.network.verdict import UNSURE_BELOW
from tests.gui.mouse import draw_digit, draw_stroke, first_of_each_digit
from tests.photos import faint

DOT = [(140.0, 140.0), (141.0, 141.0)]


def scribble() -> list[tuple[float, float]]:
    """A tangle across the middle of the canvas, as a bored hand draws it: many turns."""
    t = np.linspace(0.0, 1.0, 120)
    x = 140 + 60 * np.sin(2 * math.pi * 3.1 * t) + 25 * np.sin(2 * math.pi * 7.3 * t) + 40 * t
    y = 140 + 45 * np.sin(2 * math.pi * 4.7 * t + 1.0) + 20 * np.sin(2 * math.pi * 9.1 * t)
    return list(zip(x.tolist(), y.tolist()))


def bars(window):
    return window.findChild(ProbabilitiesPanel, "panelProbabilities")


def answer(window):
    panel = window.digit_panel
    return panel.state, panel.caption.text(), panel.confidence.text(), panel.guess.text()


def assert_not_a_digit(window) -> None:
    result = window.current_result
    assert result.not_a_digit
    state, caption, headline, guess = answer(window)
    assert state == NOT_A_DIGIT
    assert headline == "Not a digit?"
    assert window.digit_panel.guess.isVisible()
    assert guess == f"best guess: {result.digit} · {result.confidence:.0%}"
    assert bars(window).dimmed


def test_a_drawn_dot_and_a_scribble_are_not_digits(window) -> None:
    draw_stroke(window.canvas, DOT)
    assert_not_a_digit(window)

    window.context.drawing.clear()
    draw_stroke(window.canvas, scribble())
    assert_not_a_digit(window)

    window.context.drawing.clear()  # a blank canvas is a prompt again, not "not a digit"
    assert window.current_result.is_blank
    state, caption, headline, _guess = answer(window)
    assert (state, headline, caption) == ("blank", "Draw a digit", "LeNet is waiting")
    assert not window.digit_panel.guess.isVisible()
    assert not bars(window).dimmed


def test_a_clearly_drawn_digit_is_answered_plainly(window, mnist_test) -> None:
    index = first_of_each_digit(mnist_test.labels)[3]
    draw_digit(window.canvas, mnist_test.images[index])
    result = window.current_result
    assert result.digit == 3 and not result.not_a_digit
    state, caption, headline, _guess = answer(window)
    assert state == SURE
    assert (caption, headline) == ("LeNet reads", f"{result.confidence:.1%} confident")
    assert window.digit_panel.digit.text() == "3"
    assert not window.digit_panel.guess.isVisible()
    assert not bars(window).dimmed


def consistent(window, result=None) -> None:
    """ "Unsure" in the caption exactly when the model is unsure, and then the confidence
    says so too; a confident headline never sits under "Unsure"."""
    result = result or window.current_result
    state, caption, headline, _guess = answer(window)
    if "Unsure" in caption:
        assert result.unsure and state in (UNSURE, NOT_A_DIGIT)
        assert headline.startswith("only") or headline == "Not a digit?"
    if headline.endswith("confident") and not headline.startswith("only"):
        assert "Unsure" not in caption and result.confidence >= UNSURE_BELOW


def test_a_faint_photo_never_says_unsure_above_a_confident_percentage(
    window, mnist_test, tmp_path
) -> None:
    for digit in (8, 1, 4):
        index = int(np.flatnonzero(mnist_test.labels == digit)[0])
        path = tmp_path / f"faint{digit}.png"
        Image.fromarray((faint(mnist_test.images[index]) * 255).astype(np.uint8)).save(path)
        assert window.open_image(path)
        consistent(window)
        assert "faint ink" in window.digit_panel.caption.text().lower()
        assert "may be wrong" in window.digit_panel.caption.toolTip() or (
            "check" in window.digit_panel.caption.toolTip()
        )


def test_every_state_of_a_faint_photo_reads_consistently(window, mnist_test, tmp_path) -> None:
    """The same faint photo shown as the model might read it: sure, unsure, not a digit."""
    index = int(np.flatnonzero(mnist_test.labels == 8)[0])
    path = tmp_path / "faint.png"
    Image.fromarray((faint(mnist_test.images[index]) * 255).astype(np.uint8)).save(path)
    assert window.open_image(path)
    sure = window.current_result
    low = np.full(10, 0.05, dtype=np.float32)
    low[sure.digit] = 0.55
    for variant, expected in (
        (dataclasses.replace(sure, probabilities=low), UNSURE),
        (dataclasses.replace(sure, not_a_digit=True, not_a_digit_score=0.9), NOT_A_DIGIT),
    ):
        window.show_prediction(variant)
        assert window.digit_panel.state == expected
        consistent(window, variant)
        assert window.digit_panel.caption.text() == "⚠ Unsure: faint ink"


def test_strokes_call_a_scribble_or_a_flat_line_not_a_digit_and_say_so(window, mnist_test) -> None:
    """With the network's head made silent, only the drawing's strokes can tell: the answer
    panel says "Not a digit?" and names the strokes, not the network, as the reason."""
    window.context.session.predictor.not_a_digit_threshold = 0.999999
    slope = math.radians(45.0)
    t = np.linspace(-80.0, 80.0, 40)
    draw_stroke(window.canvas, list(zip(140 + t * math.cos(slope), 140 - t * math.sin(slope))))
    assert window.current_result.not_a_digit_reason == "line"
    assert_not_a_digit(window)
    assert window.digit_panel.caption.text() == "⚠ Strokes: a line"
    assert "45°" in window.digit_panel.confidence.toolTip()

    window.context.drawing.clear()
    draw_stroke(window.canvas, scribble())
    assert window.current_result.not_a_digit_reason == "scribble"
    assert_not_a_digit(window)
    assert window.digit_panel.caption.text() == "⚠ Strokes: a scribble"

    window.context.drawing.clear()  # a pen jerked up and down: short, but turning sharply
    saw = [(60.0 + 20.0 * i, 100.0 if i % 2 else 180.0) for i in range(9)]
    draw_stroke(window.canvas, saw)
    shape = window.current_result.stroke_shape
    assert shape.path_ratio < 4.0 and window.current_result.not_a_digit_reason == "scribble"
    assert_not_a_digit(window)
    assert "turned sharply 7 times" in window.digit_panel.confidence.toolTip()

    window.context.drawing.clear()  # a digit's strokes pass: a plain answer
    draw_digit(window.canvas, mnist_test.images[first_of_each_digit(mnist_test.labels)[8]])
    assert not window.current_result.not_a_digit
    assert answer(window)[:2] == (SURE, "LeNet reads")
