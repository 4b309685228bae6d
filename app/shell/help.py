"""For a teacher at a projector: View ▸ Presentation, View ▸ Full screen (F11), Help ▸ "What am
I looking at?" (F1, a short guide to the panels) and Help ▸ Keyboard shortcuts (listed from the
window's own actions, so the list never goes stale).

`install(...)` adds the actions to the View and Help menus it is given; presentation mode widens
the central share (`app.shell.layout.CentralShare`) and tells the workspaces through the
context's `presentation` signal (Draw enlarges its answer).
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.context import AppContext
from app.shell.layout import CentralShare

PRESENTATION_SCALE = 1.5  # fonts in presentation mode
#: Whether presentation mode was on when the app last closed (restored at start).
PRESENTATION_KEY = "view/presentation"


def guide_html() -> str:
    """The short guide to the panels (Help ▸ What am I looking at?)."""
    return QCoreApplication.translate(
        "help",
        "<h3>What am I looking at?</h3>"
        "<p><b>The canvas</b> (middle): draw a digit with the mouse or a pen, or open a photo. "
        "LeNet-5, a small convolutional network from 1998, reads it live; its answer and how "
        "sure it is are shown beneath.</p>"
        "<p><b>Network input (32x32)</b>: your drawing the way MNIST's digits were made: cropped, "
        "scaled to 20 px, centred by its mass, padded. This small image is all the network "
        "sees.</p>"
        "<p><b>C1</b>: six 5x5 filters slide over the input; each map is bright where its "
        "pattern (an edge, a stroke direction) is found. <b>S1</b> halves each map (pooling), "
        "keeping the strongest responses, so small shifts matter less.</p>"
        "<p><b>C2</b>: sixteen maps, each combining all six S1 maps with its own filters: "
        "patterns of patterns (corners, curves, stroke ends). <b>S2</b> halves them again.</p>"
        "<p><b>F5 · F6</b>: fully connected layers; every unit sees the whole input. "
        "<b>Probabilities</b>: the last layer's verdict for each digit 0-9.</p>"
        "<p><b>Kernels</b>: the learned filters themselves (red positive, blue negative "
        "weights). C2's grid: columns are its 16 filters, rows the 6 S1 maps they read.</p>"
        "<p><b>Try</b>: hover any map to see the value and the part of the input it looks at; "
        "click a map to enlarge it beside its kernels; Training ▸ Retrain… to train your own "
        "network and watch it learn.</p>",
    )


class GuideDialog(QDialog):
    """Help ▸ What am I looking at?: non-modal, so it can stay open beside the window."""

    def __init__(self, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # presentation's font too
        self.setWindowTitle(QCoreApplication.translate("help", "What am I looking at?"))
        self.text = QTextBrowser()
        self.text.setHtml(guide_html())
        self.text.setOpenExternalLinks(False)
        QVBoxLayout(self).addWidget(self.text)
        self.resize(520, 560)


# A Chinese-style accelerator after the text, "全屏(&F)": shown as a stray "(F)" if kept.
_ACCELERATOR = re.compile(r"\s*[(（]&[^)）]+[)）]")


def plain_text(text: str) -> str:
    """An action's text as a label outside its menu: no accelerator ("&Full screen",
    "全屏(&F)" -> "Full screen", "全屏") and no trailing "…"."""
    text = _ACCELERATOR.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_order(window: QMainWindow) -> list[QAction]:
    """The window's actions in the order its menus show them (File first, …), then the rest."""
    ordered: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif action not in ordered:
                ordered.append(action)

    walk(window.menuBar().actions())
    ordered += [a for a in window.findChildren(QAction) if a not in ordered]
    return ordered


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, in menu order (the
    order a reader finds them in the menus; sorting translated names by code point is no
    order at all in Chinese)."""
    rows: dict[str, str] = {}
    for action in _menu_order(window):
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        name = plain_text(action.text())
        if keys and name and name not in rows:
            rows[name] = QCoreApplication.translate("help", ", ").join(keys)
    return list(rows.items())


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: a table built from the window's actions."""

    def __init__(self, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
        self.setWindowTitle(QCoreApplication.translate("help", "Keyboard shortcuts"))
        rows = shortcut_rows(parent)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("help", "Action"),
                QCoreApplication.translate("help", "Keys"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.table)
        self.resize(460, 520)


class TeacherTools:
    """The actions and their state; `window.classroom` after `install(...)`."""

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        share: CentralShare,
        shortcuts: QAction,
    ) -> None:
        self.window, self.context, self.share = window, context, share
        self.base_point_size = window.font().pointSizeF()
        self.presentation = self._action(
            "actionPresentation",
            QCoreApplication.translate("help", "&Presentation"),
            "Ctrl+Shift+P",
        )
        self.presentation.setCheckable(True)
        self.presentation.setToolTip(
            QCoreApplication.translate("help", "Larger text and a larger canvas, for a projector")
        )
        self.presentation.toggled.connect(self.set_presentation)
        self.full_screen = self._action(
            "actionFullScreen", QCoreApplication.translate("help", "&Full screen"), "F11"
        )
        self.full_screen.setCheckable(True)
        self.full_screen.toggled.connect(self.set_full_screen)
        self.guide = self._action(
            "actionGuide", QCoreApplication.translate("help", "&What am I looking at?"), "F1"
        )
        self.guide.triggered.connect(self.show_guide)
        self.shortcuts = shortcuts  # Help ▸ Keyboard shortcuts (app/shell/menus.py)
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.guide_dialog: GuideDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.scale = 1.0
        # a workspace built while presenting gets the larger plot text too
        context.workspace_changed.connect(lambda _key: scale_plots(self.window, self.scale))

    def _action(self, name: str, text: str, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(plain_text(text))
        return action

    def set_presentation(self, on: bool) -> None:
        """Scale the window's text (plots' too) and give the central widget a larger share of
        the width; remembered for the next start."""
        self.scale = PRESENTATION_SCALE if on else 1.0
        font = self.window.font()
        font.setPointSizeF(self.base_point_size * self.scale)
        self.window.setFont(font)
        scale_plots(self.window, self.scale)
        self.context.presentation.emit(self.scale)
        self.share.presenting = on
        self.share.update()
        self.share.claim()
        self.context.settings.setValue(PRESENTATION_KEY, on)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()

    def show_guide(self) -> GuideDialog:
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.window)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        return self.guide_dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.window)  # fresh: the list may have grown
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog


def scale_plots(window: QWidget, factor: float) -> None:
    """Plot text `factor` times its normal size: axis ticks, axis titles and text items drawn
    in points (the window's font does not reach inside pyqtgraph's scenes). The normal sizes
    are kept on each item the first time, so going back is exact."""
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                _scale_axis(item, factor)
            elif isinstance(item, pg.TextItem):
                _scale_text(item, factor)


def _scale_axis(axis: pg.AxisItem, factor: float) -> None:
    base = axis.__dict__.setdefault(
        "_lens_base", (axis.font().pointSizeF(), axis.fixedWidth, axis.fixedHeight)
    )
    points, width, height = base
    if points <= 0:
        return
    font = QFont(axis.font())
    font.setPointSizeF(points * factor)
    axis.setStyle(tickFont=font)
    axis.label.setFont(font)
    if width is not None:
        axis.setWidth(int(width * factor))
    if height is not None:
        axis.setHeight(int(height * factor))


def _scale_text(item: pg.TextItem, factor: float) -> None:
    points = item.__dict__.setdefault("_lens_points", item.textItem.font().pointSizeF())
    if points > 0:  # pixel-sized text (the confusion matrix) is fitted to its cells instead
        font = item.textItem.font()
        font.setPointSizeF(points * factor)
        item.setFont(font)


def install(
    window: QMainWindow,
    context: AppContext,
    share: CentralShare,
    view_menu: QMenu,
    help_menu: QMenu,
    shortcuts: QAction,
) -> TeacherTools:
    """Add Presentation and Full screen to View, the guide and the shortcut list to Help."""
    tools = TeacherTools(window, context, share, shortcuts)
    view_menu.addSeparator()
    view_menu.addAction(tools.presentation)
    view_menu.addAction(tools.full_screen)
    first = help_menu.actions()[0] if help_menu.actions() else None
    help_menu.insertAction(first, tools.guide)
    if context.settings.value(PRESENTATION_KEY, False) in (True, "true"):
        tools.presentation.setChecked(True)  # as the user left it
    return tools
