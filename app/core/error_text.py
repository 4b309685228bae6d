"""Errors from `model/` in the user's language, at the GUI boundary.

`model/` stays Qt-free and raises typed errors (model/errors.py) whose English message names the
file and the problem. The GUI shows `error_text(exc)`: a translated sentence for the error's
kind, then the original detail (with the file name), so a Chinese reader knows what happened and
a bug report still carries the exact English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import ENGLISH, active_language
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


def _reasons() -> dict[str, str]:
    """`LeNetLensError.reason` -> the problem in the user's language ({0} is the file)."""
    return {
        "file.not_found": QCoreApplication.translate("error_text", "{0}: file not found"),
        "file.not_regular": QCoreApplication.translate(
            "error_text", "{0}: not a regular file (a folder, a device or a pipe)"
        ),
        "file.permission": QCoreApplication.translate(
            "error_text", "{0}: permission denied (the file cannot be read)"
        ),
        "image.unreadable": QCoreApplication.translate(
            "error_text", "{0}: not an image Pillow can read, or too large"
        ),
        "weights.not_weights": QCoreApplication.translate("error_text", "{0}: not a weights file"),
        "weights.corrupt": QCoreApplication.translate(
            "error_text", "{0}: the weights file is corrupt or truncated"
        ),
    }


def error_detail(exc: BaseException) -> str:
    """The problem with its file: translated when the error carries a known `reason` (the
    English message, with any low-level detail, stays in the log and under "Show Details…"),
    else the error's own message; in English, always the error's own message."""
    if active_language() == ENGLISH:
        return str(exc).strip()  # the model's own sentence, with every detail it has
    reason, path = getattr(exc, "reason", None), getattr(exc, "path", None)
    template = _reasons().get(reason) if isinstance(reason, str) else None
    if template is not None and path:
        return template.format(path)
    return str(exc).strip()


def error_text(exc: BaseException) -> str:
    """The translated summary, a blank line, and the detail (names the file)."""
    detail = error_detail(exc)
    if not detail:
        return error_sentence(exc)
    return QCoreApplication.translate("error_text", "{0}\n\nDetails: {1}").format(
        error_sentence(exc), detail
    )
