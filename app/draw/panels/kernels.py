"""The learned filters: C1's 6 kernels (5x5) and C2's 16x6 kernels, on a diverging scale.

Columns of the C2 grid are output maps, rows the S1 maps they read. They change only when the
active model changes, so this panel is refreshed on a model swap, not per stroke.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.widgets.hover_view import HoverGraphics
from app.widgets.mosaic import grid_for
from app.widgets.mosaic_view import MosaicView
from app.widgets.plot_style import KERNEL_CMAP, symmetric_levels
from model.network.inference import Prediction, Predictor

HINT = QT_TRANSLATE_NOOP(
    "KernelsPanel",
    "C1: 6 filters. C2: column = output map, row = the S1 map it reads. Colour: weight "
    "relative to the layer's largest. Hover for values.",
)


class KernelsPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelKernels")
        self.graphics = HoverGraphics()
        layout_item = self.graphics.ci
        layout_item.setContentsMargins(2, 2, 2, 2)
        for row, name in enumerate(("C1", "C2")):
            label = layout_item.addLabel(name, row=row, col=0)
            label.setFixedWidth(22)  # a narrow name column: the kernels get the width
        self.c1 = MosaicView(layout_item.addLayout(row=0, col=1), grid_for(6, 5, 5, 6), None)
        # one column per C2 output map, one row per S1 map it reads: a wide, short grid
        self.c2 = MosaicView(layout_item.addLayout(row=1, col=1), grid_for(96, 5, 5, 16), None)
        # the scale runs beneath the kernels: a side bar would take a third of a narrow panel
        self.colorbar = pg.ColorBarItem(
            values=(-1, 1),
            colorMap=KERNEL_CMAP,
            interactive=False,
            width=8,
            orientation="horizontal",
        )
        self.colorbar.setImageItem([self.c1.image, self.c2.image])
        layout_item.addItem(self.colorbar, row=2, col=1)
        layout_item.layout.setRowStretchFactor(0, 1)
        layout_item.layout.setRowStretchFactor(1, 6)
        layout_item.layout.setColumnStretchFactor(1, 10)
        # the full explanation as a tooltip: a paragraph here would squeeze the kernels
        self.readout = QLabel(self.tr("Hover a weight for its value"))
        self.graphics.setToolTip(self.tr(HINT))
        self.readout.setToolTip(self.tr(HINT))
        self.readout.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        scene = self.graphics.scene()
        for view in (self.c1, self.c2):
            scene.sigMouseMoved.connect(view.on_scene_moved)
        self.c1.hovered.connect(lambda i, r, c: self._show("C1", i, 0, r, c))
        self.c2.hovered.connect(lambda i, r, c: self._show("C2", i % 16, i // 16, r, c))
        self.graphics.left.connect(self.c1.clear_hover)
        self.graphics.left.connect(self.c2.clear_hover)
        for view in (self.c1, self.c2):
            view.unhovered.connect(self._clear_readout)
        self.kernels: dict[str, np.ndarray] = {}

    def show_result(self, result: Prediction) -> None:
        """Kernels do not depend on the drawing."""

    def set_model(self, predictor: Predictor) -> None:
        self.set_kernels(predictor.kernels())

    def set_kernels(self, kernels: dict[str, np.ndarray]) -> None:
        """C1 (6, 1, 5, 5) and C2 (16, 6, 5, 5).

        C1 and C2 weights differ in scale, so each layer is shown relative to its own largest
        magnitude: the shared bar runs from -1 to +1 of that, zero in the middle.
        """
        self.kernels = kernels
        c1 = kernels["C1"][:, 0]
        c2 = kernels["C2"].transpose(1, 0, 2, 3).reshape(96, 5, 5)
        self.c1.set_maps(c1 / symmetric_levels(c1)[1], (-1.0, 1.0))
        self.c2.set_maps(c2 / symmetric_levels(c2)[1], (-1.0, 1.0))
        self.colorbar.setLevels((-1.0, 1.0))

    def _show(self, layer: str, out: int, inp: int, row: int, col: int) -> None:
        weight = float(self.kernels[layer][out, inp, row, col]) if self.kernels else 0.0
        if layer == "C1":
            where = self.tr("C1 filter {0}").format(out)
        else:
            where = self.tr("C2 filter {0} (grid column) ← S1 map {1} (grid row)").format(out, inp)
        self.readout.setText(
            self.tr("{0}, weight row {1}, column {2}: {3:+.3f}").format(where, row, col, weight)
        )

    def _clear_readout(self) -> None:
        self.readout.setText(self.tr("Hover a weight for its value"))
