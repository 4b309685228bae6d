"""A feature map shown large beside the kernel(s) that produced it.

In LeNet-5, C1 map k comes from C1 filter k on the input; C2 map k sums C2's six filters
k,0..5 over the six S1 maps; a pooling map (S1, S2) is its convolution map reduced 2x2, so it is
shown with that convolution's kernels. Which kernels, how many and how large, and the sentence
that says how the map is computed come from the reading network's design
(`model.analysis.design_layers.MapLayer`), so a network of the architecture lab is shown as
LeNet-5 is. The dialog is non-modal and follows the drawing live; it closes itself when the
reading network changes to a design without its map.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.session import LiveSession
from app.widgets import palette
from app.widgets.fast_image import FastImageItem
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
from model.analysis.design_layers import MapLayer, design_layers
from model.analysis.receptive_field import LENET5
from model.network.inference import Prediction, Predictor


def describe(map_layer: MapLayer | str, index: int) -> str:
    """One sentence on how this map is computed (a layer name means LeNet-5's layer)."""
    if isinstance(map_layer, str):
        layers = design_layers(LENET5)
        map_layer = layers.map(map_layer)
    if map_layer.kind == "pool":
        kind = (
            QCoreApplication.translate("MapDetailDialog", "max")
            if map_layer.pooling == "max"
            else QCoreApplication.translate("MapDetailDialog", "average")
        )
        return QCoreApplication.translate(
            "MapDetailDialog",
            "{0} map {1} = {2}x{2} {3} pooling of {4} map {1}, which these kernels produce.",
        ).format(map_layer.name, index, map_layer.window, kind, map_layer.below)
    conv = map_layer
    name, act, ins = conv.name, conv.activation, conv.in_channels
    if conv.below == "input":
        text = QCoreApplication.translate(
            "MapDetailDialog", "{0} map {1} = {2}(input ∗ {0} filter {1} + bias)."
        ).format(name, index, act)
    elif ins == 1:
        text = QCoreApplication.translate(
            "MapDetailDialog", "{0} map {1} = {2}({3} map 0 ∗ {0} filter {1},0 + bias)."
        ).format(name, index, act, conv.below)
    else:
        text = QCoreApplication.translate(
            "MapDetailDialog",
            "{0} map {1} = {2}(Σ over the {3} {4} maps ∗ {0} filters {1},0..{5} + bias).",
        ).format(name, index, act, ins, conv.below, ins - 1)
    extra = []
    if conv.stride != 1:
        extra.append(
            QCoreApplication.translate(
                "MapDetailDialog", "The kernel moves {0} pixels at a time (stride {0})."
            ).format(conv.stride)
        )
    if conv.padding:
        extra.append(
            QCoreApplication.translate(
                "MapDetailDialog", "{0} pixels of zeros pad each side of the input."
            ).format(conv.padding)
        )
    return " ".join([text, *extra])


class MapDetailDialog(QDialog):
    def __init__(
        self,
        layer: str | MapLayer,
        index: int,
        parent: QWidget | None = None,
        source: MapLayer | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(layer, str):  # LeNet-5's layer of that name
            lenet = design_layers(LENET5)
            layer = lenet.map(layer)
            source = lenet.map(layer.source)
        source = source or layer
        self.info, self.source = layer, source
        self.setObjectName("mapDetail")
        self.layer, self.index = layer.name, index
        self.setWindowTitle(self.tr("{0} map {1}").format(layer, index))
        self.resize(760, 440)
        graphics = HoverGraphics()
        self.graphics = graphics
        self.map_view = pg.ViewBox(lockAspect=True, invertY=True, enableMouse=False)
        still_view(self.map_view)
        graphics.addItem(self.map_view)
        self.map_image = FastImageItem()
        self.map_view.addItem(self.map_image)
        self.map_bar = pg.ColorBarItem(values=(0, 1), colorMap=ACTIVATION_CMAP, interactive=False)
        self.map_bar.setImageItem(self.map_image)
        graphics.addItem(self.map_bar)
        kernel_count, k = source.in_channels, source.window
        kernels_layout = graphics.addLayout()
        kernels_layout.addLabel(
            self.tr("{0} kernel {1}").format(source.name, index)
            if kernel_count == 1
            else self.tr("{0} kernels {1},0..{2} (per {3} map)").format(
                source.name, index, kernel_count - 1, source.below
            )
        )
        kernels_layout.nextRow()
        cols = 1 if kernel_count == 1 else 2 if kernel_count <= 8 else math.ceil(kernel_count**0.5)
        # several kernels get wide gaps and their input map numbers above them, in the gap: a
        # badge on the tile would hide its top-left weights
        grid = grid_for(kernel_count, k, k, cols, gap=1 if kernel_count == 1 else 2)
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
        text = QLabel(describe(layer, index))
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
                what = self.tr("{0} filter {1}").format(self.source.name, self.index)
            else:
                what = self.tr("{0} filter {1} ← {2} map {3}").format(
                    self.source.name, self.index, self.source.below, tile
                )
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
        maps = result.activations.get(self.layer)
        if maps is not None and maps.shape == self.info.shape:
            self.set_map(maps)

    def set_model(self, predictor: Predictor) -> None:
        """The reading network's kernels; a network without this map closes the dialog."""
        try:
            layers = design_layers(predictor.architecture)
            same = (
                layers.map(self.layer) == self.info and layers.map(self.source.name) == self.source
            )
        except (KeyError, TypeError):
            same = False
        if not same:
            self.close()
            return
        self.set_kernels(predictor.kernels())

    def set_map(self, maps: np.ndarray) -> None:
        """The layer's (count, h, w) activations; shows map `index` at its own scale."""
        levels = activation_levels(maps[self.index])
        self.map_bar.setLevels(levels)
        self.map_image.setImage(maps[self.index], autoLevels=False, levels=levels)

    def set_kernels(self, kernels: dict[str, np.ndarray]) -> None:
        weights = kernels[self.source.name][self.index]  # (maps read, k, k)
        self._weights = weights
        levels = symmetric_levels(weights)
        self.kernel_bar.setLevels(levels)
        self.kernels.set_maps(weights, levels)
