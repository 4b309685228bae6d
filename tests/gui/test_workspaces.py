"""Workspaces: a second view of the same window with its own docks and layout, remembered."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtWidgets import QLabel, QMainWindow

from app import features
from app.core.panel_contract import ResultOnly
from app.core.panel_registry import PANELS, PanelSpec
from app.core.workspaces import WORKSPACES, WorkspaceSpec
from model.network.inference import Prediction
from tests.gui.mouse import draw_stroke

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


class Echo(ResultOnly, QLabel):
    def show_result(self, result: Prediction) -> None:
        self.setText("blank" if result.is_blank else str(result.digit))


@contextmanager
def lab_workspace():
    features.register_all()  # the lab comes after the app's own workspaces, as a new one would
    spec = WorkspaceSpec("lab", "Lab", lambda _c: QLabel("lab centre"), shortcut="F9")
    with WORKSPACES.added(spec):
        with PANELS.added(PanelSpec("labEcho", "Lab echo", lambda _c: Echo(), workspace="lab")):
            yield spec


def _window(qtbot, weights_path, settings) -> QMainWindow:
    from app.shell.start import open_window

    window = open_window(weights_path, settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_switching_shows_the_workspace_and_hides_the_other_docks(
    qtbot, weights_path, settings
) -> None:
    with lab_workspace():
        window = _window(qtbot, weights_path, settings)
        assert "labEcho" not in window.panels  # built on first use only
        action = window.findChild(type(window.actions.undo), "actionLab")
        with qtbot.waitSignal(window.workspace_changed) as changed:
            action.trigger()
        assert changed.args == ["lab"]
        assert window.central_stack.currentWidget().text() == "lab centre"
        assert window.docks["labEcho"].isVisible()
        assert not window.docks["C1"].isVisible()
        assert window.docks["labEcho"].toggleViewAction() in window.view_menu.actions()
        assert window.docks["C1"].toggleViewAction() not in window.view_menu.actions()

        window.switch_workspace("draw")
        assert window.central_stack.currentWidget() is window.canvas_area
        assert window.docks["C1"].isVisible() and not window.docks["labEcho"].isVisible()
        draw_stroke(window.canvas, BAR)
        window.switch_workspace("lab")  # a panel coming back shows the drawing as it stands
        assert window.panels["labEcho"].text() == str(window.current_result.digit)


def test_each_workspace_remembers_its_layout_and_the_last_one_is_reopened(
    qtbot, weights_path, settings
) -> None:
    with lab_workspace():
        first = _window(qtbot, weights_path, settings)
        first.docks["kernels"].hide()
        first.switch_workspace("lab")
        first.docks["labEcho"].setFloating(True)
        first.close()

        second = _window(qtbot, weights_path, settings)
        assert second.workspace_key == "lab"
        assert second.docks["labEcho"].isFloating()
        second.switch_workspace("draw")
        assert not second.docks["kernels"].isVisible()
        second.restore_default_layout()
        assert second.docks["kernels"].isVisible()
        assert not second.docks["labEcho"].isVisible()
