"""The Draw workspace's centre: the canvas with the large answer and the label row beneath it.

Built from the context like every workspace (`app/draw/register.py`). It follows the context's
signals that concern the canvas: a unit pointed at in a panel outlines its receptive field on
the drawing, a map asked for opens large beside the canvas, a data set sample opened from
Insight shows its true label under the answer, presentation mode enlarges the answer. A file
dropped on the canvas is opened like File ▸ Open image.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.core.context import AppContext
from app.draw.canvas import DrawingCanvas
from app.draw.canvas_area import CanvasArea
from app.draw.map_detail import MapDetailDialog
from app.draw.open_image import open_image
from app.draw.panels.catalogue import field_rect, hovered_field
from app.draw.panels.digit import DigitPanel
from app.teach import LabelRow, Teacher, answer_with_row
from model.analysis.design_layers import design_layers
from model.analysis.receptive_field import input_field_to_raster
from model.network.inference import Prediction, Predictor

LABEL_BUTTON = 26  # px: the side of a digit button at the normal size (app.teach.label_row)


class Overlay(Protocol):
    """A transparent widget laid over the drawing (e.g. Insight's attribution map)."""

    def attach(self, canvas: DrawingCanvas) -> None: ...


class DrawWorkspace(CanvasArea):
    """The canvas, the answer (`digit_panel`), the label row and its `teacher`. Follows the
    session like a panel (`show_result`, `set_model`: the answer)."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.canvas = DrawingCanvas(context.drawing)
        self.digit_panel = DigitPanel()
        self.label_row = LabelRow()
        super().__init__(self.canvas, answer_with_row(self.digit_panel, self.label_row))
        self.teacher = Teacher(context, self.label_row, self)
        self.canvas.file_dropped.connect(lambda path: open_image(context, path))
        context.unit_hovered.connect(self._on_unit_hovered)
        context.unit_left.connect(lambda: self.canvas.set_highlight(None))
        context.map_requested.connect(self.open_map_detail)
        context.sample_opened.connect(self.digit_panel.set_true_label)
        context.presentation.connect(self._set_presentation)
        context.overlay_requested.connect(self._lay_over)

    # ----- the actions it offers the window (app.core.workspaces.OffersActions) --------------
    def window_actions(self) -> list[QAction]:
        return self.teacher.actions

    def fill_menu(self, name: str, menu: QMenu) -> None:
        if name == "menuTraining":
            self.teacher.fill_menu(menu)

    # ----- the panel contract: the answer follows the session ---------------------------------
    def show_result(self, result: Prediction) -> None:
        self.digit_panel.show_result(result)

    def set_model(self, predictor: Predictor) -> None:
        self.digit_panel.set_model(predictor)

    # ----- following the context --------------------------------------------------------------
    def _on_unit_hovered(self, layer: str, row: int, col: int) -> None:
        preprocessed = self.context.session.shown.preprocessed
        if preprocessed is None or preprocessed.placement is None:
            self.canvas.set_highlight(None)
            return
        reader = self.context.session.reader
        field = input_field_to_raster(hovered_field(reader, layer, row, col), preprocessed)
        self.canvas.set_highlight(field_rect(field))

    def _lay_over(self, overlay: Overlay) -> None:
        overlay.attach(self.canvas)

    def _set_presentation(self, scale: float) -> None:
        """Presentation mode: the answer, the true-label line and the digit buttons grow."""
        self.digit_panel.set_scale(scale)  # the true-label line too
        side = round(LABEL_BUTTON * scale)
        for button in self.label_row.buttons:
            button.setFixedSize(side, side)
        self.updateGeometry()
        self.relayout()

    def open_map_detail(self, layer: str, index: int) -> MapDetailDialog:
        """Open map `index` of `layer` large beside its kernels (non-modal, follows drawing)."""
        layers = design_layers(self.context.session.reader.architecture)
        info = layers.map(layer)  # a map of the reading network: its panels asked for it
        dialog = MapDetailDialog(info, index, self.window(), layers.map(info.source))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.follow(self.context.session)
        canvas = self.canvas.rect().translated(
            self.canvas.mapToGlobal(self.canvas.rect().topLeft())
        )
        dialog.place_beside(canvas, self.screen().availableGeometry())
        dialog.show()
        return dialog

    def details(self) -> list[MapDetailDialog]:
        """The open map detail dialogs."""
        return [d for d in self.window().findChildren(MapDetailDialog) if d.isVisible()]
