"""A panel plugs in with one registry line: it gets a dock, a View entry and every result."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app import features
from app.core.panel_contract import Panel, ResultOnly
from app.core.panel_registry import PANELS, PanelSpec, specs
from model.network.inference import Prediction
from tests.gui.mouse import draw_stroke

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


class DigitEcho(ResultOnly, QLabel):
    """The smallest useful panel: the predicted digit as text."""

    def show_result(self, result: Prediction) -> None:
        self.setText("blank" if result.is_blank else str(result.digit))


def test_a_registered_panel_follows_the_drawing(qtbot, weights_path, settings) -> None:
    from app.shell.start import open_window

    assert isinstance(DigitEcho(), Panel)
    features.register_all()
    with PANELS.added(PanelSpec("echo", "Echo", lambda _c: DigitEcho(), size=(120, 60))):
        window = open_window(weights_path, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    echo = window.panels["echo"]
    assert echo.text() == "blank"
    assert window.docks["echo"].objectName() == "dockEcho"
    assert window.docks["echo"].toggleViewAction() in window.view_menu.actions()

    draw_stroke(window.canvas, BAR)
    assert echo.text() == str(window.current_result.digit)
    window.context.drawing.clear()
    qtbot.waitUntil(lambda: echo.text() == "blank")
    assert "echo" not in [s.key for s in specs()]  # unregistered after the block


def test_workspaces_hold_their_own_panels() -> None:
    features.register_all()
    spec = PanelSpec("insight-only", "Insight", lambda _c: DigitEcho(), workspace="insight")
    with PANELS.added(spec):
        assert spec in specs("insight")
        assert spec not in specs()
    assert [s.key for s in specs()][:3] == ["probabilities", "input", "kernels"]
