"""The learned filters of every convolution of the reading network, on a diverging scale.

One row per convolution (LeNet-5: C1's 6 kernels of 5x5, then C2's 16x6). A convolution that
reads several maps is a grid whose columns are its output maps and whose rows are the maps of
the layer below they read. Rows, kernel sizes and channel counts come from the network's design
(`model.analysis.design_layers`), so any network of the architecture lab shows its own; one
without a convolution says so. They change only when the reading network changes, so this
panel is refreshed on a model swap, not per stroke.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.draw.panels.titles import LENET5_LAYERS, kernels_title
from app.widgets.hint_readout import HintReadout
from app.widgets.hover_view import HoverGraphics
from app.widgets.mosaic import grid_for
from app.widgets.mosaic_view import MosaicView
from app.widgets.panel_note import panel_note
from app.widgets.plot_style import KERNEL_CMAP, symmetric_levels
from model.analysis.design_layers import DesignLayers, MapLayer, design_layers
from model.network.inference import Prediction, Predictor

COLOUR_HINT = QT_TRANSLATE_NOOP(
    "KernelsPanel", "Colour: weight relative to the layer's largest. Hover for values."
)


def hint(layers: DesignLayers) -> str:
    """The tooltip: what the rows and columns of each layer's grid are."""
    parts = []
    for conv in layers.conv:
        if conv.in_channels == 1:
            text = QCoreApplication.translate("KernelsPanel", "{0}: {1} filters.")
            parts.append(text.format(conv.name, conv.maps))
        elif not transposed(conv):
            text = QCoreApplication.translate(
                "KernelsPanel", "{0}: column = output map, row = the {1} map it reads."
            )
            parts.append(text.format(conv.name, conv.below))
        else:
            text = QCoreApplication.translate(
                "KernelsPanel", "{0}: row = output map, column = the {1} map it reads."
            )
            parts.append(text.format(conv.name, conv.below))
    colour = QCoreApplication.translate("KernelsPanel", COLOUR_HINT)  # i18n: runtime (NOOP)
    return " ".join([*parts, colour])


def transposed(conv: MapLayer) -> bool:
    """Whether a convolution's grid has a row per output map rather than per input map: when
    it reads far more maps than it makes (8 from 64: a 64-row grid would be a thin strip)."""
    return conv.in_channels > 2 * conv.maps


class _Row:
    """One convolution's kernels: (out, in, k, k) as `in` rows of `out` tiles (LeNet-5's C2:
    16 columns, 6 rows), or `out` rows of `in` tiles where it reads many more maps than it
    makes (`transposed`)."""

    def __init__(self, layout: pg.GraphicsLayout, row: int, conv: MapLayer) -> None:
        self.layer, self.below = conv.name, conv.below
        self.outs, self.ins = conv.maps, conv.in_channels
        label = layout.addLabel(conv.name, row=row, col=0)
        label.setFixedWidth(22)  # a narrow name column: the kernels get the width
        k = conv.window
        self.transposed = transposed(conv)
        grid = grid_for(self.outs * self.ins, k, k, self.ins if self.transposed else self.outs)
        # a first layer of many filters may wrap them (LeNet-5's six stay in one row); a grid
        # of output x input maps keeps its meaning, so it never wraps
        wraps = self.ins == 1 and self.outs > 8
        self.mosaic = MosaicView(layout.addLayout(row=row, col=1), grid, None, reflow=wraps)
        #: the row's share of the panel's height: LeNet-5's C1 1, C2 6; capped so that a wide
        #: design's first row is not squeezed to a line
        rows = self.outs if self.transposed else self.ins
        self.stretch = min(rows, 8) if self.ins > 1 else max(1, min(4, self.outs // 16))

    def locate(self, index: int) -> tuple[int, int]:
        """(output map, input map) of tile `index`."""
        if self.transposed:
            return index // self.ins, index % self.ins
        return index % self.outs, index // self.outs

    def set_kernels(self, weights: np.ndarray) -> None:
        """Relative to the layer's largest magnitude: the shared bar runs -1..+1 of it."""
        k = weights.shape[-1]
        order = weights if self.transposed else weights.transpose(1, 0, 2, 3)
        tiles = order.reshape(self.outs * self.ins, k, k)
        self.mosaic.set_maps(tiles / symmetric_levels(tiles)[1], (-1.0, 1.0))


class KernelsPanel(QWidget):
    #: The dock's title for the kernels now shown (the window's dock follows it).
    title_changed = Signal(str)

    def __init__(self, layers: DesignLayers = LENET5_LAYERS) -> None:
        super().__init__()
        self.setObjectName("panelKernels")
        self.graphics = HoverGraphics()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.note = panel_note(
            self.tr(
                "This network has no convolution, so it has no kernels: each unit of its "
                "first layer has its own weight for every input pixel."
            )
        )
        # the full explanation as a tooltip: a paragraph here would squeeze the kernels
        # one line, whatever is hovered: a readout that grew on hover shrank the kernels under
        # the pointer (by a third at 800x600)
        self.readout = HintReadout(*self._idle_texts(), lines=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._on_moved)
        self.graphics.left.connect(self._leave)
        self.rows: list[_Row] = []
        self._hovered: _Row | None = None
        self.kernels: dict[str, np.ndarray] = {}
        self._key: tuple | None = None
        self.title = ""
        self.set_layers(layers)

    @property
    def c1(self) -> MosaicView:
        return self.row("C1").mosaic

    @property
    def c2(self) -> MosaicView:
        return self.row("C2").mosaic

    def row(self, layer: str) -> _Row:
        return next(r for r in self.rows if r.layer == layer)

    def set_layers(self, layers: DesignLayers) -> None:
        """Lay out the design's convolutions: rebuilt only when their shapes change."""
        key = tuple(layers.kernel_shapes().items())
        if key == self._key:
            return
        self._key = key
        self._leave()
        ci = self.graphics.ci
        ci.clear()
        self.rows = [_Row(ci, row, conv) for row, conv in enumerate(layers.conv)]
        if self.rows:
            # the scale runs beneath the kernels: a side bar would take a third of a narrow panel
            self.colorbar = pg.ColorBarItem(
                values=(-1, 1),
                colorMap=KERNEL_CMAP,
                interactive=False,
                width=8,
                orientation="horizontal",
            )
            self.colorbar.setImageItem([r.mosaic.image for r in self.rows])
            ci.addItem(self.colorbar, row=len(self.rows), col=1)
            for index, row in enumerate(self.rows):  # a row's height follows its grid's
                ci.layout.setRowStretchFactor(index, row.stretch)
            ci.layout.setColumnStretchFactor(1, 10)
        for row in self.rows:
            row.mosaic.hovered.connect(lambda i, r, c, row=row: self._show(row, i, r, c))
            row.mosaic.unhovered.connect(lambda row=row: self._unhovered(row))
        text = hint(layers)
        self.graphics.setToolTip(text)
        self.readout.setToolTip(text)
        self.graphics.setVisible(bool(self.rows))
        self.readout.setVisible(bool(self.rows))
        self.note.setVisible(not self.rows)
        self.kernels = {}
        title = kernels_title(layers)
        if title != self.title:
            self.title = title
            self.title_changed.emit(title)

    def show_result(self, result: Prediction) -> None:
        """Kernels do not depend on the drawing."""

    def set_model(self, predictor: Predictor) -> None:
        self.set_layers(design_layers(predictor.architecture))
        self.set_kernels(predictor.kernels())

    def set_kernels(self, kernels: dict[str, np.ndarray]) -> None:
        """Every convolution's (out, in, k, k) filters by layer name, e.g. LeNet-5's C1
        (6, 1, 5, 5) and C2 (16, 6, 5, 5).

        Layers' weights differ in scale, so each layer is shown relative to its own largest
        magnitude: the shared bar runs from -1 to +1 of that, zero in the middle.
        """
        self.kernels = kernels
        for row in self.rows:
            if row.layer in kernels:
                row.set_kernels(kernels[row.layer])
        if self.rows:
            self.colorbar.setLevels((-1.0, 1.0))

    def _on_moved(self, pos: object) -> None:
        for row in self.rows:
            row.mosaic.on_scene_moved(pos)

    def _leave(self) -> None:
        for row in self.rows:
            row.mosaic.clear_hover()

    def _unhovered(self, row: _Row) -> None:
        if self._hovered is row:  # not when the pointer moved on to another layer's row
            self._hovered = None
            self._clear_readout()

    def _show(self, row: _Row, index: int, r: int, c: int) -> None:
        self._hovered = row
        out, inp = row.locate(index)
        weights = self.kernels.get(row.layer)
        weight = float(weights[out, inp, r, c]) if weights is not None else 0.0
        if row.ins == 1:
            where = brief = self.tr("{0} filter {1}").format(row.layer, out)
        else:
            brief = self.tr("{0} filter {1} ← {2} map {3}").format(row.layer, out, row.below, inp)
            if row.transposed:
                where = self.tr("{0} filter {1} (grid row) ← {2} map {3} (grid column)")
            else:
                where = self.tr("{0} filter {1} (grid column) ← {2} map {3} (grid row)")
            where = where.format(row.layer, out, row.below, inp)
        self.readout.show_text(
            self.tr("{0}, weight row {1}, column {2}: {3:+.3f}").format(where, r, c, weight),
            # the value first: a narrow panel cuts the end of the line
            self.tr("{0:+.3f}  {1}, ({2}, {3})").format(weight, brief, r, c),
        )

    def _clear_readout(self) -> None:
        self.readout.show_text(*self._idle_texts())

    def _idle_texts(self) -> tuple[str, str]:
        return self.tr("Hover a weight for its value"), self.tr("Hover: value")
