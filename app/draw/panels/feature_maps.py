"""A convolution or pooling layer's feature maps: one mosaic, a shared colour scale and bar.

Hovering a unit shows its value below the grid and emits `unit_hovered(layer, map, row, col)`
so the window can highlight that unit's receptive field; clicking a map emits `map_clicked`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.panel_contract import ResultOnly
from app.widgets.hover_view import HoverGraphics
from app.widgets.mosaic import grid_for
from app.widgets.mosaic_view import MosaicView
from app.widgets.plot_style import ACTIVATION_CMAP, held_levels
from model.network.inference import Prediction

HINT = QT_TRANSLATE_NOOP("FeatureMapsPanel", "Hover: value and receptive field · click: enlarge")
#: The hint where the full one would take more than the readout's two lines (800x600).
SHORT_HINT = QT_TRANSLATE_NOOP("FeatureMapsPanel", "Hover: value · click: enlarge")
READOUT_LINES = 2


class FeatureMapsPanel(ResultOnly, QWidget):
    unit_hovered = Signal(str, int, int, int)
    unit_left = Signal()
    map_clicked = Signal(str, int)

    def __init__(self, layer: str, shape: tuple[int, int, int], cols: int) -> None:
        super().__init__()
        self.layer = layer
        self.setObjectName(f"panel{layer}")
        count, h, w = shape
        self.graphics = HoverGraphics()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        grid = grid_for(count, h, w, cols, gap=max(1, h // 10))
        self.mosaic = MosaicView(
            self.graphics.ci, grid, [str(i) for i in range(count)], reflow=True
        )
        self.colorbar = pg.ColorBarItem(
            values=(0, 1), colorMap=ACTIVATION_CMAP, interactive=False, width=10
        )
        self.colorbar.setImageItem(self.mosaic.image)
        self.graphics.ci.addItem(self.colorbar)
        self.readout = QLabel(self.tr(HINT))
        self.readout.setObjectName(f"readout{layer}")
        self.readout.setWordWrap(True)
        self.readout.setToolTip(self.tr(HINT))
        # two lines, always: a three-line hint took the maps' room in a small window, and a
        # readout changing height on hover would move the maps under the pointer
        self._fit_readout_height()
        self._texts = (self.tr(HINT), self.tr(SHORT_HINT))
        self.readout.setText(self.tr(HINT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self.mosaic.on_scene_moved)
        scene.sigMouseClicked.connect(self.mosaic.on_scene_clicked)
        self.graphics.left.connect(self.mosaic.clear_hover)
        self.mosaic.hovered.connect(self._on_hovered)
        self.mosaic.unhovered.connect(self._on_unhovered)
        self.mosaic.clicked.connect(lambda index: self.map_clicked.emit(self.layer, index))
        self._hovered: tuple[int, int, int] | None = None
        self._levels: tuple[float, float] | None = None

    def _fit_readout_height(self) -> None:
        """`READOUT_LINES` lines of the readout as drawn (a Chinese fallback font's lines are
        taller than the main font's line spacing says)."""
        self.readout.setText(self.tr(SHORT_HINT))
        line = self.readout.heightForWidth(100_000)
        self.readout.setFixedHeight(READOUT_LINES * max(line, self.readout.fontMetrics().height()))

    def _set_readout(self, full: str, short: str) -> None:
        """`full` where it fits the readout's lines, else `short`."""
        self._texts = (full, short)
        self.readout.setText(full)
        if self.readout.heightForWidth(max(1, self.readout.width())) > self.readout.height():
            self.readout.setText(short)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_readout(*self._texts)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._fit_readout_height()
            self._set_readout(*self._texts)

    def show_result(self, result: Prediction) -> None:
        self.set_maps(result.activations[self.layer])

    def set_maps(self, maps: np.ndarray) -> None:
        """Update in place: one setImage, levels shared by all maps of the layer."""
        levels = held_levels(self._levels, maps)
        if levels != self._levels:  # bars relayout on change: only when the scale moves
            self._levels = levels
            self.colorbar.setLevels(levels)
        self.mosaic.set_maps(maps, levels)
        if self._hovered is not None:
            self._show_value(*self._hovered)

    def _show_value(self, index: int, row: int, col: int) -> None:
        value = self.mosaic.value(index, row, col)
        full = self.tr("{0} map {1}, unit row {2}, column {3}: {4:.3f}").format(
            self.layer, index, row, col, value
        )
        self._set_readout(full, f"{self.layer} #{index} ({row}, {col}): {value:.3f}")

    def _on_hovered(self, index: int, row: int, col: int) -> None:
        self._hovered = (index, row, col)
        self._show_value(index, row, col)
        self.unit_hovered.emit(self.layer, index, row, col)

    def _on_unhovered(self) -> None:
        self._hovered = None
        self._set_readout(self.tr(HINT), self.tr(SHORT_HINT))
        self.unit_left.emit()
