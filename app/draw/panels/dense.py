"""The dense layers as activation strips, each with its own colour bar: LeNet-5's F5 (120
units) and F6 (84), or however many and wide the reading network's design has (rebuilt when
the design changes, updated in place per stroke)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Signal
from PySide6.QtGui import QFontMetricsF, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from app.draw.panels.titles import LENET5_LAYERS, dense_title
from app.widgets.fast_image import FastImageItem
from app.widgets.hint_readout import HintReadout
from app.widgets.hover_view import HoverGraphics
from app.widgets.panel_note import panel_note
from app.widgets.plot_style import ACCENT, ACTIVATION_CMAP, GAP_COLOR, held_levels, still_view
from model.analysis.design_layers import DesignLayers, design_layers
from model.network.inference import Prediction, Predictor

HINT = QT_TRANSLATE_NOOP(
    "DensePanel", "Hover a unit for its value (dense units see the whole input)"
)
#: The hint where the full one would take more than the readout's two lines (800x600).
SHORT_HINT = QT_TRANSLATE_NOOP("DensePanel", "Hover a unit for its value")


class _Strip:
    def __init__(self, layout: pg.GraphicsLayout, name: str, size: int, row: int) -> None:
        self.name = name
        self.full_title = f"{name}  ({size})"
        title = layout.addLabel(self.full_title, row=row, col=0, angle=-90)
        title.item.document().setDocumentMargin(0)  # the glyphs alone: at 800x600 a strip is
        title.setText(title.text)  # hardly taller than its title (4 px of margin cut "F6 (84)")
        self.title = title
        self.view = pg.ViewBox()
        still_view(self.view)
        self.view.setBackgroundColor(GAP_COLOR)
        layout.addItem(self.view, row=row, col=1)
        self.values = np.zeros(size, dtype=np.float32)
        self.levels: tuple[float, float] | None = None
        self.image = FastImageItem(self.values[None, :])
        self.view.addItem(self.image)
        self.view.setRange(QRectF(0, 0, size, 1), padding=0)
        self.colorbar = pg.ColorBarItem(
            values=(0, 1), colorMap=ACTIVATION_CMAP, interactive=False, width=8
        )
        self.colorbar.setImageItem(self.image)
        layout.addItem(self.colorbar, row=row, col=2)
        # the hovered unit, outlined as on the maps
        self.marker = QGraphicsRectItem(QRectF(0, 0, 1, 1))
        pen = QPen(ACCENT, 2)
        pen.setCosmetic(True)
        self.marker.setPen(pen)
        self.marker.hide()
        self.view.addItem(self.marker)

    def title_length(self) -> float:
        """The full title's length on screen (it is turned on its side: a height)."""
        return QFontMetricsF(self.title.item.font()).horizontalAdvance(self.full_title)

    def show_full_title(self, full: bool) -> None:
        text = self.full_title if full else self.name
        if text != self.title.text:
            self.title.setText(text)

    def mark(self, index: int | None) -> None:
        """Outline unit `index` (None: no outline)."""
        if index is None:
            self.marker.hide()
        else:
            self.marker.setRect(QRectF(index, 0, 1, 1))
            self.marker.show()

    def set_values(self, values: np.ndarray) -> None:
        self.values = values
        levels = held_levels(self.levels, values)
        if levels != self.levels:
            self.levels = levels
            self.colorbar.setLevels(levels)
            # a strip is short: label only the ends of its scale
            self.colorbar.axis.setTicks([[(v, f"{v:g}") for v in levels]])
        self.image.setImage(values[None, :], autoLevels=False, levels=levels)

    def unit_at(self, pos: QPointF) -> int | None:
        if not self.view.sceneBoundingRect().contains(pos):
            return None
        x = self.image.mapFromScene(pos).x()
        return int(x) if 0 <= x < len(self.values) else None


class DensePanel(QWidget):
    unit_hovered = Signal(str, int)
    unit_left = Signal()
    #: The dock's title for the layers now shown (the window's dock follows it).
    title_changed = Signal(str)

    def __init__(self, layers: DesignLayers = LENET5_LAYERS) -> None:
        super().__init__()
        self.setObjectName("panelDense")
        self.graphics = HoverGraphics()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.readout = HintReadout(self.tr(HINT), self.tr(SHORT_HINT))
        self.readout.setToolTip(self.tr(HINT))
        self.note = panel_note(
            self.tr(
                "This network has no hidden dense layer: its 10 outputs read the flattened "
                "maps directly."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._on_moved)
        self.graphics.left.connect(self._leave)
        self._hovered: tuple[str, int] | None = None
        self.strips: dict[str, _Strip] = {}
        self._key: tuple | None = None
        self.title = ""
        self.set_layers(layers)

    def set_model(self, predictor: Predictor) -> None:
        self.set_layers(design_layers(predictor.architecture))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_titles()

    def _fit_titles(self) -> None:
        """The strips' titles whole (name and size) where every one fits its row, else their
        names alone (800x600, presentation mode: "84) F6" was cut)."""
        if self.strips:
            grid = self.graphics.ci.layout
            _left, top, _right, bottom = grid.getContentsMargins()
            spacing = grid.verticalSpacing() * (len(self.strips) - 1)
            row = (self.graphics.height() - top - bottom - spacing) / len(self.strips)
            full = all(strip.title_length() <= row for strip in self.strips.values())
            for strip in self.strips.values():  # alike, so the strips still line up
                strip.show_full_title(full)

    def set_layers(self, layers: DesignLayers) -> None:
        """One strip per dense layer of the design: rebuilt only when they change."""
        key = tuple((d.name, d.units) for d in layers.dense)
        if key == self._key:
            return
        self._key = key
        self._leave()
        self.graphics.ci.clear()
        self.strips = {
            d.name: _Strip(self.graphics.ci, d.name, d.units, row)
            for row, d in enumerate(layers.dense)
        }
        self.graphics.setVisible(bool(self.strips))
        self._fit_titles()
        self.readout.setVisible(bool(self.strips))
        self.note.setVisible(not self.strips)
        title = dense_title(layers)
        if title != self.title:
            self.title = title
            self.title_changed.emit(title)

    def show_result(self, result: Prediction) -> None:
        for name, strip in self.strips.items():
            values = result.activations.get(name)
            if values is not None and values.shape == strip.values.shape:
                strip.set_values(values)
        if self._hovered is not None:
            self._show(*self._hovered)

    def set_activations(self, *values: np.ndarray) -> None:
        """Each strip's values, in layer order (LeNet-5: F5, F6)."""
        for strip, layer in zip(self.strips.values(), values):
            strip.set_values(layer)
        if self._hovered is not None:
            self._show(*self._hovered)

    def _show(self, name: str, index: int) -> None:
        value = float(self.strips[name].values[index])
        self.readout.show_text(self.tr("{0} unit {1}: {2:.3f}").format(name, index, value))

    def _on_moved(self, pos: QPointF) -> None:
        for name, strip in self.strips.items():
            index = strip.unit_at(pos)
            if index is not None:
                if self._hovered != (name, index):
                    self._hovered = (name, index)
                    for other in self.strips.values():
                        other.mark(index if other is strip else None)
                    self._show(name, index)
                    self.unit_hovered.emit(name, index)
                return
        self._leave()

    def _leave(self) -> None:
        if self._hovered is not None:
            self._hovered = None
            for strip in self.strips.values():
                strip.mark(None)
            self.readout.show_text(self.tr(HINT), self.tr(SHORT_HINT))
            self.unit_left.emit()
