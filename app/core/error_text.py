"""Errors from `model/` in the user's language, at the GUI boundary.

`model/` stays Qt-free and raises typed errors (model/errors.py) whose English message names the
file and the problem. The GUI shows `error_text(exc)`: a translated sentence for the error's
kind, then the original detail (with the file name), so a Chinese reader knows what happened and
a bug report still carries the exact English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model import errors


def _kinds() -> list[tuple[type[BaseException], str]]:
    """Most specific first: the first class `exc` is an instance of gives the sentence."""
    return [
        (
            errors.CheckpointSaveError,
            QCoreApplication.translate("error_text", "The weights file could not be saved."),
        ),
        (
            errors.SaveError,
            QCoreApplication.translate("error_text", "The file could not be written."),
        ),
        (
            errors.CheckpointError,
            QCoreApplication.translate("error_text", "These weights cannot be used."),
        ),
        (
            errors.DownloadError,
            QCoreApplication.translate("error_text", "MNIST could not be downloaded."),
        ),
        (
            errors.DataError,
            QCoreApplication.translate("error_text", "The MNIST files are missing or damaged."),
        ),
        (
            errors.ImageReadError,
            QCoreApplication.translate("error_text", "This file cannot be read as an image."),
        ),
        (
            errors.NoInkError,
            QCoreApplication.translate(
                "error_text", "There is no digit to read: the image is blank."
            ),
        ),
        (
            errors.TrainingDiverged,
            QCoreApplication.translate(
                "error_text", "Training diverged (the loss became infinite)."
            ),
        ),
        (errors.Cancelled, QCoreApplication.translate("error_text", "Stopped at your request.")),
        (MemoryError, QCoreApplication.translate("error_text", "Out of memory.")),
    ]


def error_sentence(exc: BaseException) -> str:
    """The translated one-sentence summary of `exc`'s kind."""
    for kind, sentence in _kinds():
        if isinstance(exc, kind):
            return sentence
    return QCoreApplication.translate("error_text", "Something went wrong.")


def error_text(exc: BaseException) -> str:
    """The translated summary, a blank line, and the original detail (names the file)."""
    detail = str(exc).strip()
    if not detail:
        return error_sentence(exc)
    return QCoreApplication.translate("error_text", "{0}\n\nDetails: {1}").format(
        error_sentence(exc), detail
    )
