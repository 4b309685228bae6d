"""Fixtures for the GUI tests: a shown window on private settings, weights, MNIST test split.

Every module under tests/gui/ gets them; mouse events come from `tests.gui.mouse`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from model.files.weights import shipped_weights_path

# A developer may point the tests at other weights while the shipped file is being trained.
WEIGHTS_VAR = "LENET_LENS_TEST_WEIGHTS"


@pytest.fixture(scope="session")
def weights_path() -> Path:
    override = os.environ.get(WEIGHTS_VAR)
    path = Path(override) if override else shipped_weights_path()
    if not path.is_file():
        pytest.skip(f"weights not found at {path}")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, weights_path: Path, settings: QSettings):  # noqa: ANN001, ANN201
    from app.shell.start import open_window

    win = open_window(weights_path, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(scope="session")
def mnist_test(mnist_dir: Path):  # noqa: ANN201
    from model.data.mnist import load_split

    return load_split("test", mnist_dir)
