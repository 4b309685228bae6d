"""Settings persist across runs; the View menu restores docks; the window closes cleanly."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.shell import settings as keys
from app.shell.start import open_window


def test_settings_round_trip(qtbot, weights_path, settings, tmp_path) -> None:
    first = open_window(weights_path, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.minimumSizeHint().expandedTo(first.screen().availableSize() * 0.9))
    size = first.size()  # restoreGeometry clamps to the screen: stay within it
    first.actions.pen_width.setValue(31)
    first.docks["kernels"].hide()
    first.docks["C2"].setFloating(True)
    saved = tmp_path / "again.pt"
    assert first.save_weights(saved) and first.load_weights(saved)
    first.close()

    second = open_window(weights_path, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == size
    assert second.actions.pen_width.value() == 31
    assert second.context.drawing.pen_width == 31
    assert not second.docks["kernels"].isVisible()
    assert second.docks["C2"].isFloating()
    assert settings.value(keys.LAST_WEIGHTS) == str(saved.resolve())
    second.close()


def test_view_menu_toggles_docks_and_restores_the_default_layout(window) -> None:
    dock = window.docks["S2"]
    toggle = dock.toggleViewAction()
    assert toggle in window.view_menu.actions()
    toggle.trigger()
    assert not dock.isVisible()
    window.docks["C1"].setFloating(True)
    window.actions.restore_layout.trigger()
    assert dock.isVisible()
    assert not window.docks["C1"].isFloating()
    assert all(d.objectName() for d in window.docks.values())


def test_menu_actions_are_named_for_automation(window) -> None:
    names = [
        "actionOpenImage",
        "actionClear",
        "actionUndo",
        "actionLoadWeights",
        "actionSaveWeights",
        "actionResetWeights",
        "actionRetrain",
    ]
    for name in names:
        assert window.findChild(type(window.actions.undo), name) is not None, name
    retrain = window.actions.retrain
    assert retrain.shortcut().toString() == "Ctrl+R"
    assert retrain in window.findChild(type(window.view_menu), "menuTraining").actions()


def test_closing_closes_open_dialogs_first(window) -> None:
    dialog = window.open_map_detail("C1", 2)
    assert dialog.isVisible()
    window.close()
    assert not any(d.isVisible() for d in window.findChildren(QDialog))
