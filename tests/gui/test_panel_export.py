"""File ▸ Export panel as image…: any shown panel to PNG or SVG, written atomically."""

from __future__ import annotations

import pytest
from PIL import Image

from app.shell.panel_export import export_panel, visible_panels
from tests.gui.mouse import draw_stroke

pytestmark = pytest.mark.shared_window  # one window, reset before each (tests/gui/conftest.py)

BAR = [(140.0, 50.0 + 4 * i) for i in range(46)]


def test_every_shown_panel_exports_to_png_and_svg(window, tmp_path) -> None:
    draw_stroke(window.canvas, BAR)
    panels = visible_panels(window.workspace_docks)
    assert {"C1", "probabilities", "kernels"} <= set(panels)
    png = export_panel(window.workspace_docks, "C1", tmp_path / "c1.png")
    with Image.open(png) as image:
        assert image.size[0] > 50 and image.size[1] > 50
    svg = export_panel(window.workspace_docks, "probabilities", tmp_path / "bars.svg")
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()
    assert window.findChild(type(window.actions.undo), "actionExportPanel") is not None


def test_a_hidden_panel_is_not_offered_and_a_bad_name_is_refused(window, tmp_path) -> None:
    from model.errors import SaveError

    window.docks["kernels"].hide()
    assert "kernels" not in visible_panels(window.workspace_docks)
    with pytest.raises(SaveError, match="png or .svg"):
        export_panel(window.workspace_docks, "C1", tmp_path / "c1.bmp")
    assert list(tmp_path.iterdir()) == []
