"""Fixtures for the GUI tests: a shown window on private settings, weights, MNIST test split,
and private per-user folders.

Every module under tests/gui/ gets them; mouse events come from `tests.gui.mouse`. Every GUI test
runs with XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_STATE_HOME in its own temporary folder (the
user's collection, settings and log never touched); `data_home` names the data folder.
XDG_CACHE_HOME is left alone: it is where downloaded MNIST and pen digits may live.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from model.data.collection import default_collection_path
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


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Per-user data, settings and state of every GUI test in its own temporary folders."""
    folders = {}
    for var, name in (
        ("XDG_DATA_HOME", "data-home"),
        ("XDG_CONFIG_HOME", "config-home"),
        ("XDG_STATE_HOME", "state-home"),
    ):
        folders[var] = tmp_path / name
        monkeypatch.setenv(var, str(folders[var]))
    return folders


@pytest.fixture
def data_home(private_user_dirs: dict[str, Path]) -> Path:
    """XDG_DATA_HOME of this test (a temporary folder): the collection lands there."""
    home = private_user_dirs["XDG_DATA_HOME"]
    assert default_collection_path().is_relative_to(home)
    return home


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, weights_path: Path, settings: QSettings):
    from app.shell.start import open_window

    win = open_window(weights_path, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(scope="session")
def mnist_test(mnist_dir: Path):
    from model.data.mnist import load_split

    return load_split("test", mnist_dir)
