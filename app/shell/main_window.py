"""The main window: the shell around the workspaces the registries describe.

It does no math and calls no panel by name. It is built around an `AppContext` (the entry point
loads the model into one, `app.shell.start`), builds each workspace's centre and docks from the
registries (`app.core.workspaces.WORKSPACES`, `app.core.panel_registry.PANELS`, filled by
`app.features`) when the workspace is first shown, subscribes only the active workspace's panels
to the live session, and is the only listener to the context's notices, errors and navigation:
the only code touching the status bar, the error boxes and the workspace stack. Reading
`current_result` runs a pending refresh at once, so scripts see the drawing as it stands.
"""

from __future__ import annotations

import logging
import os

import numpy as np
from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
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
from app.core.context import AppContext
from app.core.error_text import error_text
from app.core.panel_contract import Panel
from app.core.panel_registry import PanelSpec, specs
from app.core.session import LiveSession
from app.core.workspaces import DRAW, WORKSPACES, OffersActions, WorkspaceSpec
from app.draw.canvas import DrawingCanvas
from app.draw.map_detail import MapDetailDialog
from app.draw.open_image import image_filter, open_image
from app.draw.panels.digit import DigitPanel
from app.draw.workspace import DrawWorkspace
from app.icons import app_icon
from app.shell import help, layout, memory, panel_export, quit_guard  # app.shell.help
from app.shell import settings as keys
from app.shell.docks import create_docks, default_sizes
from app.shell.error_boxes import show_error
from app.shell.menus import build_menus
from app.shell.undo_actions import connect_undo_actions
from app.teach.teacher import Teacher
from app.widgets.plot_style import configure_pyqtgraph
from app.widgets.save_dialog import ask_save_path
from model.data.collection import Drawing
from model.errors import CheckpointError
from model.files.checkpoint import save_checkpoint
from model.network.inference import Prediction, Predictor

log = logging.getLogger(__name__)


def _weights_filter() -> str:
    return QCoreApplication.translate("MainWindow", "LeNet Lens weights (*.pt);;All files (*)")


class MainWindow(QMainWindow):
    """LeNet Lens around `context` (`app.shell.start.open_window` builds both)."""

    #: The active workspace changed (its key, e.g. "draw", "insight").
    workspace_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"LeNet Lens {model.__version__}")  # i18n: name
        self.setWindowIcon(app_icon())
        configure_pyqtgraph()
        self.context = context
        context.setParent(self)  # the session, the drawing and their timers live as long as this
        self.settings = context.settings
        self.session: LiveSession = context.session
        self.error_box: QMessageBox | None = None
        self.about_box: QMessageBox | None = None
        self.quit_box: QMessageBox | None = None
        self._quit_confirmed = False
        self.central_stack = QStackedWidget()
        self.central_stack.setObjectName("workspaceStack")
        self.setCentralWidget(self.central_stack)

        # Every workspace's centre, panels and docks, by key; built when first entered.
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._centrals: dict[str, QWidget] = {}
        self._workspace_panels: dict[str, list[str]] = {}
        self._default_states: dict[str, QByteArray] = {}
        self._states: dict[str, QByteArray] = {}
        self._home = WORKSPACES.items()[0].key
        self.workspace_key = self._home
        self.actions = build_menus(self)
        self._build_workspace(self._home)
        self.central_stack.setCurrentWidget(self._centrals[self._home])
        context.workspace_changed.emit(self._home)
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
        self._default_states[self._home] = self.saveState()  # arrangement; sizes on first show
        self._needs_default_sizes = True

        self.setMinimumSize(*layout.WINDOW_MINIMUM)
        self.central_share = layout.CentralShare(self, self._share_of_active)
        self.central_share.update()
        self.workspace_changed.connect(lambda _k: self.central_share.update())
        self.column_fit = layout.ColumnFit(self, lambda: self._share_of_active()[2])

        self.classroom = help.install(  # presentation, full screen, guide, shortcuts
            self,
            context,
            self.central_share,
            self.view_menu,
            self.menuBar().findChild(QMenu, "menuHelp"),
            self.actions.shortcuts,
        )
        self.export_panel_action = panel_export.install(
            self,
            context,
            lambda: self._docks_of(self.workspace_key),
            self.menuBar().findChild(QMenu, "menuFile"),
            self.actions.load_weights,
        )

        self._connect()
        self._restore_settings()
        self._subscribe(self._home, True)
        self._on_model_changed(self.session.predictor)
        self.session.refresh_now()
        last = keys.read(self.settings, keys.LAST_WORKSPACE)
        if last and last != self._home:
            self.switch_workspace(last)
        self._check_fonts()

    # ----- scripting surface: the parts tests and tools reach ---------------------------------
    @property
    def view_menu(self) -> QMenu:
        return self.actions.view_menu

    def central(self, key: str) -> QWidget:
        """Workspace `key`'s central widget (built on first use, not shown)."""
        if key not in self._centrals:
            self._build_central(key)
        return self._centrals[key]

    @property
    def draw(self) -> DrawWorkspace:
        """The Draw workspace's centre: the canvas, the answer, the label row."""
        return self.central(DRAW)  # type: ignore[return-value]

    @property
    def canvas_area(self) -> DrawWorkspace:
        return self.draw

    @property
    def canvas(self) -> DrawingCanvas:
        return self.draw.canvas

    @property
    def digit_panel(self) -> DigitPanel:
        return self.draw.digit_panel

    @property
    def teacher(self) -> Teacher:
        return self.draw.teacher

    @property
    def workspace_panels(self) -> dict[str, QWidget]:
        """The panels of the active workspace, by key."""
        return {k: self.panels[k] for k in self._workspace_panels.get(self.workspace_key, [])}

    @property
    def workspace_docks(self) -> dict[str, QDockWidget]:
        """The docks of the active workspace, by panel key."""
        return self._docks_of(self.workspace_key)

    @property
    def details(self) -> list[MapDetailDialog]:
        """The open map detail dialogs."""
        return self.draw.details()

    def open_map_detail(self, layer: str, index: int) -> MapDetailDialog:
        """As clicking map `index` of `layer`: it opens large beside the canvas."""
        return self.draw.open_map_detail(layer, index)

    @property
    def predictor(self) -> Predictor:
        """The active model."""
        return self.session.predictor

    @property
    def current_result(self) -> Prediction:
        """The result for the drawing as it stands (runs a pending throttled refresh first)."""
        return self.session.result

    def current_raster(self) -> np.ndarray | None:
        """The raster the model reads, or None when the drawing is blank."""
        return self.context.drawing.network_raster()

    def set_predictor(self, predictor: Predictor, label: str | None = None) -> None:
        """Hot-swap the active model: re-predict now, refresh every panel and the status bar."""
        self.session.set_predictor(predictor, label)

    def show_prediction(self, prediction: Prediction | None) -> None:
        """Show a prediction made elsewhere, once; the model is unchanged."""
        self.session.show(prediction)

    def teach(self, label: int) -> Drawing | None:
        """Keep the current drawing as `label` in the user's collection, like the buttons."""
        return self.teacher.keep(label)

    def open_retrain_dialog(self) -> None:
        """Training ▸ Retrain…: one non-modal dialog (app/retrain), raised if already open."""
        from app.retrain import RetrainDialog  # imported on first use: keeps start-up lean

        dialog = self.findChild(RetrainDialog)
        if dialog is None:
            dialog = RetrainDialog(self.context, self)  # the app's one data folder
            memory.watch_retrain_folder(self.settings, dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # ----- workspaces -------------------------------------------------------------------------
    def switch_workspace(self, key: str) -> QWidget:
        """Show workspace `key` (its central widget and its docks, as the user left them);
        build it on first use. Returns its central widget."""
        if key not in WORKSPACES:
            raise ValueError(f"no workspace {key!r}")
        if key != self.workspace_key:
            self._states[self.workspace_key] = self.saveState()
            self._subscribe(self.workspace_key, False)
            for name in self._workspace_panels.get(self.workspace_key, []):
                self.docks[name].hide()
            fresh = key not in self._workspace_panels
            if fresh:
                self._build_workspace(key)
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
            self.context.workspace_changed.emit(key)
            self.workspace_changed.emit(key)
        self.workspace_actions[key].setChecked(True)
        return self._centrals[key]

    def _default_sizes_if_active(self, key: str) -> None:
        if key == self.workspace_key:  # the user may have switched away already
            default_sizes(self, specs(key), self._docks_of(key))

    def _build_central(self, key: str) -> None:
        spec = WORKSPACES.get(key)
        if spec is None:
            raise ValueError(f"no workspace {key!r}")
        central = spec.central(self.context)
        self._centrals[key] = central
        self.central_stack.addWidget(central)
        if isinstance(central, OffersActions):
            self.addActions(central.window_actions())  # shortcuts work window-wide
            for menu in self.menuBar().findChildren(QMenu):
                central.fill_menu(menu.objectName(), menu)

    def _build_workspace(self, key: str) -> None:
        """The workspace's centre (unless built already) and its docks, from the registries."""
        if key not in self._centrals:
            self._build_central(key)
        workspace_specs = specs(key)
        panels = {s.key: s.factory(self.context) for s in workspace_specs}
        layout.apply_minimum_sizes(workspace_specs, panels)
        self.panels.update(panels)
        self.docks.update(create_docks(self, workspace_specs, panels))
        self._workspace_panels[key] = list(panels)

    def _docks_of(self, key: str) -> dict[str, QDockWidget]:
        return {name: self.docks[name] for name in self._workspace_panels.get(key, [])}

    def _share_of_active(self) -> tuple[QWidget, float | None, list[tuple[QWidget, PanelSpec]]]:
        spec = WORKSPACES.get(self.workspace_key)
        bounded = [
            (self.panels[s.key], s) for s in specs(self.workspace_key) if s.key in self.panels
        ]
        central = self._centrals[self.workspace_key]
        return central, spec.central_share if spec else None, bounded

    def _subscribe(self, key: str, on: bool) -> None:
        """Only the active workspace's centre and panels follow the session: hidden ones cost
        nothing."""
        subscribers: list[object] = [self.panels[n] for n in self._workspace_panels.get(key, [])]
        central = self._centrals.get(key)
        if isinstance(central, Panel):
            subscribers.insert(0, central)
        for panel in subscribers:
            (self.session.attach if on else self.session.detach)(panel)

    def _build_workspace_switch(self) -> None:
        toolbar = QToolBar(self.tr("Workspace"), self)
        toolbar.setObjectName("toolbarWorkspace")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.workspace_actions: dict[str, QAction] = {}
        for spec in WORKSPACES:
            title = QCoreApplication.translate("workspaces", spec.title)  # i18n: runtime
            tooltip = QCoreApplication.translate("workspaces", spec.tooltip)  # i18n: runtime
            action = QAction(title, self)
            action.setObjectName(spec.action_name)
            action.setCheckable(True)
            action.setChecked(spec.key == self.workspace_key)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            if spec.shortcut:
                tooltip = self.tr("{0} ({1})").format(tooltip, spec.shortcut)
            action.setToolTip(tooltip)
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
        a, context, drawing = self.actions, self.context, self.context.drawing
        a.open_image.triggered.connect(lambda: self.open_image())
        a.load_weights.triggered.connect(lambda: self.load_weights())
        a.save_weights.triggered.connect(lambda: self.save_weights())
        a.reset_weights.triggered.connect(self.reset_weights)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(drawing.undo)
        a.redo.triggered.connect(drawing.redo)
        connect_undo_actions(drawing.undo_stack, a.undo, a.redo)
        a.clear.triggered.connect(drawing.clear)
        a.restore_layout.triggered.connect(self.restore_default_layout)
        a.retrain.triggered.connect(self.open_retrain_dialog)
        a.about.triggered.connect(self.show_about)
        current = i18n.active_language()
        for code, action in a.languages.items():
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        a.pen_width.valueChanged.connect(drawing.set_pen_width)
        context.notice.connect(self._show_notice)
        context.error.connect(self.show_error)
        context.navigate.connect(self.switch_workspace)
        self.session.model_changed.connect(self._on_model_changed)
        self.session.model_changed.connect(lambda p: memory.remember_model(self.settings, p))
        self.recent_weights = memory.RecentWeightsMenu(
            a.recent_weights, self.settings, self.load_weights
        )
        self.session.preview_changed.connect(self._on_preview_changed)

    def _show_notice(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

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

    # ----- files ------------------------------------------------------------------------------
    def open_image(self, path: str | os.PathLike | None = None) -> bool:
        """Read an image and classify it; on failure say why and leave the drawing as it was."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open image"), "", image_filter())
            if not path:
                return False
        return open_image(self.context, path)

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
            path = ask_save_path(self, self.tr("Save weights as"), "", _weights_filter())
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
        included. Features ask for it through the context's `error` signal."""
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
    def _lay_out(self, spec: WorkspaceSpec | None, docks: dict[str, QDockWidget]) -> None:
        default_sizes(self, specs(spec.key) if spec else [], docks)
        if spec is not None and spec.default_layout is not None:
            spec.default_layout(self, docks)

    def restore_default_layout(self) -> None:
        """The active workspace's docks back where they started."""
        docks = self._docks_of(self.workspace_key)
        for dock in docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_states[self.workspace_key])
        for dock in docks.values():  # a workspace's default state was saved before its docks
            dock.show()  # were first shown: restoring it alone hid them (Insight's attribution)
        self._lay_out(WORKSPACES.get(self.workspace_key), docks)
        self.central_share.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            self._lay_out(WORKSPACES.get(self._home), self._docks_of(self._home))

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = keys.read_bytes(s, keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = keys.read_bytes(s, keys.workspace_state_key(self._home))
        if state is not None:
            self._needs_default_sizes = not self.restoreState(state)
        for spec in WORKSPACES:
            saved = keys.read_bytes(s, keys.workspace_state_key(spec.key))
            if spec.key != self._home and saved is not None:
                self._states[spec.key] = saved
        pen = keys.read(s, keys.PEN)
        self.actions.pen_width.setValue(round(pen or self.context.drawing.pen_width))
        self.context.drawing.set_pen_width(self.actions.pen_width.value())

    def save_settings(self) -> None:
        s = self.settings
        s.setValue(keys.GEOMETRY, self.saveGeometry())
        self._states[self.workspace_key] = self.saveState()
        for key, state in self._states.items():
            s.setValue(keys.workspace_state_key(key), state)
        s.setValue(keys.WORKSPACE, self.workspace_key)
        s.setValue(keys.PEN_WIDTH, self.actions.pen_width.value())
        s.sync()

    def confirm_quit(self) -> None:
        """Close without asking about an unsaved model (the user chose Save or Discard)."""
        self._quit_confirmed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close child dialogs first (their closeEvents stop any workers), tell the features
        to stop their background work, then save settings."""
        if not self._quit_confirmed and quit_guard.is_unsaved(self.predictor):
            event.ignore()  # Save / Discard / Cancel first (app.shell.quit_guard)
            if self.quit_box is not None and self.quit_box.isVisible():
                self.quit_box.raise_()
            else:
                self.quit_box = quit_guard.ask_to_save(
                    self, self.session.label, self.save_weights, self.confirm_quit
                )
            return
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.context.closing.emit()
        self.context.jobs.stop_all()  # every background job still running, whoever started it
        self.save_settings()
        super().closeEvent(event)
