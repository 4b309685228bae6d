"""F5 (120 units) and F6 (84 units) as activation strips, each with its own colour bar."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

from app.core.panel_contract import ResultOnly
from app.widgets.hover_view import HoverGraphics
from app.widgets.plot_style import ACCENT, ACTIVATION_CMAP, GAP_COLOR, held_levels, still_view
from model.network.inference import Prediction

HINT = QT_TRANSLATE_NOOP(
    "DensePanel", "Hover a unit for its value (dense units see the whole input)"
)


class _Strip:
    def __init__(self, layout: pg.GraphicsLayout, name: str, size: int, row: int) -> None:
        self.name = name
        title = layout.addLabel(f"{name}  ({size})", row=row, col=0, angle=-90)
        title.item.document().setDocumentMargin(0)  # the glyphs alone: at 800x600 a strip is
        title.setText(title.text)  # hardly taller than its title (4 px of margin cut "F6 (84)")
        self.view = pg.ViewBox()
        still_view(self.view)
        self.view.setBackgroundColor(GAP_COLOR)
        layout.addItem(self.view, row=row, col=1)
        self.values = np.zeros(size, dtype=np.float32)
        self.levels: tuple[float, float] | None = None
        self.image = pg.ImageItem(self.values[None, :])
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


class DensePanel(ResultOnly, QWidget):
    unit_hovered = Signal(str, int)
    unit_left = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelDense")
        self.graphics = HoverGraphics()
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.strips = {
            "F5": _Strip(self.graphics.ci, "F5", 120, 0),
            "F6": _Strip(self.graphics.ci, "F6", 84, 1),
        }
        self.readout = QLabel(self.tr(HINT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._on_moved)
        self.graphics.left.connect(self._leave)
        self._hovered: tuple[str, int] | None = None

    def show_result(self, result: Prediction) -> None:
        self.set_activations(result.activations["F5"], result.activations["F6"])

    def set_activations(self, f5: np.ndarray, f6: np.ndarray) -> None:
        self.strips["F5"].set_values(f5)
        self.strips["F6"].set_values(f6)
        if self._hovered is not None:
            self._show(*self._hovered)

    def _show(self, name: str, index: int) -> None:
        value = float(self.strips[name].values[index])
        self.readout.setText(self.tr("{0} unit {1}: {2:.3f}").format(name, index, value))

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
            self.readout.setText(self.tr(HINT))
            self.unit_left.emit()
