"""Pieces every concepts view shares: the explanation caption, "compute only when visible",
number formatting and the small image views."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.widgets import palette
from app.widgets.fast_image import FastImageItem
from app.widgets.plot_style import quiet_view
from model.config import Normalization
from model.network.inference import Prediction, Predictor


def explanation(text: str) -> QLabel:
    """The two-to-four-sentence caption that says which idea a view shows."""
    label = QLabel(text)
    label.setObjectName("conceptExplanation")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
    return label


def fmt(value: float, digits: int = 3) -> str:
    """A number as the views print it: fixed decimals, no "-0"."""
    text = f"{float(value):.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


#: The smallest a concepts panel gets before its content scrolls (its dock then still fits
#: beside the others at 800x600 instead of being drawn over them).
PANEL_MINIMUM = (200, 150)


def scrolling_body(panel: QWidget) -> QVBoxLayout:
    """The layout a panel fills, inside a frameless scroll area that fills the panel.

    A dock cannot be smaller than its widget's minimum size; when the docks' minimums add up to
    more than the window, Qt draws them over one another (Concepts at 800x600 and 1024x768). With
    the content in a scroll area the panel's minimum is `PANEL_MINIMUM`, the content keeps the
    size its text and plots need, and a small window scrolls instead of overlapping."""
    scroll = QScrollArea(panel)
    scroll.setObjectName("conceptScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    body = QWidget()
    body.setObjectName("conceptBody")
    scroll.setWidget(body)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    panel.setMinimumSize(*PANEL_MINIMUM)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    return layout


class LazyPanel(QWidget):
    """A panel that keeps the latest result and model but recomputes only while visible.

    Subclasses implement `recompute()` (reading `self.result` and `self.predictor`); a hidden
    panel (a dock tabbed behind another, a closed dock) catches up when it is shown again.
    """

    def __init__(self) -> None:
        super().__init__()
        self.result: Prediction | None = None
        self.predictor: Predictor | None = None
        self._stale = True

    def show_result(self, result: Prediction) -> None:
        self.result = result
        self._changed()

    def set_model(self, predictor: Predictor) -> None:
        self.predictor = predictor
        self.model_changed()
        self._changed()

    def model_changed(self) -> None:
        """Hook for subclasses: the model changed (before the next recompute)."""

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Recompute now if there is something to show."""
        if self.result is None or self.predictor is None:
            return
        self._stale = False
        self.recompute()

    def recompute(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()


class ImageView(pg.GraphicsLayoutWidget):
    """One display-only image (a map, a kernel, an input) in a fixed-aspect view."""

    def __init__(self, cmap: pg.ColorMap, size: int = 32) -> None:
        super().__init__()
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.view = pg.ViewBox()
        quiet_view(self.view)
        self.addItem(self.view)
        self.image = FastImageItem(np.zeros((size, size), dtype=np.float32))
        self.image.setColorMap(cmap)
        self.view.addItem(self.image)
        self.setMinimumSize(90, 90)

    def set_array(self, array: np.ndarray, levels: tuple[float, float]) -> None:
        h, w = array.shape
        if self.image.image is None or self.image.image.shape != array.shape:
            self.view.setRange(QRectF(0, 0, w, h), padding=0.02)
        self.image.setImage(array, autoLevels=False, levels=levels)


def renormalize(
    network_input: np.ndarray, source: Normalization, target: Normalization
) -> np.ndarray:
    """A network input normalised with `source` (mean, std) re-expressed for a network trained
    with `target`, so another network reads the very same ink."""
    return source.convert(network_input, target)


def input_levels(normalization: Normalization) -> tuple[float, float]:
    """Grey levels of a network input: blank paper black, full ink white."""
    return normalization.grey_levels
