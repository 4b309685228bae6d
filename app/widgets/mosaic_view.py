"""One labelled grid of maps inside a pyqtgraph layout: a single ImageItem plus overlays.

Shared by the feature-map and kernel panels. It turns scene coordinates into
(map index, row, col) for hover and click, and keeps one outline item for the hovered unit,
moved rather than recreated.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from app.widgets import palette
from app.widgets.fast_image import FastImageItem
from app.widgets.mosaic import Grid, grid_for
from app.widgets.plot_style import ACCENT, quiet_view

#: On-screen size (px) of a map below which its index badge would hide most of it.
BADGE_MIN_TILE = 26


class MosaicView(QObject):
    """A ViewBox showing `grid`'s tiles; emits `hovered(index, row, col)` and `clicked(index)`."""

    hovered = Signal(int, int, int)
    unhovered = Signal()
    clicked = Signal(int)

    def __init__(
        self,
        layout: pg.GraphicsLayout,
        grid: Grid,
        labels: list[str] | None,
        font_px: int | None = None,
        reflow: bool = False,
    ) -> None:
        super().__init__()
        self.grid = grid
        self.view = pg.ViewBox()
        quiet_view(self.view)
        layout.addItem(self.view)
        self.image = FastImageItem(grid.tile(np.zeros((grid.count, grid.tile_h, grid.tile_w))))
        self.view.addItem(self.image)
        self.data = np.zeros((grid.count, grid.tile_h, grid.tile_w), dtype=np.float32)
        self._labels = []
        if labels:
            font_px = font_px or max(7, min(11, grid.tile_h // 2))
            for index, text in enumerate(labels):
                top, left = grid.origin(index)
                label = pg.TextItem(
                    text,
                    color=palette.TILE_LABEL,
                    anchor=(0, 0),
                    fill=palette.qcolor(palette.TILE_LABEL_FILL, 170),
                )
                font = label.textItem.font()
                font.setPixelSize(font_px)
                label.setFont(font)
                label.setPos(left, top)
                # the badges never change: paint them from a cached pixmap, not text, each frame
                for item in (label, label.textItem):
                    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                self.view.addItem(label)
                self._labels.append(label)
        self._font_px = font_px or 11
        self._reflow = reflow
        self._levels: tuple[float, float] | None = None
        self.view.sigResized.connect(self._resized)
        self.marker = QGraphicsRectItem(0, 0, 1, 1)
        pen = QPen(ACCENT, 0)
        pen.setCosmetic(True)
        pen.setWidth(2)
        self.marker.setPen(pen)
        self.marker.setBrush(palette.qcolor("#000000", 0))
        self.marker.setZValue(10)
        self.marker.hide()
        self.view.addItem(self.marker)
        h, w = grid.shape
        self.view.setRange(QRectF(0, 0, w, h), padding=0.02)
        self._hover: tuple[int, int, int] | None = None

    def _resized(self) -> None:
        if self._reflow:
            self.reflow()
        self.fit_labels()

    def reflow(self) -> None:
        """As many columns as make the maps largest in the view's shape: C1's 3x2 grid in a
        tall, narrow panel drew 20 px maps where 2x3 draws them 30 px and more."""
        width, height = self.view.width(), self.view.height()
        if width <= 0 or height <= 0:
            return
        g = self.grid

        def size(cols: int) -> float:
            grid = grid_for(g.count, g.tile_h, g.tile_w, cols, g.gap)
            return min(width / grid.shape[1], height / grid.shape[0])

        best = max(range(1, g.count + 1), key=lambda c: (size(c), c == g.cols))
        if best != g.cols and size(best) > size(g.cols) * 1.05:  # no flicker at a tie
            self.set_grid(grid_for(g.count, g.tile_h, g.tile_w, best, g.gap))

    def set_grid(self, grid: Grid) -> None:
        """Lay the same maps out as `grid` (another number of columns)."""
        self.grid = grid
        for index, label in enumerate(self._labels):
            top, left = grid.origin(index)
            label.setPos(left, top)
        image = grid.tile(self.data)
        if self._levels is None:
            self.image.setImage(image)
        else:
            self.image.setImage(image, autoLevels=False, levels=self._levels)
        self.marker.hide()
        self._hover = None
        h, w = grid.shape
        self.view.setRange(QRectF(0, 0, w, h), padding=0.02)

    def fit_labels(self) -> None:
        """Index badges sized to the tiles as drawn: fixed 7-11 px badges covered much of a
        20 px map in a small window; below `BADGE_MIN_TILE` px they hide (the tooltip and the
        hover readout still name the map)."""
        if not self._labels or self.view.width() <= 0:
            return
        ratio = min(self.view.width() / self.grid.shape[1], self.view.height() / self.grid.shape[0])
        tile = ratio * min(self.grid.tile_h, self.grid.tile_w)  # px of one map on screen
        shown = tile >= BADGE_MIN_TILE
        px = int(max(7, min(self._font_px, tile * 0.28)))
        for label in self._labels:
            label.setVisible(shown)
            font = label.textItem.font()
            if shown and font.pixelSize() != px:
                font.setPixelSize(px)
                label.setFont(font)

    def set_maps(self, maps: np.ndarray, levels: tuple[float, float]) -> None:
        """Show (count, h, w) maps with the given shared colour levels."""
        self.data = maps
        self._levels = levels
        self.image.setImage(self.grid.tile(maps), autoLevels=False, levels=levels)

    def value(self, index: int, row: int, col: int) -> float:
        return float(self.data[index, row, col])

    def unit_at_scene(self, pos: QPointF) -> tuple[int, int, int] | None:
        if not self.view.sceneBoundingRect().contains(pos):
            return None
        p = self.image.mapFromScene(pos)
        return self.grid.locate(p.y(), p.x())

    def scene_pos_of(self, index: int, row: int, col: int) -> QPointF:
        """Scene position of a unit's centre (tests and benchmarks aim the pointer with it)."""
        top, left = self.grid.origin(index)
        return self.image.mapToScene(QPointF(left + col + 0.5, top + row + 0.5))

    def on_scene_moved(self, pos: QPointF) -> None:
        unit = self.unit_at_scene(pos)
        if unit == self._hover:
            return
        self._hover = unit
        if unit is None:
            self.marker.hide()
            self.unhovered.emit()
            return
        index, row, col = unit
        top, left = self.grid.origin(index)
        self.marker.setRect(QRectF(left + col, top + row, 1, 1))
        self.marker.show()
        self.hovered.emit(index, row, col)

    def on_scene_clicked(self, event: MouseClickEvent) -> None:
        unit = self.unit_at_scene(event.scenePos())
        if unit is not None:
            self.clicked.emit(unit[0])

    def clear_hover(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.marker.hide()
            self.unhovered.emit()
