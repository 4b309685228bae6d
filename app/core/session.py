"""The live session: which network reads the drawing, and what it read.

One object owns the active predictor, an optional preview predictor, the raster source (the
canvas) and the frame throttle. Views never predict: they subscribe to its signals.

    canvas.changed ──▶ session.request() ──(≤ 1 per frame)──▶ predictor.predict(raster)
                                                                │
    panels, detail dialogs ◀── result_changed(Prediction) ◀─────┘
    panels, window ◀────────── model_changed(Predictor)     (set_predictor)
    window status bar ◀─────── preview_changed(str)         (preview / end_preview)

`preview(predictor)` lets any tool (retrain now, fine-tuning later) show another network reading
the drawing without touching the active model; `end_preview()` goes back to it. Reading
`result` runs a pending throttled refresh first, so scripts see the drawing as it stands.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.throttle import FrameThrottle
from model.errors import NoInkError
from model.files.weights import shipped_weights_path
from model.network.inference import Prediction, Predictor

log = logging.getLogger(__name__)

RasterSource = Callable[[], "np.ndarray | None"]
#: The drawing's strokes as (n, 2) point arrays ([] for an opened image): the stroke check of
#: "not a digit" (model/network/verdict.py) reads them beside the raster.
StrokeSource = Callable[[], "list[np.ndarray]"]


def default_label(path: str | os.PathLike | None) -> str:
    """How the status bar names a weights file: the shipped one says so."""
    if path is None or Path(path).resolve() == shipped_weights_path().resolve():
        return QCoreApplication.translate("LiveSession", "{0} (shipped)").format(
            shipped_weights_path().name
        )
    return Path(path).name


class LiveSession(QObject):
    """The active network reading the drawing; see the module docstring for the flow."""

    #: The result for the drawing as the reading network sees it (a blank one when empty).
    result_changed = Signal(object)  # Prediction
    #: The active model changed (kernels, normalisation, label).
    model_changed = Signal(object)  # Predictor
    #: A preview started or moved on (its note for the status bar), or ended ("").
    preview_changed = Signal(str)
    #: The network reading the drawing changed (the active model, or a preview while one
    #: runs): panels show its kernels, so watching a retrain shows the network in training.
    reader_changed = Signal(object)  # Predictor

    def __init__(
        self,
        predictor: Predictor,
        raster_source: RasterSource,
        label: str | None = None,
        parent: QObject | None = None,
        stroke_source: StrokeSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._predictor = predictor
        self._label = label or default_label(predictor.source)
        self._preview: Predictor | None = None
        self._raster_source = raster_source
        self._stroke_source = stroke_source
        self.throttle = FrameThrottle(self.refresh, parent=self)
        self._result = predictor.blank()
        self._shown = self._result

    # ----- what is active ---------------------------------------------------------------------
    @property
    def predictor(self) -> Predictor:
        """The active model (a preview never replaces it)."""
        return self._predictor

    @property
    def label(self) -> str:
        return self._label

    @property
    def preview_predictor(self) -> Predictor | None:
        return self._preview

    @property
    def reader(self) -> Predictor:
        """The network reading the drawing right now: the preview if any, else the active one."""
        return self._preview if self._preview is not None else self._predictor

    @property
    def result(self) -> Prediction:
        """The result for the drawing as it stands (runs a pending throttled refresh first)."""
        self.throttle.flush()
        return self._result

    @property
    def shown(self) -> Prediction:
        """What the views show now (differs from `result` only after `show`)."""
        return self._shown

    def raster(self) -> np.ndarray | None:
        return self._raster_source()

    # ----- changing it ------------------------------------------------------------------------
    def set_predictor(
        self, predictor: Predictor, label: str | None = None, end_preview: bool = False
    ) -> None:
        """Hot-swap the active model: announce it, then re-read the drawing at once.

        `end_preview`: a previewed network becomes the active one (Retrain's or Fine-tune's
        "Use this model"), so the preview ends in the same single refresh of every view."""
        if end_preview and self._preview is not None:
            self._preview = None
            self.preview_changed.emit("")
        self._predictor = predictor
        self._label = label or default_label(predictor.source)
        log.info("active model: %s", self._label)
        self.model_changed.emit(predictor)
        self.reader_changed.emit(self.reader)
        self.refresh_now()

    def preview(self, predictor: Predictor, note: str = "") -> None:
        """Let `predictor` read the drawing (now and on every change) until `end_preview`."""
        self._preview = predictor
        self.preview_changed.emit(note or self.tr("Preview: another network reads the drawing"))
        self.reader_changed.emit(predictor)
        self.refresh_now()

    def end_preview(self) -> None:
        """Back to the active model; a no-op when no preview runs."""
        if self._preview is None:
            return
        self._preview = None
        self.preview_changed.emit("")
        self.reader_changed.emit(self._predictor)
        self.refresh_now()

    def show(self, prediction: Prediction | None) -> None:
        """Show a prediction made elsewhere, once; the next drawing change reads live again."""
        shown = prediction if prediction is not None else self._blank()
        self._shown = shown
        self.result_changed.emit(shown)

    # ----- reading the drawing ----------------------------------------------------------------
    def request(self) -> None:
        """The drawing changed: re-read it at the next frame boundary."""
        self.throttle.request()

    def refresh_now(self) -> None:
        self.throttle.request()
        self.throttle.flush()

    def refresh(self) -> None:
        """Predict the raster as it stands and announce it (at most once per frame)."""
        raster = self._raster_source()
        result = self._blank()
        if raster is not None:
            try:
                strokes = self._stroke_source() if self._stroke_source else None
                result = self.reader.predict(raster, strokes)
            except NoInkError:
                pass
        self._result = result
        self._shown = result
        self.result_changed.emit(result)

    def _blank(self) -> Prediction:
        """The empty canvas's result for the reading network: zero activations of its own
        shapes (a designed network's layers are not LeNet-5's)."""
        return self.reader.blank()

    # ----- subscribers ------------------------------------------------------------------------
    def attach(self, panel: object) -> None:
        """Subscribe a panel (see app.core.panel_contract.Panel) and bring it up to date now."""
        self.reader_changed.connect(panel.set_model)
        self.result_changed.connect(panel.show_result)
        panel.set_model(self.reader)
        panel.show_result(self._shown)

    def detach(self, panel: object) -> None:
        """Unsubscribe a panel (a closing detail dialog); safe to call twice."""
        for signal, slot in (
            (self.reader_changed, panel.set_model),
            (self.result_changed, panel.show_result),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # already disconnected
                pass
