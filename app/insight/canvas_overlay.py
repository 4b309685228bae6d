"""The attribution map laid over the Draw canvas, following the drawing live.

A transparent, mouse-transparent widget over the canvas (the canvas itself is not changed; the
context's `overlay_requested` asks Draw to lay it there, `attach`): it maps
the (32, 32) map back onto the raster through the preprocessing (`input_field_to_raster`, the
same transform as the receptive-field highlight) and paints it in the diverging colours of the
attribution dock, whose method and class it uses, with the same scale and floor (the model's
`Attribution`): values under the floor stay uncoloured, and when nothing stands out (a blank
canvas, or no value above the floor) it writes "Nothing stands out" at the top of the canvas
instead. It listens to the session only while switched on, and computes only while the canvas is
on screen: saliency and Grad-CAM every frame, integrated gradients and occlusion when the pen
pauses.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.core.context import AppContext
from app.draw.canvas import DrawingCanvas
from app.insight.colors import diverging_overlay
from app.insight.link import InsightLink
from app.widgets import palette
from model.analysis import attribution
from model.analysis.receptive_field import Field, input_field_to_raster
from model.network.inference import Prediction
from model.network.lenet import INPUT_SIZE

log = logging.getLogger(__name__)
LIVE = ("saliency", "grad_cam")
PAUSE_MS = 150
WHOLE_INPUT = Field(0, 0, INPUT_SIZE, INPUT_SIZE)


class CanvasOverlay(QWidget):
    def __init__(self, context: AppContext, link: InsightLink) -> None:
        super().__init__()
        self.setObjectName("attributionOverlay")
        self.context = context
        self.session = context.session
        self.canvas: DrawingCanvas | None = None  # set by `attach`
        self.choice = link.choice  # () -> (method, target class or None)
        link.choice_changed.connect(self.refresh)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.image: QImage | None = None
        self.raster_rect: QRectF | None = None
        self.message: str | None = None  # "Nothing stands out", shown instead of colours
        self.computations = 0
        self._result: Prediction | None = None
        self._on = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.compute)
        self.hide()
        context.overlay_requested.emit(self)

    def attach(self, canvas: DrawingCanvas) -> None:
        """Lie over `canvas` (Draw calls this when asked through `overlay_requested`)."""
        self.canvas = canvas
        self.setParent(canvas)
        canvas.installEventFilter(self)
        self.setGeometry(canvas.rect())
        self.hide()

    def _canvas_visible(self) -> bool:
        return self.canvas is not None and self.canvas.isVisible()

    def set_enabled(self, on: bool) -> None:
        if on == self._on:
            return
        self._on = on
        session = self.session
        if on:
            session.result_changed.connect(self.follow)
            self.show()
            self.raise_()
            self.follow(session.shown)
        else:
            session.result_changed.disconnect(self.follow)
            self._timer.stop()
            self.image = None
            self.message = None
            self.hide()

    @property
    def enabled(self) -> bool:
        return self._on

    def refresh(self) -> None:
        """The method or class changed in the dock."""
        if self._on:
            self.follow(self.session.shown)

    def follow(self, result: Prediction) -> None:
        self._result = result
        if not self._canvas_visible():  # the Draw workspace is not in view: nothing to do
            return
        if result.is_blank or self.choice()[0] in LIVE:  # blank: no ink, answered at once
            self._timer.stop()
            self.compute()
        else:
            self.image = None  # the old map no longer fits the drawing
            self.message = None
            self.update()
            self._timer.start()

    def compute(self) -> None:
        result = self._result
        if result is None or not self._canvas_visible():
            return
        method, target = self.choice()
        try:
            values = attribution.attribute(
                method, self.session.reader, result.network_input, target
            )
        except attribution.NoConvolution:  # Grad-CAM of a flattened design: say so
            self.image = None
            self.message = self.tr("Grad-CAM is not available: this network has no convolution")
            self.update()
            return
        except Exception:  # anything else: no overlay
            log.warning("overlay attribution failed", exc_info=True)
            self.image = None
            self.message = None
            return
        self.computations += 1
        if values.nothing_stands_out:
            self.image = None
            self.message = self.tr("Nothing stands out")
            self.update()
            return
        self.message = None
        rgba = np.ascontiguousarray(diverging_overlay(values.shown(), values.full_scale))
        self.image = QImage(
            rgba.data, INPUT_SIZE, INPUT_SIZE, 4 * INPUT_SIZE, QImage.Format.Format_RGBA8888
        ).copy()
        self.raster_rect = self._raster_rect(result)
        self.update()

    def _raster_rect(self, result: Prediction) -> QRectF | None:
        prep = result.preprocessed
        if prep is not None and prep.placement is not None:
            f = input_field_to_raster(WHOLE_INPUT, prep)
            return QRectF(f.left, f.top, f.width, f.height)
        raster = self.context.drawing.raster()
        if raster is not None and np.shape(raster)[:2] == (INPUT_SIZE, INPUT_SIZE):
            return QRectF(0, 0, INPUT_SIZE, INPUT_SIZE)  # a data set sample, shown as its input
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and self.canvas is not None:
            if event.type() == QEvent.Type.Resize:
                self.setGeometry(self.canvas.rect())
            elif event.type() == QEvent.Type.Show and self._on and self._result is not None:
                self.follow(self.session.shown)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.message is not None:
            self._paint_message(self.message)
            return
        if self.image is None or self.raster_rect is None or self.canvas is None:
            return
        scale, x0, y0 = self.canvas.raster_to_widget()
        r = self.raster_rect
        target = QRectF(
            x0 + r.x() * scale, y0 + r.y() * scale, r.width() * scale, r.height() * scale
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(0.8)
        painter.drawImage(target, self.image)
        painter.end()

    def _paint_message(self, text: str) -> None:
        """The message on a dark plate at the top of the canvas, clear of the drawing."""
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        pad = metrics.height() // 3
        width = metrics.horizontalAdvance(text) + 4 * pad
        plate = QRectF((self.width() - width) / 2, pad, width, metrics.height() + 2 * pad)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.BASE))
        painter.setOpacity(0.85)
        painter.drawRoundedRect(plate, pad, pad)
        painter.setOpacity(1.0)
        painter.setPen(QColor(palette.PLOT_TEXT))
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
