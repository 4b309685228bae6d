"""The main window: the canvas, the live session, and the docks built from the panel registry.

It does no math and calls no panel by name: the canvas tells the session the drawing changed,
the session predicts (at most once per frame, `app/session.py`) and emits `result_changed`, and
every panel registered in `app/panels/registry.py` is subscribed to it. Reading
`current_result` runs a pending refresh at once, so scripts see the drawing as it stands.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

import model
from app import settings as keys
from app.canvas import DrawingCanvas
from app.canvas_area import CanvasArea
from app.docks import create_docks, default_sizes
from app.errors import show_error
from app.map_detail import MapDetailDialog
from app.menus import build_menus
from app.panels import catalogue  # noqa: F401 (registers the product's panels)
from app.panels.dense import DensePanel
from app.panels.digit import DigitPanel
from app.panels.feature_maps import FeatureMapsPanel
from app.panels.registry import specs
from app.panels.style import configure_pyqtgraph
from app.runtime import configure_torch
from app.session import LiveSession
from model.checkpoint import save_checkpoint
from model.errors import CheckpointError, ImageReadError, NoInkError
from model.images import EXTENSIONS, load_image
from model.inference import Prediction, Predictor
from model.receptive_field import Field, input_field_to_raster, unit_field

WORKSPACE = "draw"
log = logging.getLogger(__name__)
IMAGE_FILTER = "Images ({})".format(" ".join(f"*{ext}" for ext in EXTENSIONS))
WEIGHTS_FILTER = "LeNet Lens weights (*.pt);;All files (*)"


def _rect(field: Field) -> QRectF:
    return QRectF(field.left, field.top, field.width, field.height)


class MainWindow(QMainWindow):
    """LeNet Lens. `MainWindow()` uses the shipped weights; `MainWindow(path)` a weights file."""

    def __init__(
        self,
        weights_path: str | os.PathLike | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("LeNet Lens")
        self.settings = settings if settings is not None else keys.default_settings()
        configure_torch()  # single-threaded inference: smooth strokes on a busy machine
        configure_pyqtgraph()
        predictor = Predictor.load(weights_path)  # raises CheckpointError
        self.error_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None

        self.canvas = DrawingCanvas()
        self.session = LiveSession(predictor, self.canvas.raster, parent=self)
        self.digit_panel = DigitPanel()
        self.setCentralWidget(CanvasArea(self.canvas, self.digit_panel))

        self._specs = specs(WORKSPACE)
        self.panels: dict[str, QWidget] = {spec.key: spec.factory() for spec in self._specs}
        self.docks = create_docks(self, self._specs, self.panels)
        self.actions = build_menus(self)
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.actions.restore_layout)
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_label)
        screen = self.screen().availableSize() * 0.95
        self.resize(QSize(1600, 1000).boundedTo(screen))  # first run; later, the saved geometry
        self._default_state = self.saveState()  # the arrangement; sizes follow on first show
        self._needs_default_sizes = True

        self._connect()
        self._restore_settings()
        for panel in (self.digit_panel, *self.panels.values()):
            self.session.attach(panel)
        self._on_model_changed(predictor)
        self.session.refresh_now()

    # ----- the panels, by key (tests and scripts reach them here) ----------------------------
    @property
    def view_menu(self) -> QMenu:
        return self.actions.view_menu

    @property
    def maps(self) -> dict[str, FeatureMapsPanel]:
        return {k: p for k, p in self.panels.items() if isinstance(p, FeatureMapsPanel)}

    @property
    def probabilities(self) -> QWidget:
        return self.panels["probabilities"]

    @property
    def network_input(self) -> QWidget:
        return self.panels["input"]

    @property
    def dense(self) -> QWidget:
        return self.panels["dense"]

    @property
    def kernels(self) -> QWidget:
        return self.panels["kernels"]

    @property
    def details(self) -> list[MapDetailDialog]:
        """The open map detail dialogs."""
        return [d for d in self.findChildren(MapDetailDialog) if d.isVisible()]

    # ----- automation surface -----------------------------------------------------------------
    @property
    def predictor(self) -> Predictor:
        """The active model."""
        return self.session.predictor

    @property
    def current_result(self) -> Prediction:
        """The result for the drawing as it stands (runs a pending throttled refresh first)."""
        return self.session.result

    def current_raster(self) -> np.ndarray | None:
        """The canvas raster the model reads, or None when the canvas is blank."""
        return self.canvas.raster()

    def set_predictor(self, predictor: Predictor, label: str | None = None) -> None:
        """Hot-swap the active model: re-predict now, refresh every panel and the status bar."""
        self.session.set_predictor(predictor, label)

    def show_prediction(self, prediction: Prediction | None) -> None:
        """Show a prediction made elsewhere, once; the model is unchanged."""
        self.session.show(prediction)

    def open_retrain_dialog(self) -> None:
        """Training ▸ Retrain…: one non-modal dialog (app/retrain), raised if already open."""
        from app.retrain import RetrainDialog  # imported on first use: keeps start-up lean

        dialog = self.findChild(RetrainDialog)
        if dialog is None:
            dialog = RetrainDialog(self.session, self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # ----- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        a.open_image.triggered.connect(lambda: self.open_image())
        a.load_weights.triggered.connect(lambda: self.load_weights())
        a.save_weights.triggered.connect(lambda: self.save_weights())
        a.reset_weights.triggered.connect(self.reset_weights)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.canvas.undo)
        a.clear.triggered.connect(self.canvas.clear)
        a.restore_layout.triggered.connect(self.restore_default_layout)
        a.retrain.triggered.connect(self.open_retrain_dialog)
        a.about.triggered.connect(self.show_about)
        a.pen_width.valueChanged.connect(self.canvas.set_pen_width)
        self.canvas.changed.connect(self.session.request)
        self.canvas.file_dropped.connect(self.open_image)
        self.session.model_changed.connect(self._on_model_changed)
        self.session.preview_changed.connect(self._on_preview_changed)
        for panel in self.panels.values():
            if isinstance(panel, FeatureMapsPanel):
                panel.unit_hovered.connect(self._on_unit_hovered)
                panel.map_clicked.connect(self.open_map_detail)
            elif isinstance(panel, DensePanel):
                panel.unit_hovered.connect(lambda layer, _i: self._on_unit_hovered(layer, 0, 0, 0))
            if isinstance(panel, (FeatureMapsPanel, DensePanel)):
                panel.unit_left.connect(self._on_unit_left)

    def _on_model_changed(self, predictor: Predictor) -> None:
        label = self.session.label
        accuracy = predictor.test_accuracy
        recorded = (
            f"test accuracy {accuracy:.2%}" if accuracy is not None else "no recorded accuracy"
        )
        self.model_label.setText(f"Weights: {label} · {recorded}")
        self.setWindowTitle(f"LeNet Lens — {label}")

    def _on_preview_changed(self, note: str) -> None:
        if note:
            self.statusBar().showMessage(note)
        else:
            self.statusBar().clearMessage()

    # ----- hover: values and receptive fields ------------------------------------------------
    def _on_unit_hovered(self, layer: str, _index: int, row: int, col: int) -> None:
        field = unit_field(layer, row, col)
        self.network_input.set_field(_rect(field))
        preprocessed = self.session.shown.preprocessed
        if preprocessed is None or preprocessed.placement is None:
            self.canvas.set_highlight(None)
            return
        self.canvas.set_highlight(_rect(input_field_to_raster(field, preprocessed)))

    def _on_unit_left(self) -> None:
        self.network_input.set_field(None)
        self.canvas.set_highlight(None)

    def open_map_detail(self, layer: str, index: int) -> MapDetailDialog:
        """Open map `index` of `layer` large beside its kernels (non-modal, follows drawing)."""
        config = self.predictor.checkpoint.model_config
        dialog = MapDetailDialog(layer, index, self, config.activation, config.pooling)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.follow(self.session)
        dialog.show()
        return dialog

    # ----- files ------------------------------------------------------------------------------
    def open_image(self, path: str | os.PathLike | None = None) -> bool:
        """Read an image and classify it; on failure say why and leave the canvas as it was."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open image", "", IMAGE_FILTER)
            if not path:
                return False
        try:
            raster = load_image(path)
            self.predictor.predict(raster)  # refuse a blank image before replacing the drawing
        except ImageReadError as exc:
            self.show_error("Cannot open image", str(exc), exc)
            return False
        except NoInkError as exc:
            self.show_error("No digit found", f"{Path(path).name}: {exc}", exc)
            return False
        self.canvas.set_image(raster)
        self.session.refresh_now()
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)
        return True

    def load_weights(self, path: str | os.PathLike | None = None) -> bool:
        """Load a weights file; a bad one leaves the active model in place."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Load weights", "", WEIGHTS_FILTER)
            if not path:
                return False
        try:
            predictor = Predictor.load(path)
        except CheckpointError as exc:
            self.show_error("Cannot load weights", str(exc), exc)
            return False
        self.set_predictor(predictor)
        self.settings.setValue(keys.LAST_WEIGHTS, str(Path(path).resolve()))
        return True

    def save_weights(self, path: str | os.PathLike | None = None) -> bool:
        """Save the active model (atomically, with its metadata)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save weights as", "", WEIGHTS_FILTER)
            if not path:
                return False
        try:
            saved = save_checkpoint(self.predictor.checkpoint, path)
        except CheckpointError as exc:
            self.show_error("Cannot save weights", str(exc), exc)
            return False
        self.statusBar().showMessage(f"Saved weights to {saved}", 5000)
        return True

    def reset_weights(self) -> bool:
        """Back to the shipped weights."""
        try:
            predictor = Predictor.load()
        except CheckpointError as exc:
            self.show_error("Cannot load the shipped weights", str(exc), exc)
            return False
        self.set_predictor(predictor)
        self.settings.remove(keys.LAST_WEIGHTS)
        return True

    # ----- messages ---------------------------------------------------------------------------
    def show_error(self, title: str, text: str, exc: BaseException | None = None) -> None:
        """The window's error box (one at a time): `app.errors.show_error`, details included."""
        if exc is not None:
            log.warning("%s: %s", title, text, exc_info=exc)
        if self.error_box is not None:
            self.error_box.close()
        self.error_box = show_error(self, title, text, exc)

    def show_about(self) -> None:
        accuracy = self.predictor.test_accuracy
        acc = f"{accuracy:.2%}" if accuracy is not None else "not recorded"
        self.about_box = QMessageBox(
            QMessageBox.Icon.Information,
            "About LeNet Lens",
            f"<b>LeNet Lens {model.__version__}</b><br>Draw a digit, watch LeNet-5 read it "
            f"live, and look inside every layer.<br><br>Active model: {self.session.label}<br>"
            f"Recorded test accuracy: {acc}",
            parent=self,
        )
        self.about_box.setObjectName("aboutBox")
        self.about_box.open()

    # ----- layout and settings ----------------------------------------------------------------
    def restore_default_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state)
        default_sizes(self, self._specs, self.docks)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            default_sizes(self, self._specs, self.docks)

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = keys.read_bytes(s, keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = keys.read_bytes(s, keys.DOCK_STATE)
        if state is not None:
            self._needs_default_sizes = not self.restoreState(state)
        pen = keys.read_float(s, keys.PEN_WIDTH, self.canvas.pen_width)
        self.actions.pen_width.setValue(round(pen))
        self.canvas.set_pen_width(self.actions.pen_width.value())

    def save_settings(self) -> None:
        s = self.settings
        s.setValue(keys.GEOMETRY, self.saveGeometry())
        s.setValue(keys.DOCK_STATE, self.saveState())
        s.setValue(keys.PEN_WIDTH, self.actions.pen_width.value())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Close child dialogs first (their closeEvents stop any workers), then save settings."""
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.save_settings()
        super().closeEvent(event)
