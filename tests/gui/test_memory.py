"""Remembered choices: the model in use (also a retrained one once saved), Recent weights, and
the Retrain dialog's MNIST folder, across restarts (a new window on the same settings)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings

from app.shell import memory
from app.shell import settings as keys
from app.shell.main_window import MainWindow
from app.shell.start import open_window
from model.network.inference import Predictor


def restart(qtbot, window: MainWindow) -> MainWindow:
    """Close the window as the user would and start the app again on its settings."""
    settings = window.settings
    window.close()
    settings.sync()
    last = keys.read_str(settings, keys.LAST_WEIGHTS)
    again = open_window(last, settings)
    qtbot.addWidget(again)
    return again


def test_a_model_put_in_use_and_saved_is_reopened(qtbot, window, weights_path, tmp_path) -> None:
    retrained = Predictor.load(weights_path)
    retrained.checkpoint.path = None  # as a retrain run hands it over: not saved yet
    window.set_predictor(retrained, label="retrained 10:00")
    assert keys.read_str(window.settings, keys.LAST_WEIGHTS) is None
    assert window.save_weights(tmp_path / "mine.pt")
    assert keys.read_str(window.settings, keys.LAST_WEIGHTS) == str(tmp_path / "mine.pt")

    again = restart(qtbot, window)
    assert again.predictor.source == tmp_path / "mine.pt"
    assert "mine.pt" in again.windowTitle()


def test_recent_weights_lists_loaded_files_and_prunes_missing(window, weights_path, tmp_path):
    a, b = tmp_path / "a.pt", tmp_path / "b.pt"
    shutil.copy(weights_path, a)
    shutil.copy(weights_path, b)
    assert window.load_weights(a) and window.load_weights(b) and window.load_weights(a)
    menu = window.actions.recent_weights
    assert menu.objectName() == "menuRecentWeights"
    menu.aboutToShow.emit()
    names = [action.text() for action in menu.actions()]
    assert names == ["&1 a.pt", "&2 b.pt"]

    b.unlink()
    menu.aboutToShow.emit()
    assert [action.text() for action in menu.actions()] == ["&1 a.pt"]
    window.reset_weights()
    assert keys.read_str(window.settings, keys.LAST_WEIGHTS) is None  # shipped: forgotten
    menu.aboutToShow.emit()
    menu.actions()[0].trigger()  # loads a.pt again
    assert window.predictor.source == a


def test_retrain_dialog_remembers_its_mnist_folder(qtbot, window, mnist_dir, tmp_path) -> None:
    window.open_retrain_dialog()
    from app.retrain import RetrainDialog

    dialog = window.findChild(RetrainDialog)
    dialog.data_folder.set_folder(mnist_dir)
    dialog.close()
    again = restart(qtbot, window)
    again.open_retrain_dialog()
    reopened = again.findChild(RetrainDialog)
    assert reopened.data_folder.folder().resolve() == mnist_dir.resolve()  # links allowed
    reopened.close()


def test_recent_list_ignores_junk(tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(keys.RECENT_WEIGHTS, str(tmp_path / "gone.pt"))
    assert memory.recent_weights(settings) == []


def test_retrain_dialog_save_of_the_model_in_use_is_remembered(window, weights_path, tmp_path):
    from app.retrain import RetrainDialog
    from tests.gui.test_consistent_text import fake_outcome

    window.open_retrain_dialog()
    dialog = window.findChild(RetrainDialog)
    dialog.run.outcome = fake_outcome(weights_path, 0.99)
    dialog.use_model()
    assert keys.read_str(window.settings, keys.LAST_WEIGHTS) is None  # not saved yet
    saved = dialog.save_to(tmp_path / "retrained")
    assert saved == tmp_path / "retrained.pt"
    assert keys.read_str(window.settings, keys.LAST_WEIGHTS) == str(saved)
    assert memory.recent_weights(window.settings)[0] == saved
    dialog.close()
