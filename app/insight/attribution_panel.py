"""Where the network looks: an attribution map over the network input, with a legend.

For the gallery's selected sample (or, before any selection, the drawing) and the predicted
class or any chosen class: saliency, integrated gradients, occlusion or Grad-CAM on C2
(`model.analysis.attribution`). The map is signed and drawn with a colour-blind-safe diverging map
(blue negative, orange positive, transparent near zero) over the grey input.

Cost: nothing while the dock is hidden (work is marked pending and done when it shows).
Saliency and Grad-CAM (a few ms) follow at once; integrated gradients and occlusion (tens of ms)
wait until the input has been still for `PAUSE_MS`.
"""

from __future__ import annotations

import logging

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.error_text import error_text
from app.insight.colors import DIVERGING, diverging_overlay
from app.widgets.plot_style import INPUT_CMAP, quiet_view
from model.analysis import attribution
from model.network.inference import Prediction, Predictor

log = logging.getLogger(__name__)
PAUSE_MS = 150
LIVE = ("saliency", "grad_cam")


class AttributionPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelAttribution")
        self.predictor: Predictor | None = None
        self.network_input: np.ndarray | None = None  # normalised (32, 32)
        self._sample_image: np.ndarray | None = None
        self.subject = ""
        self.map: np.ndarray | None = None
        self.computations = 0
        self._pending = False
        self.method = QComboBox()
        self.method.setObjectName("attributionMethod")
        for key, text in (
            ("grad_cam", self.tr("Grad-CAM on C2")),
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
        self.overlay_check = QCheckBox(self.tr("Also over the drawing in Draw (follows it live)"))
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
        self.input_item = pg.ImageItem(axisOrder="row-major")
        self.input_item.setLookupTable(INPUT_CMAP.getLookupTable(nPts=256))
        self.overlay = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.input_item)
        self.view.addItem(self.overlay)
        self.legend = pg.ColorBarItem(
            values=(-1, 1), colorMap=DIVERGING, interactive=False, width=14, label=""
        )
        self.plot.addItem(self.legend)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.compute)
        top = QHBoxLayout()
        top.addWidget(self.method, 1)
        top.addWidget(self.target, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.overlay_check)

    def choice(self) -> tuple[str, int | None]:
        """The chosen method and class (None: the predicted one), for the canvas overlay too."""
        return self.method.currentData(), self.target.currentData()

    # ----- the session contract: the drawing (until a sample is selected) --------------------
    def set_model(self, predictor: Predictor) -> None:
        self.predictor = predictor
        if self._sample_image is not None:
            self._set_input(self._sample_image, self.subject)
        else:
            self.request()

    def show_result(self, result: Prediction) -> None:
        if self._sample_image is None and not result.is_blank:
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
        norm = self.predictor.normalization
        self.network_input = ((image - norm.mean) / norm.std).astype(np.float32)
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
            values = attribution.attribute(method, self.predictor, self.network_input, target)
        except Exception as exc:  # e.g. a network without C2 for Grad-CAM: say so in place
            log.warning("attribution failed", exc_info=True)
            self.caption.setText(self.tr("Cannot compute this map: {0}").format(error_text(exc)))
            return
        self.computations += 1
        self.map = values
        scale = float(np.abs(values).max()) or 1.0
        self.input_item.setImage(self.network_input, autoLevels=True)
        self.overlay.setImage(diverging_overlay(values, scale), autoLevels=False)
        self.legend.setLevels((-scale, scale))
        with_target = self.target.currentText()
        self.caption.setText(
            self.tr("{0} for {1}, {2}: orange raises the score, blue lowers it.").format(
                self.method.currentText(), self.subject, with_target
            )
        )
