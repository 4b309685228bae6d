"""Menu bar and toolbar: the actions, their shortcuts and their stable objectNames.

The objectNames are part of the automation surface (tests and scripts find actions by them);
the window connects the actions to its slots.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSpinBox, QToolBar

from app.canvas import DEFAULT_PEN_WIDTH

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    open_image: QAction
    load_weights: QAction
    save_weights: QAction
    reset_weights: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    clear: QAction
    restore_layout: QAction
    retrain: QAction
    about: QAction
    pen_width: QSpinBox
    recent_weights: QMenu | None = None  # File ▸ Recent weights (filled by app.memory)
    view_menu: QMenu | None = None  # filled by the window from the panel registry


def _action(window: QMainWindow, name: str, text: str, *shortcuts) -> QAction:  # noqa: ANN002
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    return action


def build_menus(window: QMainWindow) -> Actions:
    actions = Actions(
        open_image=_action(window, "actionOpenImage", "&Open image…", Key.Open),
        load_weights=_action(window, "actionLoadWeights", "&Load weights…"),
        save_weights=_action(window, "actionSaveWeights", "&Save weights as…", Key.SaveAs),
        reset_weights=_action(window, "actionResetWeights", "&Reset to shipped weights"),
        quit=_action(window, "actionQuit", "&Quit", Key.Quit),
        undo=_action(window, "actionUndo", "&Undo last stroke", "Ctrl+Z"),
        redo=_action(
            window,
            "actionRedo",
            QCoreApplication.translate("menus", "&Redo"),
            "Ctrl+Shift+Z",
            "Ctrl+Y",
        ),
        clear=_action(window, "actionClear", "&Clear", "Esc", "Delete"),
        restore_layout=_action(window, "actionRestoreLayout", "Restore &default layout"),
        retrain=_action(window, "actionRetrain", "&Retrain…", "Ctrl+R"),
        about=_action(window, "actionAbout", "&About LeNet Lens"),
        pen_width=QSpinBox(),
    )
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions.open_image)
    file_menu.addSeparator()
    file_menu.addAction(actions.load_weights)
    actions.recent_weights = file_menu.addMenu(
        QCoreApplication.translate("menus", "Recent &weights")
    )
    actions.recent_weights.setObjectName("menuRecentWeights")
    for action in (actions.save_weights, actions.reset_weights):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addAction(actions.clear)
    view_menu = bar.addMenu("&View")
    view_menu.setObjectName("menuView")
    training_menu = bar.addMenu("&Training")
    training_menu.setObjectName("menuTraining")
    training_menu.addAction(actions.retrain)
    help_menu = bar.addMenu("&Help")
    help_menu.setObjectName("menuHelp")
    help_menu.addAction(actions.about)

    toolbar = QToolBar("Canvas", window)
    toolbar.setObjectName("toolbarCanvas")
    toolbar.addAction(actions.undo)
    toolbar.addAction(actions.redo)
    toolbar.addAction(actions.clear)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(" Pen width "))
    spin = actions.pen_width
    spin.setObjectName("penWidth")
    spin.setRange(4, 60)
    spin.setSuffix(" px")
    spin.setValue(round(DEFAULT_PEN_WIDTH))
    spin.setToolTip("Stroke width on the 280x280 canvas (default 20 ≈ MNIST's stroke)")
    toolbar.addWidget(spin)
    toolbar.addSeparator()
    toolbar.addAction(actions.open_image)
    window.addToolBar(toolbar)
    actions.view_menu = view_menu
    return actions
