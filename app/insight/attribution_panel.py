"""Where the network looks: an attribution map over the network input, with a legend.

For the gallery's selected sample (or, before any selection, the drawing) and the predicted
class or any chosen class: saliency, integrated gradients, occlusion or Grad-CAM on the
network's last convolution (LeNet-5's C2, a designed network's last stage; a network without
one says Grad-CAM is not available) (`model.analysis.attribution`). The map is signed and drawn
with a colour-blind-safe diverging map (blue negative, orange positive, transparent near zero)
over the grey input, in percent of the score it explains: the bar's range is fixed per method
(its `full_scale`), values under the model's floor are not coloured, and when nothing reaches
the floor (or nothing is drawn) the view says "Nothing stands out" instead of colouring noise.
The canvas overlay colours the same `Attribution` the same way.

Cost: nothing while the dock is hidden (work is marked pending and done when it shows).
Saliency and Grad-CAM (a few ms) follow at once; integrated gradients and occlusion (tens of ms)
wait until the input has been still for `PAUSE_MS`.
"""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFontMetrics, QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QVBoxLayout, QWidget

from app.core.error_text import error_text
from app.insight.colors import DIVERGING, diverging_overlay, percent_ticks
from app.widgets import palette
from app.widgets.fast_image import FastImageItem
from app.widgets.plot_style import INPUT_CMAP, quiet_view
from model.analysis import attribution
from model.network.inference import Prediction, Predictor

log = logging.getLogger(__name__)
PAUSE_MS = 150
LIVE = ("saliency", "grad_cam")
FIVE_TICKS_MIN_HEIGHT = 120  # px of colour bar: below this, 3 labels (-S, 0, +S), never crowded


class AttributionPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelAttribution")
        self.predictor: Predictor | None = None
        self.network_input: np.ndarray | None = None  # normalised (32, 32)
        self._sample_image: np.ndarray | None = None
        self.subject = ""
        self.map: np.ndarray | None = None  # the scaled map (fraction of the reference)
        self.result: attribution.Attribution | None = None
        self.cam_layer = None  # the layer Grad-CAM looks at (None: the network has none)
        self.computations = 0
        self._pending = False
        self.method = QComboBox()
        self.method.setObjectName("attributionMethod")
        for key, text in (
            ("grad_cam", self.tr("Grad-CAM on {0}").format("C2")),
            ("saliency", self.tr("Saliency (input gradient)")),
            ("integrated_gradients", self.tr("Integrated gradients")),
            ("occlusion", self.tr("Occlusion (4x4)")),
        ):
            self.method.addItem(text, key)
        self.target = QComboBox()
        self.target.setObjectName("attributionTarget")
        self.target.addItem(self.tr("predicted class"), None)
        for d in range(10):
            self.target.addItem(self.tr("class {0}").format(d), d)
        self.method.currentIndexChanged.connect(lambda _i: self.request())
        self.target.currentIndexChanged.connect(lambda _i: self.request())
        # short enough for the narrow dock of an 800x600 window; the rest in the tooltip
        self.overlay_check = QCheckBox(self.tr("Also over the drawing"))
        self.overlay_check.setToolTip(self.tr("Over the drawing in Draw too (follows it live)"))
        self.overlay_check.setObjectName("attributionOverlayToggle")
        self.caption = QLabel(
            self.tr(
                "Select a sample in the gallery, or draw a digit in Draw, to see where the "
                "network looks."
            )
        )
        self.caption.setWordWrap(True)
        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setObjectName("attributionPlot")
        self.view = self.plot.addViewBox()
        quiet_view(self.view)
        self.input_item = FastImageItem(axisOrder="row-major")
        self.input_item.setLookupTable(INPUT_CMAP.getLookupTable(nPts=256))
        self.overlay = FastImageItem(axisOrder="row-major")
        self.view.addItem(self.input_item)
        self.view.addItem(self.overlay)
        self.nothing = pg.TextItem(
            self.tr("Nothing stands out"),
            anchor=(0.5, 0.5),
            color=palette.PLOT_TEXT,
            fill=pg.mkBrush(QColor(palette.BASE)),
        )
        self.nothing.setPos(16, 16)
        self.nothing.setZValue(10)
        self.nothing.hide()
        self.view.addItem(self.nothing)
        self.legend = pg.ColorBarItem(
            values=(-10, 10),
            colorMap=DIVERGING,
            interactive=False,
            width=14,
            label=self.tr("% of score"),
        )
        self._full_scale = 0.1
        self._tick_count = 5
        self.legend.axis.setTicks([percent_ticks(self._full_scale, self._tick_count)])
        self._fit_labels()
        self.plot.addItem(self.legend)
        # 3 or 5 labels by the bar's height, re-chosen when the layout resizes it
        self.legend.geometryChanged.connect(lambda: self._set_scale(self._full_scale))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.compute)
        layout = QVBoxLayout(self)
        layout.addWidget(self.method)  # one above the other: both whole in a narrow dock
        layout.addWidget(self.target)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.overlay_check)

    def choice(self) -> tuple[str, int | None]:
        """The chosen method and class (None: the predicted one), for the canvas overlay too."""
        return self.method.currentData(), self.target.currentData()

    # ----- the session contract: the drawing (until a sample is selected) --------------------
    def set_model(self, predictor: Predictor) -> None:
        self.predictor = predictor
        self.cam_layer = attribution.grad_cam_layer(predictor)
        index = self.method.findData("grad_cam")
        self.method.setItemText(
            index,
            self.tr("Grad-CAM on {0}").format(self.cam_layer.name)
            if self.cam_layer is not None
            else self.tr("Grad-CAM (not available)"),
        )
        if self._sample_image is not None:
            self._set_input(self._sample_image, self.subject)
        else:
            self.request()

    def show_result(self, result: Prediction) -> None:
        if self._sample_image is None:  # a blank drawing too: it says "nothing stands out"
            self.network_input = result.network_input
            self.subject = self.tr("the drawing")
            self.request()

    def set_sample(self, image: np.ndarray, label: int, index: int) -> None:
        """A data set sample ((32, 32) in [0, 1]) selected in the gallery."""
        self._sample_image = np.asarray(image, np.float32)
        truth = "?" if label < 0 else str(label)
        self._set_input(self._sample_image, self.tr("sample #{0} (true {1})").format(index, truth))

    def _set_input(self, image: np.ndarray, subject: str) -> None:
        if self.predictor is None:
            return
        self.network_input = self.predictor.normalization.apply(image)
        self.subject = subject
        self.request()

    # ----- computing, only when seen ----------------------------------------------------------
    def request(self) -> None:
        """The input, model, method or class changed: recompute (now, or after a pause)."""
        if self.network_input is None or self.predictor is None:
            return
        if not self.isVisible():
            self._pending = True  # a hidden view costs nothing
            return
        if self.method.currentData() in LIVE:
            self._timer.stop()
            self.compute()
        else:
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._pending = False
            self.request()

    def compute(self) -> None:
        if self.network_input is None or self.predictor is None or not self.isVisible():
            return
        method, target = self.method.currentData(), self.target.currentData()
        try:
            result = attribution.attribute(method, self.predictor, self.network_input, target)
        except attribution.NoConvolution:  # the flattened design: say so in place of a map
            self.result = self.map = None
            self.input_item.setImage(self.network_input, autoLevels=True)
            self.overlay.clear()
            self.nothing.hide()
            self.caption.setText(
                self.tr(
                    "Grad-CAM is not available for this network: it has no convolution, so "
                    "there are no feature maps to weigh. Choose another method."
                )
            )
            return
        except Exception as exc:  # anything else: say so in place
            log.warning("attribution failed", exc_info=True)
            self.caption.setText(self.tr("Cannot compute this map: {0}").format(error_text(exc)))
            return
        self.computations += 1
        self.result = result
        self.map = result.values
        self.input_item.setImage(self.network_input, autoLevels=True)
        self.overlay.setImage(
            diverging_overlay(result.shown(), result.full_scale), autoLevels=False
        )
        self._set_scale(result.full_scale)
        self.nothing.setVisible(result.nothing_stands_out)
        self.caption.setText(self._describe(result))

    def _describe(self, result: attribution.Attribution) -> str:
        """What the colours mean, or why there are none."""
        head = self.tr("{0} for {1}, class {2}.").format(
            self.method.currentText(), self.subject, result.target
        )
        floor = f"{100 * result.floor:.2g}%"
        if result.reason == attribution.NO_INK:
            return self.tr(
                "Nothing stands out: there is no ink to explain. Draw a digit in Draw, or "
                "select a sample in the gallery."
            )
        if result.reason == attribution.BELOW_FLOOR:
            return (
                head
                + " "
                + self.tr(
                    "Nothing stands out: no value reaches {0} of the score, so nothing is coloured."
                ).format(floor)
            )
        unit = {
            "saliency": self.tr("how much inking that pixel alone would change the score"),
            "integrated_gradients": self.tr("each pixel's share of the score"),
            "occlusion": self.tr("the score lost when a 4x4 patch there is blanked"),
            "grad_cam": self.tr("the share of the {0} units centred there").format(
                self.cam_layer.name if self.cam_layer is not None else "C2"
            ),
        }[result.method]
        return (
            head
            + " "
            + self.tr(
                "Colour: {0}, in % of the score the drawing adds over a blank canvas "
                "(100% = {1:.1f} logits). Orange raises the score, blue lowers it; under {2} is "
                "not coloured."
            ).format(unit, result.reference, floor)
        )

    def _fit_labels(self) -> None:
        """Room for the widest label of any method's bar, fixed up front: the axis drops a
        label wider than its space (the 45 px ColorBarItem gives it lost "-2.5%"), and growing
        only after a first paint would drop it from that paint."""
        metrics = QFontMetrics(self.font())
        texts = [
            text
            for scale in attribution.FULL_SCALE.values()
            for _value, text in percent_ticks(scale, 5)
        ]
        axis = self.legend.axis
        axis.setWidth(None)
        axis.setStyle(
            autoExpandTextSpace=False,
            tickTextWidth=max(metrics.horizontalAdvance(t) for t in texts) + 6,
        )

    def _set_scale(self, full_scale: float) -> None:
        """The bar's fixed symmetric range, in percent of the reference, and its few ticks."""
        count = 5 if self.legend.geometry().height() >= FIVE_TICKS_MIN_HEIGHT else 3
        if (full_scale, count) == (self._full_scale, self._tick_count):
            return  # unchanged: no relayout
        self._full_scale, self._tick_count = full_scale, count
        top = 100.0 * full_scale
        self.legend.setLevels((-top, top))
        self.legend.axis.setTicks([percent_ticks(full_scale, count)])
