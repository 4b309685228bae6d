"""Keeping drawings: the one path from the label row, Ctrl+digit and `MainWindow.teach`.

The teacher keeps the drawing in the user's collection (the context's `collection`, opened on
first use). Every keep says so in the status bar with the way back (Undo last keep, Ctrl+Alt+Z,
also a button beside the row). It also offers the Training menu's "Keep drawing as",
"My drawings…" and "Fine-tune on my drawings…" actions (`menu_actions`, placed by the window)
and owns their windows.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.core.context import AppContext
from app.core.drawing import CanvasDrawing
from app.core.error_text import error_text
from app.core.workspaces import DRAW
from app.teach.label_row import LabelRow
from model.data.collection import Collection, Drawing
from model.errors import SaveError

if TYPE_CHECKING:
    from app.teach.collection_dialog import CollectionDialog
    from app.teach.finetune_dialog import FinetuneDialog

log = logging.getLogger(__name__)
UNDO_SHORTCUT = "Ctrl+Alt+Z"
MESSAGE_MS = 8000


def canvas_drawing(drawing: CanvasDrawing) -> tuple[list[np.ndarray], float] | None:
    """(strokes, pen width) of the drawing, or None when it has no strokes. A drawing made
    with several widths is kept with the width most of its points were drawn with."""
    strokes = drawing.drawn_strokes()
    if not strokes:
        return None
    widths: Counter[float] = Counter()
    for points, width in strokes:
        widths[width] += len(points)
    return [points for points, _ in strokes], widths.most_common(1)[0][0]


class Teacher(QObject):
    """Keeping the drawing and its undo. `collection_changed` after every change."""

    collection_changed = Signal()
    kept = Signal(object)  # the Drawing

    def __init__(self, context: AppContext, row: LabelRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self._undo_depth = 0
        self.collection_dialog: CollectionDialog | None = None
        self.finetune_dialog: FinetuneDialog | None = None
        self._build_actions()
        self.undo_button = QToolButton()
        self.undo_button.setText(self.tr("Undo keep"))
        self.undo_button.setObjectName("teachUndo")
        self.undo_button.setToolTip(
            self.tr("Remove the drawing you just kept ({0})").format(UNDO_SHORTCUT)
        )
        self.undo_button.clicked.connect(self.undo)
        row.add_to_caption_line(self.undo_button)
        row.chosen.connect(self.keep)
        context.collection.collection_changed.connect(self.collection_changed)
        context.drawing.changed.connect(self._update_available)
        context.workspace_changed.connect(self._update_available)
        self._update_available()
        self._update_undo()

    # ----- actions ------------------------------------------------------------------------
    def _action(self, name: str, text: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        self.teach_actions: list[QAction] = []
        for digit in range(10):
            action = self._action(
                f"actionTeach{digit}", self.tr("Keep as &{0}").format(digit), f"Ctrl+{digit}"
            )
            action.triggered.connect(lambda _checked=False, d=digit: self.keep(d))
            self.teach_actions.append(action)
        self.undo_action = self._action("actionUndoKeep", self.tr("&Undo last keep"), UNDO_SHORTCUT)
        self.undo_action.triggered.connect(self.undo)
        self.collection_action = self._action("actionMyDrawings", self.tr("&My drawings…"))
        self.collection_action.triggered.connect(self.open_collection_view)
        self.finetune_action = self._action("actionFinetune", self.tr("&Fine-tune on my drawings…"))
        self.finetune_action.triggered.connect(self.open_finetune)

    def fill_menu(self, menu: QMenu) -> None:
        """Training ▸ Keep drawing as, Undo last keep, My drawings…, Fine-tune…"""
        menu.addSeparator()
        keep_menu = menu.addMenu(self.tr("&Keep drawing as"))
        keep_menu.setObjectName("menuKeepAs")
        for action in self.teach_actions:
            keep_menu.addAction(action)
        for action in (self.undo_action, self.collection_action, self.finetune_action):
            menu.addAction(action)

    @property
    def actions(self) -> list[QAction]:
        """Every action with a shortcut or a menu entry (the window makes them window-wide)."""
        return [*self.teach_actions, self.undo_action, self.collection_action, self.finetune_action]

    def _update_available(self) -> None:
        # strokes to keep, on the canvas the user sees (Ctrl+digit elsewhere would surprise)
        visible = self.context.workspace in ("", DRAW)
        available = visible and self.context.drawing.stroke_count > 0
        self.row.set_available(available)
        for action in self.teach_actions:
            action.setEnabled(available)
        self._update_undo()

    def _update_undo(self) -> None:
        """Training ▸ Undo last keep while there is one; the button beside the row only while
        the canvas shows a drawing (beside a disabled row, over an opened sample, it looked as
        if it undid something there)."""
        self.undo_action.setEnabled(self._undo_depth > 0)
        showing_image = self.context.drawing.state().image is not None
        self.undo_button.setVisible(self._undo_depth > 0 and not showing_image)

    # ----- the collection -----------------------------------------------------------------
    @property
    def collection(self) -> Collection:
        """The user's collection, opened on first use (its notice shown once)."""
        return self.context.collection.collection

    def changed(self) -> None:
        self.context.collection.announce()

    # ----- keeping ------------------------------------------------------------------------
    def keep(self, label: int) -> Drawing | None:
        """Keep the drawing as `label`; None (and why, to the user) if it could not."""
        drawing = canvas_drawing(self.context.drawing)
        if drawing is None:
            self.context.show_notice(self.tr("Nothing to keep: draw a digit first"), MESSAGE_MS)
            return None
        strokes, pen_width = drawing
        predicted = self.context.session.result.digit
        try:
            kept = self.collection.keep(strokes, label, pen_width, predicted)
        except SaveError as exc:
            self.context.show_error(
                self.tr("Drawing not kept"),
                self.tr("{0}\nThe drawing was not kept.").format(error_text(exc)),
                exc,
            )
            return None
        except ValueError as exc:
            self.context.show_error(self.tr("Drawing not kept"), error_text(exc), exc)
            return None
        self._undo_depth += 1
        self._update_undo()
        self.context.show_notice(
            self.tr("Kept as {0} · Undo: {1}").format(label, UNDO_SHORTCUT), MESSAGE_MS
        )
        self.kept.emit(kept)
        self.changed()
        return kept

    def undo(self) -> Drawing | None:
        """Remove the drawing kept last in this session."""
        if self._undo_depth == 0:
            return None
        try:
            removed = self.collection.undo_last_keep()
        except SaveError as exc:
            self.context.show_error(
                self.tr("Keep not undone"),
                self.tr("{0}\nThe drawing is still kept.").format(error_text(exc)),
                exc,
            )
            return None
        self._undo_depth = self._undo_depth - 1 if removed is not None else 0
        self._update_undo()
        if removed is not None:
            self.context.show_notice(
                self.tr("Removed the {0} you kept").format(removed.label), MESSAGE_MS
            )
            self.changed()
        return removed

    # ----- windows ------------------------------------------------------------------------
    def _dialog_parent(self) -> QWidget:
        return self.row.window()  # the main window, so the dialog stays above it

    def open_collection_view(self) -> CollectionDialog:
        """Training ▸ My drawings…: one non-modal window, raised if open."""
        from app.teach.collection_dialog import CollectionDialog

        if self.collection_dialog is None:
            self.collection_dialog = CollectionDialog(self.context, self._dialog_parent())
        self.collection_dialog.show()
        self.collection_dialog.raise_()
        return self.collection_dialog

    def open_finetune(self) -> FinetuneDialog:
        """Training ▸ Fine-tune on my drawings…: one non-modal dialog, raised if open."""
        from app.teach.finetune_dialog import FinetuneDialog

        if self.finetune_dialog is None:
            self.finetune_dialog = FinetuneDialog(self.context, self._dialog_parent())
        self.finetune_dialog.show()
        self.finetune_dialog.raise_()
        return self.finetune_dialog
