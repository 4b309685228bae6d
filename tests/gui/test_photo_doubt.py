"""A doubtful photo says so beside the answer instead of a confident headline."""

from __future__ import annotations

import numpy as np
from PIL import Image

from tests.gui.mouse import draw_stroke
from tests.gui.test_app_drawing import VERTICAL_BAR
from tests.photos import faint, noisy_grey_paper


def save(path, gray: np.ndarray):
    Image.fromarray((gray * 255).astype(np.uint8)).save(path)
    return path


def test_faint_photo_is_shown_as_doubtful_and_a_clear_one_is_not(window, mnist_test, tmp_path):
    index = int(np.flatnonzero(mnist_test.labels == 8)[0])
    assert window.open_image(save(tmp_path / "faint.png", faint(mnist_test.images[index])))
    caption = window.digit_panel.caption
    # a note about the picture; "Unsure" only where the model itself is (test_answer_trust)
    assert caption.text().startswith("⚠") and "faint ink" in caption.text().lower()
    assert "Darker ink" in caption.toolTip() or "darker ink" in caption.toolTip()

    assert window.open_image(
        save(tmp_path / "grey.png", noisy_grey_paper(mnist_test.images[index]))
    )
    assert window.current_result.digit == 8
    assert caption.text() == "LeNet reads"
    window.context.drawing.clear()
    draw_stroke(window.canvas, VERTICAL_BAR)
    assert not window.digit_panel.caption.text().startswith("⚠")
