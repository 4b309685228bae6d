"""Quitting with an unsaved model: Save / Discard / Cancel, as desktop apps ask.

A retrained model put in use lives only in memory until it is saved; closing the window would
lose minutes of training without a word. The question is asked window-modally and without a
nested event loop (`QMessageBox.open`): the close is refused, and the answer either saves and
closes, closes, or leaves the window as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from model.network.inference import Predictor

Button = QMessageBox.StandardButton


def is_unsaved(predictor: Predictor) -> bool:
    """True for a model that exists in no file (a retrained one not yet saved)."""
    return predictor.source is None


def ask_to_save(
    window: QMainWindow,
    label: str,
    save: Callable[[], bool],
    quit_now: Callable[[], None],
) -> QMessageBox:
    """Ask over `window`; Save runs `save()` and, if it saved, `quit_now()`; Discard quits."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("quit_guard", "Save the model in use?"),
        QCoreApplication.translate(
            "quit_guard", "The model in use ({0}) has not been saved. Quit anyway and lose it?"
        ).format(label),
        Button.Save | Button.Discard | Button.Cancel,
        window,
    )
    box.setObjectName("unsavedModelBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setInformativeText(
        QCoreApplication.translate(
            "quit_guard", "Save keeps it in a weights file that opens next time."
        )
    )
    box.setDefaultButton(Button.Save)

    def answered(button: int) -> None:
        choice = box.standardButton(box.clickedButton()) if box.clickedButton() else button
        if choice == Button.Save:
            if save():
                quit_now()
        elif choice == Button.Discard:
            quit_now()

    box.finished.connect(answered)
    box.open()
    return box
