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
def sandbox_workspace():
    features.register_all()  # the sandbox comes after the app's own workspaces, as a new one would
    spec = WorkspaceSpec("sandbox", "Sandbox", lambda _c: QLabel("sandbox centre"), shortcut="F9")
    with WORKSPACES.added(spec):
        with PANELS.added(
            PanelSpec("sandboxEcho", "Sandbox echo", lambda _c: Echo(), workspace="sandbox")
        ):
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
    with sandbox_workspace():
        window = _window(qtbot, weights_path, settings)
        assert "sandboxEcho" not in window.panels  # built on first use only
        action = window.findChild(type(window.actions.undo), "actionSandbox")
        with qtbot.waitSignal(window.workspace_changed) as changed:
            action.trigger()
        assert changed.args == ["sandbox"]
        assert window.central_stack.currentWidget().text() == "sandbox centre"
        assert window.docks["sandboxEcho"].isVisible()
        assert not window.docks["C1"].isVisible()
        assert window.docks["sandboxEcho"].toggleViewAction() in window.view_menu.actions()
        assert window.docks["C1"].toggleViewAction() not in window.view_menu.actions()

        window.switch_workspace("draw")
        assert window.central_stack.currentWidget() is window.canvas_area
        assert window.docks["C1"].isVisible() and not window.docks["sandboxEcho"].isVisible()
        draw_stroke(window.canvas, BAR)
        window.switch_workspace("sandbox")  # a panel coming back shows the drawing as it stands
        assert window.panels["sandboxEcho"].text() == str(window.current_result.digit)


def test_each_workspace_remembers_its_layout_and_the_last_one_is_reopened(
    qtbot, weights_path, settings
) -> None:
    with sandbox_workspace():
        first = _window(qtbot, weights_path, settings)
        first.docks["kernels"].hide()
        first.switch_workspace("sandbox")
        first.docks["sandboxEcho"].setFloating(True)
        first.close()

        second = _window(qtbot, weights_path, settings)
        assert second.workspace_key == "sandbox"
        assert second.docks["sandboxEcho"].isFloating()
        second.switch_workspace("draw")
        assert not second.docks["kernels"].isVisible()
        second.restore_default_layout()
        assert second.docks["kernels"].isVisible()
        assert not second.docks["sandboxEcho"].isVisible()
