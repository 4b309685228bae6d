"""The 32x32 image the network actually receives, with its 28x28 MNIST field outlined.

Users see what preprocessing did to their drawing (cropped, scaled to 20 px, centred by mass,
padded by 2 px) and, while hovering a unit elsewhere, that unit's receptive field.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from app.widgets import palette
from app.widgets.fast_image import FastImageItem
from app.widgets.fitting_caption import FittingCaption
from app.widgets.plot_style import ACCENT, INPUT_CMAP, quiet_view
from model.drawing.preprocess import FIELD, PAD
from model.network.inference import Prediction, Predictor


def _cosmetic_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


class NetworkInputPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelNetworkInput")
        self.graphics = pg.GraphicsLayoutWidget()
        self.view = pg.ViewBox()
        quiet_view(self.view)
        self.graphics.ci.setContentsMargins(2, 2, 2, 2)
        self.graphics.addItem(self.view)
        self.image = FastImageItem(np.zeros((32, 32), dtype=np.float32))
        self.image.setColorMap(INPUT_CMAP)
        self.view.addItem(self.image)
        field = QGraphicsRectItem(PAD, PAD, FIELD, FIELD)
        field.setPen(_cosmetic_pen(QColor(palette.MNIST_FIELD), 1, Qt.PenStyle.DashLine))
        self.view.addItem(field)
        self.field_rect = QRectF(0, 0, 0, 0)
        self.highlight = QGraphicsRectItem(0, 0, 1, 1)
        self.highlight.setPen(_cosmetic_pen(ACCENT, 2))
        self.highlight.setBrush(palette.qcolor(palette.ACCENT, 60))
        self.highlight.setZValue(10)
        self.highlight.hide()
        self.view.addItem(self.highlight)
        self.view.setRange(QRectF(0, 0, 32, 32), padding=0.02)
        self.caption = FittingCaption(
            [
                self.tr(
                    "What LeNet sees: 32x32 = the 28x28 MNIST-style field (dashed) + 2 px padding"
                ),
                self.tr("32x32: the 28x28 field (dashed) + 2 px padding"),
            ]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.caption)
        self.levels = (0.0, 1.0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_caption()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._fit_caption()

    def _fit_caption(self) -> None:
        margins = self.layout().contentsMargins()
        self.caption.fit(self.width() - margins.left() - margins.right(), self.height())

    def show_result(self, result: Prediction) -> None:
        self.set_input(result.network_input)

    def set_model(self, predictor: Predictor) -> None:
        # grey levels such that background is black and full ink white
        self.levels = predictor.normalization.grey_levels
        self.image.setLevels(self.levels)

    def set_input(self, network_input: np.ndarray) -> None:
        self.image.setImage(network_input, autoLevels=False, levels=self.levels)

    def set_field(self, rect: QRectF | None) -> None:
        """Outline a receptive field (input-pixel rectangle), or hide the outline."""
        if rect is None:
            self.highlight.hide()
            return
        self.highlight.setRect(rect)
        self.highlight.show()

    @property
    def field(self) -> QRectF | None:
        return self.highlight.rect() if self.highlight.isVisible() else None
