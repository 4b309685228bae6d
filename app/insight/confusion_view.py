"""The 10x10 confusion matrix: counts in the cells, colour by row-normalised rate, per-class
accuracy beside it; click a cell, a row header (a true digit) or a column header (a prediction).

Rows are true digits, columns predictions (as `model.analysis.accuracy` counts them). In "signed"
mode
it shows a difference of two matrices (model B minus A) with a colour-blind-safe diverging map.
Cell (row, col) covers view coordinates [col, col+1) x [row, row+1); headers sit at -1.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from app.insight.colors import DIVERGING, SEQUENTIAL
from app.widgets import palette
from app.widgets.fast_image import FastImageItem
from app.widgets.plot_style import still_view

HEADER = -1.0
ACCURACY_X = 10.2
RANGE = QRectF(-1.2, -1.6, 13.6, 11.8)  # the headers, the cells and the accuracy column


class ConfusionView(pg.GraphicsLayoutWidget):
    """Emits `selected(true, predicted)`: either may be None (a header: a whole row or column)."""

    selected = Signal(object, object)

    def __init__(self, signed: bool = False) -> None:
        super().__init__()
        self.setObjectName("confusionMatrix")
        self.signed = signed
        self.view = self.addViewBox()
        self.view.setAspectLocked(True)
        self.view.invertY(True)
        still_view(self.view)
        self.view.setRange(RANGE, padding=0)
        self.image = FastImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.matrix: np.ndarray | None = None
        font = QFont()
        font.setPointSize(8)
        self._cells = [[self._text("", font) for _ in range(10)] for _ in range(10)]
        for r in range(10):
            for c in range(10):
                self._cells[r][c].setPos(c + 0.5, r + 0.5)
        bold = QFont(font)
        bold.setBold(True)
        for d in range(10):
            self._text(str(d), bold).setPos(HEADER + 0.5, d + 0.5)
            self._text(str(d), bold).setPos(d + 0.5, HEADER + 0.5)
        self._text(self.tr("true ↓  predicted →"), font, anchor=(0, 0.5)).setPos(-1.0, -1.3)
        self._accuracy = [self._text("", font, anchor=(0, 0.5)) for _ in range(10)]
        for r, item in enumerate(self._accuracy):
            item.setPos(ACCURACY_X, r + 0.5)
        self._text(self.tr("Δ acc.") if signed else self.tr("acc."), bold, (0, 0.5)).setPos(
            ACCURACY_X, HEADER + 0.5
        )
        self.highlight = QGraphicsRectItem()
        self.highlight.setPen(QPen(QColor(palette.ACCENT), 0.08))
        self.highlight.setVisible(False)
        self.view.addItem(self.highlight)
        self.scene().sigMouseClicked.connect(self._clicked)
        self._fonts = (font, bold)
        self._px = 0
        self.view.sigResized.connect(self._fit_fonts)

    def _fit_fonts(self) -> None:
        """Text scaled to the cells: fixed 8 pt numbers overlapped ("1123") in a small view and
        ran past its edge at the right ("100.0" without "%"); in a large one they were lost."""
        width, height = self.view.width(), self.view.height()
        if width <= 0 or height <= 0:
            return
        cell = min(
            width / RANGE.width(), height / RANGE.height()
        )  # px per cell (the aspect is locked)
        # a 4-digit count fills at most 85% of a cell: digits are about 0.6 em wide
        px = int(max(6, min(cell * 0.85 / (4 * 0.62), cell * 0.5)))
        if px == self._px:
            return
        self._px = px
        for font in self._fonts:
            font.setPixelSize(px)
        plain, bold = self._fonts
        for item in self.view.addedItems:
            if isinstance(item, pg.TextItem):
                item.setFont(bold if item.textItem.font().bold() else plain)

    def _text(self, text: str, font: QFont, anchor: tuple[float, float] = (0.5, 0.5)):
        item = pg.TextItem(text, color=palette.PLOT_TEXT, anchor=anchor)
        item.setFont(font)
        self.view.addItem(item)
        return item

    def content_scene_rect(self) -> QRectF:
        """Where the matrix, its headers and the accuracy column are in the scene (an export
        crops to it: the aspect-locked view has empty bands above and below)."""
        return self.view.mapViewToScene(RANGE).boundingRect()

    # ----- content ----------------------------------------------------------------------------
    def set_matrix(self, matrix: np.ndarray | None, per_class: np.ndarray | None = None) -> None:
        """Show `matrix` (10x10 ints; None clears) and the per-class figure beside each row
        (accuracy, or its difference in signed mode)."""
        self.matrix = None if matrix is None else np.asarray(matrix)
        if matrix is None:
            self.image.clear()
            for row in self._cells:
                for cell in row:
                    cell.setText("")
            for item in self._accuracy:
                item.setText("")
            return
        m = self.matrix.astype(np.float64)
        if self.signed:
            scale = max(1.0, float(np.abs(m).max()))
            rgba = DIVERGING.map((m / scale + 1) / 2, mode="byte")
        else:
            totals = m.sum(1, keepdims=True)
            rates = np.divide(m, totals, out=np.zeros_like(m), where=totals > 0)
            rgba = SEQUENTIAL.map(rates, mode="byte")
        self.image.setImage(rgba.reshape(10, 10, 4), levels=None, autoLevels=False)
        self.image.setRect(QRectF(0, 0, 10, 10))  # after setImage: the rect scales its pixels
        for r in range(10):
            for c in range(10):
                value = int(self.matrix[r, c])
                text = (f"{value:+d}" if value else "0") if self.signed else str(value)
                rgb = rgba.reshape(10, 10, 4)[r, c, :3].astype(float)
                dark = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140
                self._cells[r][c].setText(text, color="#101214" if dark else "#f0f0f0")
        for r, item in enumerate(self._accuracy):
            value = None if per_class is None else float(per_class[r])
            if value is None or math.isnan(value):
                item.setText("–")
            elif self.signed:
                item.setText(f"{value * 100:+.1f}")
            else:
                item.setText(f"{value:.1%}")

    def set_selection(self, true: int | None, predicted: int | None) -> None:
        if true is None and predicted is None:
            self.highlight.setVisible(False)
            return
        x, w = (0.0, 10.0) if predicted is None else (float(predicted), 1.0)
        y, h = (0.0, 10.0) if true is None else (float(true), 1.0)
        self.highlight.setRect(QRectF(x, y, w, h))
        self.highlight.setVisible(True)

    # ----- clicks -----------------------------------------------------------------------------
    def cell_at(self, point: QPointF) -> tuple[int | None, int | None] | None:
        """(true, predicted) under a view point: a cell, a row header (true, None) or a column
        header (None, predicted); None elsewhere."""
        col, row = math.floor(point.x()), math.floor(point.y())
        if 0 <= row < 10 and 0 <= col < 10:
            return row, col
        if col == -1 and 0 <= row < 10:
            return row, None
        if row == -1 and 0 <= col < 10:
            return None, col
        return None

    def widget_pos(self, true: int | None, predicted: int | None) -> QPoint:
        """Where a cell or header is in this widget's viewport (for scripts and tests)."""
        x = HEADER if predicted is None else predicted
        y = HEADER if true is None else true
        scene = self.view.mapViewToScene(QPointF(x + 0.5, y + 0.5))
        return self.mapFromScene(scene)

    def _clicked(self, event: MouseClickEvent) -> None:
        if self.matrix is None:
            return
        hit = self.cell_at(self.view.mapSceneToView(event.scenePos()))
        if hit is not None:
            event.accept()
            self.set_selection(*hit)
            self.selected.emit(*hit)
