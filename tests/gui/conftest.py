"""Fixtures for the GUI tests: a shown window on private settings, weights, MNIST test split,
and private per-user folders.

A window costs about a second to build (0.7 s of CPU, most of it pyqtgraph's plot items). A
module whose tests only draw, resize and read what the window shows (no model swap, no settings
or per-user files checked, no panel state that a test expects fresh) marks itself

    pytestmark = pytest.mark.shared_window

and its tests then share one window, put back to a known state before each (`SharedWindow.reset`:
dialogs closed, preview ended, home workspace and default layout with every dock shown, default
pen, blank canvas and empty undo history, 1400x900). A test that leaves the window in a state
the reset cannot undo (another model in use, the window closed) gets a fresh one next. A new
module may keep the mark if its tests pass in file order, in reverse (the test ids given to
pytest reversed) and one by one; a module whose tests set a panel's own controls and expect them
as a fresh panel has them (Concepts, Insight), or read the collection of their `data_home`,
builds a fresh window per test. With `pytest -n 2 --dist loadfile` (README) a module's tests all
run in one worker, so its shared window is built once there.

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
from PySide6.QtWidgets import QApplication, QDialog

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


WINDOW_SIZE = (1400, 900)


@pytest.fixture
def window(request: pytest.FixtureRequest, qtbot, weights_path: Path, settings: QSettings):
    if request.node.get_closest_marker("shared_window") is not None:
        return request.getfixturevalue("_module_window").reset()
    from app.shell.start import open_window

    win = open_window(weights_path, settings)
    qtbot.addWidget(win)
    win.resize(*WINDOW_SIZE)
    win.show()
    qtbot.waitExposed(win)
    return win


class SharedWindow:
    """One window for a module's tests (see the module docstring)."""

    def __init__(self, weights_path: Path, folder: Path) -> None:
        self.weights_path, self.folder = weights_path, folder
        self.window = None
        self.predictor = None
        self.opened = 0

    def _open(self):
        from app.shell.start import open_window

        self.close()
        self.opened += 1
        settings = QSettings(
            str(self.folder / f"settings{self.opened}.ini"), QSettings.Format.IniFormat
        )
        self.window = open_window(self.weights_path, settings)
        self.predictor = self.window.predictor
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        return self.window

    def reset(self):
        """The window as a fresh one would be, as far as these tests can tell."""
        from app.core.drawing import DEFAULT_PEN_WIDTH
        from app.core.workspaces import WORKSPACES

        win = self.window
        if win is None or not win.isVisible() or win.predictor is not self.predictor:
            win = self._open()
        for dialog in win.findChildren(QDialog):
            dialog.close()
        win.session.end_preview()
        if win.isFullScreen():
            win.showNormal()
        win.switch_workspace(WORKSPACES.keys()[0])
        win.restore_default_layout()
        win.actions.pen_width.setValue(round(DEFAULT_PEN_WIDTH))
        drawing = win.context.drawing
        drawing.clear()
        drawing.undo_stack.clear()
        win.resize(*WINDOW_SIZE)
        win.session.refresh_now()
        QApplication.processEvents()
        win.statusBar().clearMessage()
        return win

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            QApplication.processEvents()
            self.window = None


@pytest.fixture(scope="module")
def _module_window(qapp, weights_path: Path, tmp_path_factory: pytest.TempPathFactory):
    shared = SharedWindow(weights_path, tmp_path_factory.mktemp("shared-window"))
    yield shared
    shared.close()


@pytest.fixture(scope="session")
def mnist_test(mnist_dir: Path):
    from model.data.mnist import load_split

    return load_split("test", mnist_dir)
