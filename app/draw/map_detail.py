"""A feature map shown large beside the kernel(s) that produced it.

C1 map k comes from C1 filter k on the input; C2 map k sums C2's six filters k,0..5 over the
six S1 maps; a pooling map (S1, S2) is its convolution map reduced 2x2, so it is shown with
that convolution's kernels. The dialog is non-modal and follows the drawing live.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.session import LiveSession
from app.widgets import palette
from app.widgets.hover_view import HoverGraphics
from app.widgets.mosaic import grid_for
from app.widgets.mosaic_view import MosaicView
from app.widgets.plot_style import (
    ACTIVATION_CMAP,
    KERNEL_CMAP,
    activation_levels,
    still_view,
    symmetric_levels,
)
from model.network.inference import Prediction, Predictor

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
        graphics = HoverGraphics()
        self.graphics = graphics
        self.map_view = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False)
        still_view(self.map_view)
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
        # C2's six kernels get wide gaps and their S1 map numbers above them, in the gap: a
        # badge on the tile would hide its top-left weights
        grid = grid_for(kernel_count, 5, 5, cols, gap=1 if kernel_count == 1 else 2)
        self.kernels = MosaicView(kernels_layout, grid, None)
        self.badges: list[pg.TextItem] = []
        if kernel_count > 1:
            for i in range(kernel_count):
                top, left = grid.origin(i)
                badge = pg.TextItem(str(i), color=palette.TILE_LABEL, anchor=(0, 1))
                badge.setPos(left, top - 0.1)
                self.kernels.view.addItem(badge)
                self.badges.append(badge)
            height, width = grid.shape
            self.kernels.view.setRange(QRectF(0, -1.6, width, height + 1.6), padding=0.02)
        self.kernel_bar = pg.ColorBarItem(values=(-1, 1), colorMap=KERNEL_CMAP, interactive=False)
        self.kernel_bar.setImageItem(self.kernels.image)
        graphics.addItem(self.kernel_bar)
        graphics.ci.layout.setColumnStretchFactor(0, 3)
        graphics.ci.layout.setColumnStretchFactor(2, 2)
        text = QLabel(describe(layer, index, activation, pooling))
        text.setWordWrap(True)
        self.hint = self.tr("Hover the map or a kernel for its values")
        self.readout = QLabel(self.hint)
        self.readout.setObjectName("detailReadout")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(graphics)
        layout.addLayout(row, 1)
        layout.addWidget(text)
        layout.addWidget(self.readout)
        graphics.scene().sigMouseMoved.connect(self.hover_at)
        graphics.scene().sigMouseMoved.connect(self.kernels.on_scene_moved)
        graphics.left.connect(self._left)
        self._weights: np.ndarray | None = None

    # ----- hover ------------------------------------------------------------------------------
    def hover_at(self, pos: QPointF) -> None:
        """Say what is under the pointer (scene position): a map unit or a kernel weight."""
        image = self.map_image.image
        if image is not None and self.map_view.sceneBoundingRect().contains(pos):
            p = self.map_image.mapFromScene(pos)
            row, col = int(p.y()), int(p.x())
            if 0 <= p.y() < image.shape[0] and 0 <= p.x() < image.shape[1]:
                self.readout.setText(
                    self.tr("{0} map {1}, row {2}, column {3}: {4:.3f}").format(
                        self.layer, self.index, row, col, float(image[row, col])
                    )
                )
                return
        unit = self.kernels.unit_at_scene(pos)
        if unit is not None and self._weights is not None:
            tile, row, col = unit
            weight = float(self._weights[tile, row, col])
            if len(self._weights) == 1:
                what = self.tr("C1 filter {0}").format(self.index)
            else:
                what = self.tr("C2 filter {0} ← S1 map {1}").format(self.index, tile)
            self.readout.setText(
                self.tr("{0}, weight row {1}, column {2}: {3:+.3f}").format(what, row, col, weight)
            )
            return
        self.readout.setText(self.hint)

    def _left(self) -> None:
        self.kernels.clear_hover()
        self.readout.setText(self.hint)

    def place_beside(self, avoid: QRect, screen: QRect) -> None:
        """Move the dialog next to `avoid` (the canvas, in global coordinates), not over it:
        to its right if there is room on `screen`, else to its left, else below or above."""
        size = self.frameGeometry().size() if self.isVisible() else self.size()
        w, h = size.width(), size.height()
        top = max(screen.top(), min(avoid.top(), screen.bottom() - h))
        candidates = [
            QRect(avoid.right() + 12, top, w, h),
            QRect(avoid.left() - 12 - w, top, w, h),
            QRect(avoid.left(), avoid.bottom() + 12, w, h),
            QRect(avoid.left(), avoid.top() - 12 - h, w, h),
        ]
        for rect in candidates:
            if screen.contains(rect):
                self.move(rect.topLeft())
                return
        # no side has room for the full size: narrow it to the wider side's room
        room_right = screen.right() - avoid.right() - 12
        room_left = avoid.left() - screen.left() - 12
        width = max(min(w, max(room_left, room_right)), 520)  # narrower: the map would vanish
        self.resize(width, h)
        x = avoid.right() + 12 if room_right >= room_left else avoid.left() - 12 - width
        self.move(max(screen.left(), min(x, screen.right() - width)), top)

    def follow(self, session: LiveSession) -> None:
        """Subscribe to the live session until this dialog closes (then unsubscribe)."""
        session.attach(self)
        self.finished.connect(lambda _result: session.detach(self))

    # the panel contract (app.core.panel_contract.Panel)
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
        self._weights = weights
        levels = symmetric_levels(weights)
        self.kernel_bar.setLevels(levels)
        self.kernels.set_maps(weights, levels)
