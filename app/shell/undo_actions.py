"""Edit ▸ Undo / Redo follow the canvas's undo history: enabled only when there is something
to undo or redo, and named after it ("Undo clear", "Redo stroke")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoStack
from shiboken6 import isValid

from app.shell.help import plain_text


def connect_undo_actions(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Keep `undo` and `redo` enabled and labelled as the history allows."""

    def refresh() -> None:
        if not (isValid(stack) and isValid(undo) and isValid(redo)):
            return  # the stack empties itself while the window is being destroyed
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        what = stack.undoText()
        undo.setText(
            QCoreApplication.translate("undo", "&Undo {0}").format(what)
            if what
            else QCoreApplication.translate("undo", "&Undo")
        )
        again = stack.redoText()
        redo.setText(
            QCoreApplication.translate("undo", "&Redo {0}").format(again)
            if again
            else QCoreApplication.translate("undo", "&Redo")
        )
        for action in (undo, redo):  # the toolbar's button and tooltip, without "(U)"
            action.setIconText(plain_text(action.text()))
            action.setToolTip(plain_text(action.text()))

    stack.indexChanged.connect(lambda _i: refresh())
    stack.cleanChanged.connect(lambda _c: refresh())
    refresh()
