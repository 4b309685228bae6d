"""A dock's feature maps: the design's convolution or pooling layers of one slot, each as one
mosaic with its own colour scale and bar.

Which layers a dock shows comes from the reading network's design (`app.draw.panels.titles`:
C1 and S1 are the first stage's, C2 and S2 every later stage's), so a network of the
architecture lab shows its own number of maps and map sizes, and a design without a layer of
this slot says why in place of the maps. The items are built only when the design's layers
change (`set_model`); a stroke only updates the images in place (`show_result`).

Hovering a unit shows its value below the grid and emits `unit_hovered(layer, map, row, col)`
so the window can highlight that unit's receptive field; clicking a map emits `map_clicked`.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.draw.panels.titles import LENET5_LAYERS, empty_note, map_title, slot_layers
from app.widgets.hint_readout import HintReadout
from app.widgets.hover_view import HoverGraphics
from app.widgets.mosaic import grid_for
from app.widgets.mosaic_view import MosaicView
from app.widgets.panel_note import panel_note
from app.widgets.plot_style import ACTIVATION_CMAP, held_levels
from model.analysis.design_layers import DesignLayers, MapLayer, design_layers
from model.network.inference import Prediction, Predictor

HINT = QT_TRANSLATE_NOOP("FeatureMapsPanel", "Hover: value and receptive field · click: enlarge")
#: The hint where the full one would take more than the readout's two lines (800x600).
SHORT_HINT = QT_TRANSLATE_NOOP("FeatureMapsPanel", "Hover: value · click: enlarge")
READOUT_LINES = 2


def grid_columns(count: int) -> int:
    """A near-square grid to start from (LeNet-5: 6 maps in 3 columns, 16 in 4); the mosaic
    reflows to the view's shape once shown."""
    return max(1, math.ceil(math.sqrt(count)))


class _Section:
    """One layer's maps: a mosaic and its colour bar, in `layout` (the panel's own for a single
    layer, one titled row of it for several)."""

    def __init__(self, layout: pg.GraphicsLayout, layer: MapLayer, titled: bool) -> None:
        self.layer = layer.name
        count, h, w = layer.shape
        if titled:
            layout.addLabel(layer.name, angle=-90)
        grid = grid_for(count, h, w, grid_columns(count), gap=max(1, h // 10))
        self.mosaic = MosaicView(layout, grid, [str(i) for i in range(count)], reflow=True)
        self.colorbar = pg.ColorBarItem(
            values=(0, 1), colorMap=ACTIVATION_CMAP, interactive=False, width=10
        )
        self.colorbar.setImageItem(self.mosaic.image)
        layout.addItem(self.colorbar)
        self.levels: tuple[float, float] | None = None

    def set_maps(self, maps: np.ndarray) -> None:
        """Update in place: one setImage, levels shared by all maps of the layer."""
        levels = held_levels(self.levels, maps)
        if levels != self.levels:  # bars relayout on change: only when the scale moves
            self.levels = levels
            self.colorbar.setLevels(levels)
        self.mosaic.set_maps(maps, levels)


class FeatureMapsPanel(QWidget):
    unit_hovered = Signal(str, int, int, int)
    unit_left = Signal()
    map_clicked = Signal(str, int)
    #: The dock's title for the layers now shown (the window's dock follows it).
    title_changed = Signal(str)

    def __init__(self, slot: str, layers: DesignLayers = LENET5_LAYERS) -> None:
        super().__init__()
        self.slot = slot
        self.setObjectName(f"panel{slot}")
        self.graphics = HoverGraphics()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.note = panel_note()
        self.note.setObjectName(f"note{slot}")
        self.readout = HintReadout(self.tr(HINT), self.tr(SHORT_HINT), READOUT_LINES)
        self.readout.setObjectName(f"readout{slot}")
        self.readout.setToolTip(self.tr(HINT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.readout)

        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._on_scene_moved)
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        self.graphics.left.connect(self._clear_hover)
        self.sections: list[_Section] = []
        self._hovered: tuple[int, int, int, int] | None = None  # (section, map, row, col)
        self._key: tuple | None = None
        self.title = ""
        self.set_layers(layers)

    # ----- which layers ------------------------------------------------------------------------
    @property
    def layers(self) -> tuple[str, ...]:
        """The names of the layers shown (none for a design without this slot's layers)."""
        return tuple(s.layer for s in self.sections)

    @property
    def layer(self) -> str:
        """The first layer shown (the slot's name when there is none)."""
        return self.sections[0].layer if self.sections else self.slot

    @property
    def mosaic(self) -> MosaicView:
        return self.sections[0].mosaic

    @property
    def colorbar(self) -> pg.ColorBarItem:
        return self.sections[0].colorbar

    def section(self, layer: str) -> _Section:
        return next(s for s in self.sections if s.layer == layer)

    def set_model(self, predictor: Predictor) -> None:
        self.set_layers(design_layers(predictor.architecture))

    def set_layers(self, layers: DesignLayers) -> None:
        """Lay out this slot's layers of a design: rebuilt only when they change."""
        shown = slot_layers(layers, self.slot)
        key = tuple((m.name, m.shape) for m in shown) or (empty_note(self.slot, layers),)
        if key == self._key:
            return
        self._key = key
        self._clear_hover()
        self.graphics.ci.clear()
        self.sections = []
        titled = len(shown) > 1
        for row, layer in enumerate(shown):
            target = self.graphics.ci.addLayout(row=row, col=0) if titled else self.graphics.ci
            self.sections.append(_Section(target, layer, titled))
        for index, section in enumerate(self.sections):
            section.mosaic.hovered.connect(lambda m, r, c, i=index: self._on_hovered(i, m, r, c))
            section.mosaic.unhovered.connect(lambda i=index: self._on_unhovered(i))
            section.mosaic.clicked.connect(
                lambda m, name=section.layer: self.map_clicked.emit(name, m)
            )
        self.graphics.setVisible(bool(shown))
        self.note.setVisible(not shown)
        self.note.setText("" if shown else empty_note(self.slot, layers))
        self.readout.setVisible(bool(shown))
        title = map_title(self.slot, shown)
        if title != self.title:
            self.title = title
            self.title_changed.emit(title)

    # ----- following the drawing -------------------------------------------------------------
    def show_result(self, result: Prediction) -> None:
        for section in self.sections:
            maps = result.activations.get(section.layer)
            if maps is not None and maps.shape == section.mosaic.data.shape:
                section.set_maps(maps)
        if self._hovered is not None:
            self._show_value(*self._hovered)

    def set_maps(self, maps: np.ndarray) -> None:
        """The first layer's (count, h, w) maps (LeNet-5's docks show one layer each)."""
        self.sections[0].set_maps(maps)
        if self._hovered is not None:
            self._show_value(*self._hovered)

    # ----- hover -----------------------------------------------------------------------------
    def _on_scene_moved(self, pos: QPointF) -> None:
        for section in self.sections:
            section.mosaic.on_scene_moved(pos)

    def _on_scene_clicked(self, event: object) -> None:
        for section in self.sections:
            section.mosaic.on_scene_clicked(event)

    def _clear_hover(self) -> None:
        for section in self.sections:
            section.mosaic.clear_hover()

    def _show_value(self, section: int, index: int, row: int, col: int) -> None:
        layer = self.sections[section].layer
        value = self.sections[section].mosaic.value(index, row, col)
        full = self.tr("{0} map {1}, unit row {2}, column {3}: {4:.3f}").format(
            layer, index, row, col, value
        )
        self.readout.show_text(full, f"{layer} #{index} ({row}, {col}): {value:.3f}")

    def _on_hovered(self, section: int, index: int, row: int, col: int) -> None:
        self._hovered = (section, index, row, col)
        self._show_value(section, index, row, col)
        self.unit_hovered.emit(self.sections[section].layer, index, row, col)

    def _on_unhovered(self, section: int) -> None:
        if self._hovered is None or self._hovered[0] != section:
            return  # another layer of this dock is pointed at now
        self._hovered = None
        self.readout.show_text(self.tr(HINT), self.tr(SHORT_HINT))
        self.unit_left.emit()
