"""A feature map shown large beside the kernel(s) that produced it.

C1 map k comes from C1 filter k on the input; C2 map k sums C2's six filters k,0..5 over the
six S1 maps; a pooling map (S1, S2) is its convolution map reduced 2x2, so it is shown with
that convolution's kernels. The dialog is non-modal and follows the drawing live.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.mosaic import grid_for
from app.panels.mosaic_view import MosaicView
from app.panels.style import ACTIVATION_CMAP, KERNEL_CMAP, activation_levels, symmetric_levels
from app.session import LiveSession
from model.inference import Prediction, Predictor

SOURCE = {"C1": "C1", "S1": "C1", "C2": "C2", "S2": "C2"}


def describe(layer: str, index: int, activation: str = "relu", pooling: str = "max") -> str:
    """One sentence on how this map is computed."""
    if layer == "C1":
        return QCoreApplication.translate(
            "MapDetailDialog", "C1 map {0} = {1}(input ∗ C1 filter {0} + bias)."
        ).format(index, activation)
    if layer == "C2":
        return QCoreApplication.translate(
            "MapDetailDialog",
            "C2 map {0} = {1}(Σ over the 6 S1 maps ∗ C2 filters {0},0..5 + bias).",
        ).format(index, activation)
    source = "C1" if layer == "S1" else "C2"
    kind = (
        QCoreApplication.translate("MapDetailDialog", "max")
        if pooling == "max"
        else QCoreApplication.translate("MapDetailDialog", "average")
    )
    return QCoreApplication.translate(
        "MapDetailDialog",
        "{0} map {1} = 2x2 {2} pooling of {3} map {1}, which these kernels produce.",
    ).format(layer, index, kind, source)


class MapDetailDialog(QDialog):
    def __init__(
        self,
        layer: str,
        index: int,
        parent: QWidget | None = None,
        activation: str = "relu",
        pooling: str = "max",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapDetail")
        self.layer, self.index = layer, index
        self.setWindowTitle(self.tr("{0} map {1}").format(layer, index))
        self.resize(760, 440)
        graphics = pg.GraphicsLayoutWidget()
        self.map_view = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.map_view.setMenuEnabled(False)
        graphics.addItem(self.map_view)
        self.map_image = pg.ImageItem()
        self.map_view.addItem(self.map_image)
        self.map_bar = pg.ColorBarItem(values=(0, 1), colorMap=ACTIVATION_CMAP, interactive=False)
        self.map_bar.setImageItem(self.map_image)
        graphics.addItem(self.map_bar)
        kernel_count = 1 if SOURCE[layer] == "C1" else 6
        kernels_layout = graphics.addLayout()
        kernels_layout.addLabel(
            self.tr("{0} kernel {1}").format(SOURCE[layer], index)
            if kernel_count == 1
            else self.tr("C2 kernels {0},0..5 (per S1 map)").format(index)
        )
        kernels_layout.nextRow()
        cols = 1 if kernel_count == 1 else 2
        self.kernels = MosaicView(
            kernels_layout,
            grid_for(kernel_count, 5, 5, cols),
            None if kernel_count == 1 else [str(i) for i in range(6)],
            font_px=10,
        )
        self.kernel_bar = pg.ColorBarItem(values=(-1, 1), colorMap=KERNEL_CMAP, interactive=False)
        self.kernel_bar.setImageItem(self.kernels.image)
        graphics.addItem(self.kernel_bar)
        graphics.ci.layout.setColumnStretchFactor(0, 3)
        graphics.ci.layout.setColumnStretchFactor(2, 2)
        text = QLabel(describe(layer, index, activation, pooling))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(graphics)
        layout.addLayout(row, 1)
        layout.addWidget(text)

    def follow(self, session: LiveSession) -> None:
        """Subscribe to the live session until this dialog closes (then unsubscribe)."""
        session.attach(self)
        self.finished.connect(lambda _result: session.detach(self))

    # the panel contract (app.panels.contract.Panel)
    def show_result(self, result: Prediction) -> None:
        self.set_map(result.activations[self.layer])

    def set_model(self, predictor: Predictor) -> None:
        self.set_kernels(predictor.kernels())

    def set_map(self, maps: np.ndarray) -> None:
        """The layer's (count, h, w) activations; shows map `index` at its own scale."""
        levels = activation_levels(maps[self.index])
        self.map_bar.setLevels(levels)
        self.map_image.setImage(maps[self.index], autoLevels=False, levels=levels)

    def set_kernels(self, kernels: dict[str, np.ndarray]) -> None:
        weights = kernels[SOURCE[self.layer]][self.index]  # (1 or 6, 5, 5)
        levels = symmetric_levels(weights)
        self.kernel_bar.setLevels(levels)
        self.kernels.set_maps(weights, levels)
