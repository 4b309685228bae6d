"""The main window: the canvas, the live session, and the docks built from the panel registry.

It does no math and calls no panel by name: the canvas tells the session the drawing changed,
the session predicts (at most once per frame, `app/core/session.py`) and emits `result_changed`, and
every panel registered in `app/core/panel_registry.py` is subscribed to it. Reading
`current_result` runs a pending refresh at once, so scripts see the drawing as it stands.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

import model
from app import i18n
from app.core.error_text import error_text
from app.core.jobs import job_owner
from app.core.panel_registry import specs
from app.core.session import LiveSession
from app.core.workspaces import DRAW, WorkspaceSpec, register_workspace, workspace, workspaces
from app.draw.canvas import DrawingCanvas
from app.draw.canvas_area import CanvasArea
from app.draw.map_detail import MapDetailDialog
from app.draw.panels import catalogue  # noqa: F401 (registers the product's panels)
from app.draw.panels.dense import DensePanel
from app.draw.panels.digit import DigitPanel
from app.draw.panels.feature_maps import FeatureMapsPanel
from app.draw.undo_actions import connect_undo_actions
from app.icons import app_icon
from app.shell import help, layout, memory, panel_export, quit_guard  # noqa: A004 (app.shell.help, not the builtin)
from app.shell import settings as keys
from app.shell.docks import create_docks, default_sizes
from app.shell.error_boxes import show_error
from app.shell.menus import build_menus
from app.shell.runtime import configure_torch
from app.teach import LabelRow, Teacher, answer_with_row
from app.widgets.plot_style import configure_pyqtgraph
from model.analysis.receptive_field import Field, input_field_to_raster, unit_field
from model.data.images import EXTENSIONS, load_image
from model.errors import CheckpointError, ImageReadError, NoInkError
from model.files.checkpoint import save_checkpoint
from model.network.inference import Prediction, Predictor

WORKSPACE = DRAW
log = logging.getLogger(__name__)


def _image_filter() -> str:
    patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
    return QCoreApplication.translate("MainWindow", "Images ({0})").format(patterns)


def _weights_filter() -> str:
    return QCoreApplication.translate("MainWindow", "LeNet Lens weights (*.pt);;All files (*)")


def _rect(field: Field) -> QRectF:
    return QRectF(field.left, field.top, field.width, field.height)


register_workspace(
    WorkspaceSpec(
        DRAW,
        QCoreApplication.translate("workspaces", "Draw"),
        lambda window: window.canvas_area,
        shortcut="F2",
        tooltip=QCoreApplication.translate(
            "workspaces", "Draw a digit and watch every layer read it"
        ),
    )
)


class MainWindow(QMainWindow):
    """LeNet Lens. `MainWindow()` uses the shipped weights; `MainWindow(path)` a weights file."""

    #: The active workspace changed (its key, e.g. "draw", "insight").
    workspace_changed = Signal(str)

    def __init__(
        self,
        weights_path: str | os.PathLike | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"LeNet Lens {model.__version__}")  # i18n: name
        self.setWindowIcon(app_icon())
        self.settings = settings if settings is not None else keys.default_settings()
        configure_torch()  # single-threaded inference: smooth strokes on a busy machine
        configure_pyqtgraph()
        predictor = Predictor.load(weights_path)  # raises CheckpointError
        self.error_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None
        self.quit_box: QMessageBox | None = None
        self._quit_confirmed = False

        self.canvas = DrawingCanvas()
        self.session = LiveSession(predictor, self.canvas.raster, parent=self)
        self.digit_panel = DigitPanel()
        self.label_row = LabelRow()
        self.canvas_area = CanvasArea(
            self.canvas, answer_with_row(self.digit_panel, self.label_row)
        )
        self.central_stack = QStackedWidget()
        self.central_stack.setObjectName("workspaceStack")
        self.central_stack.addWidget(self.canvas_area)
        self.setCentralWidget(self.central_stack)

        # Every workspace's panels and docks, by key; built when a workspace is first entered.
        self.workspace_key = DRAW
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._centrals: dict[str, QWidget] = {DRAW: self.canvas_area}
        self._workspace_panels: dict[str, list[str]] = {}
        self._default_states: dict[str, QByteArray] = {}
        self._states: dict[str, QByteArray] = {}
        self._specs = specs(WORKSPACE)
        self._add_docks(DRAW)
        self.actions = build_menus(self)
        self._build_workspace_switch()
        self._panel_toggles: list[QAction] = []
        self._panels_end = self.view_menu.addSeparator()
        self.view_menu.addAction(self.actions.restore_layout)
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.actions.language_menu)
        self._fill_panel_toggles()
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_label)
        screen = self.screen().availableSize() * 0.95
        self.resize(QSize(1600, 1000).boundedTo(screen))  # first run; later, the saved geometry
        self._default_states[DRAW] = self.saveState()  # arrangement; sizes on first show
        self._needs_default_sizes = True

        self.setMinimumSize(*layout.WINDOW_MINIMUM)
        self.canvas_share = layout.CanvasShare(
            self, self.central_stack, lambda: self.workspace_key == DRAW, self.panels
        )
        self.workspace_changed.connect(lambda _k: self.canvas_share.update())

        self.classroom = help.install(self)  # presentation, full screen, guide, shortcuts
        self.export_panel_action = panel_export.install(
            self, self.menuBar().findChild(QMenu, "menuFile")
        )

        self._connect()
        self.teacher = Teacher(self, self.label_row)
        self._restore_settings()
        self._subscribe(DRAW, True)
        self._on_model_changed(predictor)
        self.session.refresh_now()
        last = keys.read_str(self.settings, keys.WORKSPACE)
        if last and last != DRAW and workspace(last) is not None:
            self.switch_workspace(last)
        self._check_fonts()

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
    def workspace_panels(self) -> dict[str, QWidget]:
        """The panels of the active workspace, by key."""
        return {k: self.panels[k] for k in self._workspace_panels.get(self.workspace_key, [])}

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

    def teach(self, label: int):  # noqa: ANN201 (model.data.collection.Drawing | None)
        """Keep the current drawing as `label` in the user's collection, like the buttons."""
        return self.teacher.keep(label)

    def open_retrain_dialog(self) -> None:
        """Training ▸ Retrain…: one non-modal dialog (app/retrain), raised if already open."""
        from app.retrain import RetrainDialog  # imported on first use: keeps start-up lean

        dialog = self.findChild(RetrainDialog)
        if dialog is None:
            dialog = RetrainDialog(
                self.session,
                self,
                data_dir=memory.retrain_folder(self.settings),
                kept=self.teacher,
            )
            memory.watch_retrain_folder(self.settings, dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # ----- workspaces -------------------------------------------------------------------------
    def switch_workspace(self, key: str) -> QWidget:
        """Show workspace `key` (its central widget and its docks, as the user left them);
        build it on first use. Returns its central widget."""
        spec = workspace(key)
        if spec is None:
            raise ValueError(f"no workspace {key!r}")
        if key != self.workspace_key:
            self._states[self.workspace_key] = self.saveState()
            self._subscribe(self.workspace_key, False)
            for name in self._workspace_panels.get(self.workspace_key, []):
                self.docks[name].hide()
            if key not in self._centrals:
                central = spec.central(self)
                self._centrals[key] = central
                self.central_stack.addWidget(central)
                self._add_docks(key)
                self._default_states[key] = self.saveState()
            self.central_stack.setCurrentWidget(self._centrals[key])
            state = self._states.get(key)
            if state is None or not self.restoreState(state):
                for name in self._workspace_panels[key]:
                    self.docks[name].show()
                default_sizes(self, specs(key), self._docks_of(key))
                # once more after the new central widget is laid out: Qt ignores sizes asked
                # for before that, and the first dock would take half the window
                QTimer.singleShot(0, lambda: self._default_sizes_if_active(key))
            self.workspace_key = key
            self._subscribe(key, True)
            self._fill_panel_toggles()
            self.workspace_changed.emit(key)
        self.workspace_actions[key].setChecked(True)
        return self._centrals[key]

    def _default_sizes_if_active(self, key: str) -> None:
        if key == self.workspace_key:  # the user may have switched away already
            default_sizes(self, specs(key), self._docks_of(key))

    def _add_docks(self, key: str) -> None:
        workspace_specs = specs(key)
        panels = {spec.key: spec.factory() for spec in workspace_specs}
        layout.apply_minimum_sizes(panels)
        self.panels.update(panels)
        self.docks.update(create_docks(self, workspace_specs, panels))
        self._workspace_panels[key] = list(panels)

    def _docks_of(self, key: str) -> dict[str, QDockWidget]:
        return {name: self.docks[name] for name in self._workspace_panels.get(key, [])}

    def _subscribe(self, key: str, on: bool) -> None:
        """Only the active workspace's panels follow the session: hidden ones cost nothing."""
        subscribers = [self.panels[name] for name in self._workspace_panels.get(key, [])]
        if key == DRAW:
            subscribers.insert(0, self.digit_panel)
        central = self._centrals.get(key)
        if key != DRAW and hasattr(central, "show_result") and hasattr(central, "set_model"):
            subscribers.append(central)
        for panel in subscribers:
            (self.session.attach if on else self.session.detach)(panel)

    def _build_workspace_switch(self) -> None:
        toolbar = QToolBar(self.tr("Workspace"), self)
        toolbar.setObjectName("toolbarWorkspace")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.workspace_actions: dict[str, QAction] = {}
        for spec in workspaces():
            title = QCoreApplication.translate("workspaces", spec.title)  # i18n: runtime
            tooltip = QCoreApplication.translate("workspaces", spec.tooltip)  # i18n: runtime
            action = QAction(title, self)
            action.setObjectName(spec.action_name)
            action.setCheckable(True)
            action.setChecked(spec.key == self.workspace_key)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setToolTip(f"{tooltip} ({spec.shortcut})" if spec.shortcut else tooltip)
            action.triggered.connect(lambda _checked=False, k=spec.key: self.switch_workspace(k))
            group.addAction(action)
            toolbar.addAction(action)
            self.workspace_actions[spec.key] = action
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        first = self.view_menu.actions()[0] if self.view_menu.actions() else None
        for action in self.workspace_actions.values():
            self.view_menu.insertAction(first, action)
        self.view_menu.insertSeparator(first)

    def _fill_panel_toggles(self) -> None:
        """The View menu lists the active workspace's docks."""
        for action in self._panel_toggles:
            self.view_menu.removeAction(action)
        self._panel_toggles = [
            d.toggleViewAction() for d in self._docks_of(self.workspace_key).values()
        ]
        for action in self._panel_toggles:
            self.view_menu.insertAction(self._panels_end, action)

    # ----- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        a.open_image.triggered.connect(lambda: self.open_image())
        a.load_weights.triggered.connect(lambda: self.load_weights())
        a.save_weights.triggered.connect(lambda: self.save_weights())
        a.reset_weights.triggered.connect(self.reset_weights)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.canvas.undo)
        a.redo.triggered.connect(self.canvas.redo)
        connect_undo_actions(self.canvas.undo_stack, a.undo, a.redo)
        self.canvas.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        a.clear.triggered.connect(self.canvas.clear)
        a.restore_layout.triggered.connect(self.restore_default_layout)
        a.retrain.triggered.connect(self.open_retrain_dialog)
        a.about.triggered.connect(self.show_about)
        current = i18n.active_language()
        for code, action in a.languages.items():
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        a.pen_width.valueChanged.connect(self.canvas.set_pen_width)
        self.canvas.changed.connect(self.session.request)
        self.canvas.file_dropped.connect(self.open_image)
        self.session.model_changed.connect(self._on_model_changed)
        self.session.model_changed.connect(lambda p: memory.remember_model(self.settings, p))
        self.recent_weights = memory.RecentWeightsMenu(
            a.recent_weights, self.settings, self.load_weights
        )
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
            self.tr("test accuracy {0:.2%}").format(accuracy)
            if accuracy is not None
            else self.tr("no recorded accuracy")
        )
        self.model_label.setText(self.tr("Weights: {0} · {1}").format(label, recorded))
        self.setWindowTitle(f"LeNet Lens {model.__version__} — {label}")  # i18n: name

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
        canvas = self.canvas.rect().translated(
            self.canvas.mapToGlobal(self.canvas.rect().topLeft())
        )
        dialog.place_beside(canvas, self.screen().availableGeometry())
        dialog.show()
        return dialog

    # ----- files ------------------------------------------------------------------------------
    def open_image(self, path: str | os.PathLike | None = None) -> bool:
        """Read an image and classify it; on failure say why and leave the canvas as it was."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open image"), "", _image_filter())
            if not path:
                return False
        try:
            raster = load_image(path)
            self.predictor.predict(raster)  # refuse a blank image before replacing the drawing
        except ImageReadError as exc:
            self.show_error(self.tr("Cannot open image"), error_text(exc), exc)
            return False
        except NoInkError as exc:
            self.show_error(
                self.tr("No digit found"),
                self.tr("{0}: {1}").format(Path(path).name, error_text(exc)),
                exc,
            )
            return False
        self.canvas.set_image(raster)
        self.session.refresh_now()
        self.statusBar().showMessage(self.tr("Opened {0}").format(Path(path).name), 5000)
        return True

    def load_weights(self, path: str | os.PathLike | None = None) -> bool:
        """Load a weights file; a bad one leaves the active model in place."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load weights"), "", _weights_filter()
            )
            if not path:
                return False
        try:
            predictor = Predictor.load(path)
        except CheckpointError as exc:
            self.show_error(self.tr("Cannot load weights"), error_text(exc), exc)
            return False
        self.set_predictor(predictor)  # remembered (app.shell.memory)
        return True

    def save_weights(self, path: str | os.PathLike | None = None) -> bool:
        """Save the active model (atomically, with its metadata)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save weights as"), "", _weights_filter()
            )
            if not path:
                return False
        try:
            saved = save_checkpoint(self.predictor.checkpoint, path)
        except CheckpointError as exc:
            self.show_error(self.tr("Cannot save weights"), error_text(exc), exc)
            return False
        checkpoint = self.predictor.checkpoint
        if checkpoint.path is None:  # an unsaved (retrained) model now lives in this file
            checkpoint.path = saved
            self.session.set_predictor(self.predictor, label=saved.name)  # remembered
        self.statusBar().showMessage(self.tr("Saved weights to {0}").format(saved), 5000)
        return True

    def reset_weights(self) -> bool:
        """Back to the shipped weights."""
        try:
            predictor = Predictor.load()
        except CheckpointError as exc:
            self.show_error(self.tr("Cannot load the shipped weights"), error_text(exc), exc)
            return False
        self.set_predictor(predictor)  # forgets the last weights (app.shell.memory)
        return True

    # ----- messages ---------------------------------------------------------------------------
    def show_error(self, title: str, text: str, exc: BaseException | None = None) -> None:
        """The window's error box (one at a time): `app.shell.error_boxes.show_error`, details
        included."""
        if exc is not None:
            log.warning("%s: %s", title, text, exc_info=exc)
        if self.error_box is not None:
            self.error_box.close()
        self.error_box = show_error(self, title, text, exc)

    def show_about(self) -> None:
        accuracy = self.predictor.test_accuracy
        acc = f"{accuracy:.2%}" if accuracy is not None else self.tr("not recorded")
        self.about_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About LeNet Lens"),
            f"<b>LeNet Lens {model.__version__}</b><br>"
            + self.tr(
                "Draw a digit, watch LeNet-5 read it live, and look inside every layer."
                "<br><br>Active model: {0}<br>Recorded test accuracy: {1}"
            ).format(self.session.label, acc),
            parent=self,
        )
        self.about_box.setObjectName("aboutBox")
        self.about_box.setIconPixmap(app_icon().pixmap(64, 64))
        self.about_box.open()

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard shortcuts (app/shell/help.py), non-modal, listed from the actions."""
        return self.classroom.show_shortcuts()

    # ----- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """View ▸ Language: remembered in the settings, applied at the next start (several
        titles and plot labels are fixed when built, so a live switch would be half done)."""
        self.settings.setValue(keys.LANGUAGE, language)
        self.settings.sync()
        if language == i18n.active_language():
            self.statusBar().clearMessage()
            return
        note = self.tr("The language changes when LeNet Lens is restarted.")
        own_words = i18n.restart_note(language)  # also in the chosen language's own words
        if own_words != note:
            note = f"{note} / {own_words}"
        self.statusBar().showMessage(note)

    def _check_fonts(self) -> None:
        """Chinese chosen but no font covers it: the app works, and says what to install."""
        if i18n.active_language() == i18n.CHINESE and not i18n.has_chinese_font():
            message = i18n.missing_font_message()
            log.warning(message)
            self.statusBar().showMessage(message, 30000)

    # ----- layout and settings ----------------------------------------------------------------
    def restore_default_layout(self) -> None:
        """The active workspace's docks back where they started."""
        docks = self._docks_of(self.workspace_key)
        for dock in docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_states[self.workspace_key])
        default_sizes(self, specs(self.workspace_key), docks)
        if self.workspace_key == DRAW:
            layout.proportional_sizes(self, docks)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            default_sizes(self, self._specs, self.docks)
            layout.proportional_sizes(self, self._docks_of(DRAW))

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = keys.read_bytes(s, keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = keys.read_bytes(s, keys.DOCK_STATE)
        if state is not None:
            self._needs_default_sizes = not self.restoreState(state)
        for spec in workspaces():
            saved = keys.read_bytes(s, keys.workspace_state_key(spec.key))
            if spec.key != DRAW and saved is not None:
                self._states[spec.key] = saved
        pen = keys.read_float(s, keys.PEN_WIDTH, self.canvas.pen_width)
        self.actions.pen_width.setValue(round(pen))
        self.canvas.set_pen_width(self.actions.pen_width.value())

    def save_settings(self) -> None:
        s = self.settings
        s.setValue(keys.GEOMETRY, self.saveGeometry())
        self._states[self.workspace_key] = self.saveState()
        for key, state in self._states.items():
            s.setValue(keys.DOCK_STATE if key == DRAW else keys.workspace_state_key(key), state)
        s.setValue(keys.WORKSPACE, self.workspace_key)
        s.setValue(keys.PEN_WIDTH, self.actions.pen_width.value())
        s.sync()

    def confirm_quit(self) -> None:
        """Close without asking about an unsaved model (the user chose Save or Discard)."""
        self._quit_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Close child dialogs first (their closeEvents stop any workers), then save settings."""
        if not self._quit_confirmed and quit_guard.is_unsaved(self.predictor):
            event.ignore()  # Save / Discard / Cancel first (app.shell.quit_guard)
            if self.quit_box is not None and self.quit_box.isVisible():
                self.quit_box.raise_()
            else:
                self.quit_box = quit_guard.ask_to_save(self, self.session.label)
            return
        for dialog in self.findChildren(QDialog):
            dialog.close()
        job_owner().stop_all()  # every background job still running, whoever started it
        self.save_settings()
        super().closeEvent(event)
