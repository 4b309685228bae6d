"""Shared by the tests/gui/test_teach*.py modules: a private data folder and a drawn "1"."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.data.collection import default_collection_path
from tests.gui.mouse import draw_stroke


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG_DATA_HOME moved to a temporary folder: the collection lands there."""
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert default_collection_path().is_relative_to(home)
    return home


def draw_one(canvas, x: float = 140.0) -> None:  # noqa: ANN001
    """A "1" down the canvas (raster coordinates), at column `x`."""
    draw_stroke(canvas, [(x, 50.0 + 4.5 * i) for i in range(41)])


def draw_zero(canvas) -> None:  # noqa: ANN001
    """An "0": an ellipse in one stroke."""
    import math

    points = [
        (140 + 55 * math.sin(2 * math.pi * i / 48), 140 - 85 * math.cos(2 * math.pi * i / 48))
        for i in range(49)
    ]
    draw_stroke(canvas, points)
