"""Menu bar and toolbar: the actions, their shortcuts and their stable objectNames.

The objectNames are part of the automation surface (tests and scripts find actions by them);
the window connects the actions to its slots.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSpinBox, QToolBar

from app.core.drawing import DEFAULT_PEN_WIDTH
from app.i18n import LANGUAGES
from app.shell.help import plain_text

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
    shortcuts: QAction
    pen_width: QSpinBox
    #: View ▸ Language: one checkable action per language code (objectName `language_<code>`).
    languages: dict[str, QAction]
    language_menu: QMenu
    recent_weights: QMenu | None = None  # File ▸ Recent weights (filled by app.shell.memory)
    view_menu: QMenu | None = None  # filled by the window from the panel registry


def _action(window: QMainWindow, name: str, text: str, *shortcuts: str | Key) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    return action


def _language_actions(window: QMainWindow) -> dict[str, QAction]:
    """One checkable action per language, each named in its own language (so a reader of
    either can find theirs); the window connects them (app/shell/main_window.py)."""
    group = QActionGroup(window)
    group.setExclusive(True)
    actions = {}
    names = {
        "en": QCoreApplication.translate("menus", "English"),
        "zh_CN": QCoreApplication.translate("menus", "Chinese"),
    }
    for code, native in LANGUAGES.items():
        here = names.get(code, native)
        action = QAction(native if here == native else f"{native} ({here})", window)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        group.addAction(action)
        actions[code] = action
    return actions


def build_menus(window: QMainWindow) -> Actions:
    actions = Actions(
        open_image=_action(
            window, "actionOpenImage", QCoreApplication.translate("menus", "&Open image…"), Key.Open
        ),
        load_weights=_action(
            window, "actionLoadWeights", QCoreApplication.translate("menus", "&Load weights…")
        ),
        save_weights=_action(
            window,
            "actionSaveWeights",
            QCoreApplication.translate("menus", "&Save weights as…"),
            Key.SaveAs,
        ),
        reset_weights=_action(
            window,
            "actionResetWeights",
            QCoreApplication.translate("menus", "&Reset to shipped weights"),
        ),
        quit=_action(window, "actionQuit", QCoreApplication.translate("menus", "&Quit"), Key.Quit),
        undo=_action(
            window, "actionUndo", QCoreApplication.translate("menus", "&Undo last stroke"), "Ctrl+Z"
        ),
        redo=_action(
            window,
            "actionRedo",
            QCoreApplication.translate("menus", "&Redo"),
            "Ctrl+Shift+Z",
            "Ctrl+Y",
        ),
        clear=_action(
            window, "actionClear", QCoreApplication.translate("menus", "&Clear"), "Esc", "Delete"
        ),
        restore_layout=_action(
            window,
            "actionRestoreLayout",
            QCoreApplication.translate("menus", "Restore &default layout"),
        ),
        retrain=_action(
            window, "actionRetrain", QCoreApplication.translate("menus", "&Retrain…"), "Ctrl+R"
        ),
        about=_action(
            window, "actionAbout", QCoreApplication.translate("menus", "&About LeNet Lens")
        ),
        shortcuts=_action(
            window,
            "actionShortcuts",
            QCoreApplication.translate("menus", "&Keyboard shortcuts"),
            "Ctrl+/",
        ),
        pen_width=QSpinBox(),
        languages=_language_actions(window),
        language_menu=QMenu(QCoreApplication.translate("menus", "&Language")),
    )
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("menus", "&File"))
    file_menu.setObjectName("menuFile")
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
    edit_menu = bar.addMenu(QCoreApplication.translate("menus", "&Edit"))
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addAction(actions.clear)
    view_menu = bar.addMenu(QCoreApplication.translate("menus", "&View"))
    view_menu.setObjectName("menuView")
    actions.language_menu.setParent(view_menu, actions.language_menu.windowFlags())
    actions.language_menu.setObjectName("menuLanguage")
    for action in actions.languages.values():
        actions.language_menu.addAction(action)  # the window adds it at the end of View
    training_menu = bar.addMenu(QCoreApplication.translate("menus", "&Training"))
    training_menu.setObjectName("menuTraining")
    training_menu.addAction(actions.retrain)
    help_menu = bar.addMenu(QCoreApplication.translate("menus", "&Help"))
    help_menu.setObjectName("menuHelp")
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)

    toolbar = QToolBar(QCoreApplication.translate("menus", "Canvas"), window)
    toolbar.setObjectName("toolbarCanvas")
    toolbar.addAction(actions.undo)
    toolbar.addAction(actions.redo)
    toolbar.addAction(actions.clear)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(QCoreApplication.translate("menus", " Pen width ")))
    spin = actions.pen_width
    spin.setObjectName("penWidth")
    spin.setRange(4, 60)
    spin.setSuffix(QCoreApplication.translate("menus", " px"))
    spin.setValue(round(DEFAULT_PEN_WIDTH))
    spin.setToolTip(
        QCoreApplication.translate(
            "menus", "Stroke width on the 280x280 canvas (default 20 ≈ MNIST's stroke)"
        )
    )
    toolbar.addWidget(spin)
    toolbar.addSeparator()
    toolbar.addAction(actions.open_image)
    for action in (actions.clear, actions.open_image):  # undo/redo: app/shell/undo_actions.py
        # the toolbar's button and tooltip: not "清除(C)", Qt strips only the "&"
        action.setIconText(plain_text(action.text()))
        action.setToolTip(plain_text(action.text()))
    window.addToolBar(toolbar)
    actions.view_menu = view_menu
    return actions
