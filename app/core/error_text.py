"""Errors from `model/` in the user's language, at the GUI boundary.

`model/` stays Qt-free and raises typed errors (model/errors.py) whose English message names the
file and the problem. The GUI shows `error_text(exc)`: a translated sentence for the error's
kind, then the problem with its file name. In English that is the model's own message; in
another language it is worded from the error's `reason` id (with its `path` and `values`), so a
Chinese reader sees no English sentence, while the log and "Show Details…" keep the exact English
message for a bug report. One of the project's errors about a file without a known reason
names the file and says its exact message is in the log (where it is then written); a problem
not about a file is worded from its reason id too (a blank drawing, a diverged training), and an
unexpected error says its exact message is in the log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app.i18n import ENGLISH, active_language
from model import errors

log = logging.getLogger(__name__)


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
            errors.PenDigitsDownloadError,
            QCoreApplication.translate("error_text", "The pen digits could not be downloaded."),
        ),
        (
            errors.DownloadError,
            QCoreApplication.translate("error_text", "MNIST could not be downloaded."),
        ),
        (
            errors.PenDigitsError,
            QCoreApplication.translate("error_text", "The pen-digit file is missing or damaged."),
        ),
        (
            errors.DataError,
            QCoreApplication.translate("error_text", "The MNIST files are missing or damaged."),
        ),
        (
            errors.CollectionError,
            QCoreApplication.translate("error_text", "This collection file cannot be used."),
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
        "file.unreadable": QCoreApplication.translate(
            "error_text", "{0}: the file cannot be read (a disk or permission problem)"
        ),
        "file.too_large": QCoreApplication.translate(
            "error_text", "{0}: far larger than the expected file; refused"
        ),
        "file.corrupt_compressed": QCoreApplication.translate(
            "error_text", "{0}: the compressed data is corrupt or cut short"
        ),
        "file.bomb": QCoreApplication.translate(
            "error_text",
            "{0}: unpacks to far more than the expected file holds (not that file, or a "
            "decompression bomb); refused",
        ),
        # weights files: their content
        "weights.too_large": QCoreApplication.translate(
            "error_text", "{0}: far too large to be LeNet-5 weights; refused"
        ),
        "weights.carries_code": QCoreApplication.translate(
            "error_text",
            "{0}: the file carries program code, not just weights; not loaded (unsafe)",
        ),
        "weights.not_checkpoint": QCoreApplication.translate(
            "error_text", "{0}: not a LeNet Lens weights file"
        ),
        "weights.format_version": QCoreApplication.translate(
            "error_text",
            "{0}: a weights file format this LeNet Lens cannot read (it reads version {1})",
        ),
        "weights.invalid_contents": QCoreApplication.translate(
            "error_text", "{0}: the weights file's contents are invalid (an entry missing or wrong)"
        ),
        "weights.invalid_values": QCoreApplication.translate(
            "error_text",
            "{0}: the weights hold values that are not finite numbers (infinite or undefined)",
        ),
        "weights.invalid_metadata": QCoreApplication.translate(
            "error_text", "{0}: the description stored with the weights is invalid"
        ),
        "weights.not_lenet5": QCoreApplication.translate(
            "error_text", "{0}: the file holds another kind of network, not LeNet-5"
        ),
        "weights.other_architecture": QCoreApplication.translate(
            "error_text", "{0}: the weights are for a network of another shape than the file says"
        ),
        "weights.design_refused": QCoreApplication.translate(
            "error_text", "{0}: the network design stored in the file cannot be built"
        ),
        "weights.outputs_not_finite": QCoreApplication.translate(
            "error_text",
            "{0}: the network's outputs are not finite numbers on a test image (weights too "
            "large or damaged); not a usable network",
        ),
        # the collection of kept drawings
        "collection.not_text": QCoreApplication.translate(
            "error_text", "{0}: not a collection file (not text)"
        ),
        "collection.not_json": QCoreApplication.translate(
            "error_text", "{0}: the collection file is corrupt (not valid JSON)"
        ),
        "collection.not_collection": QCoreApplication.translate(
            "error_text", "{0}: not a LeNet Lens collection file"
        ),
        "collection.corrupt": QCoreApplication.translate(
            "error_text", "{0}: the collection file is corrupt"
        ),
        "collection.bad_drawing": QCoreApplication.translate(
            "error_text", "{0}: drawing {1} in the file is damaged"
        ),
        "collection.newer": QCoreApplication.translate(
            "error_text",
            "{0}: written by a newer LeNet Lens (collection format version {1}; this one reads "
            "version {2})",
        ),
        "collection.too_many": QCoreApplication.translate(
            "error_text", "{0}: more than {1:,} drawings; refused"
        ),
        "collection.read_only": QCoreApplication.translate(
            "error_text",
            "{0}: not saved: the collection file could not be read or set aside, so nothing is "
            "saved until it is fixed or moved",
        ),
        "save.failed": QCoreApplication.translate(
            "error_text",
            "{0}: could not be saved (a full disk, no permission to write there, or a bad name)",
        ),
        "save.not_regular": QCoreApplication.translate(
            "error_text", "{0}: could not be saved: it is not a regular file"
        ),
        # MNIST and other data files
        "mnist.missing": QCoreApplication.translate(
            "error_text", "{0}: MNIST is not in this folder (four IDX files are needed)"
        ),
        "data.not_idx": QCoreApplication.translate(
            "error_text", "{0}: not an IDX file, or corrupt"
        ),
        "data.wrong_size": QCoreApplication.translate(
            "error_text", "{0}: cut short or of the wrong size"
        ),
        "data.checksum": QCoreApplication.translate(
            "error_text",
            "{0}: the checksum does not match: the file is damaged or not the original MNIST "
            "file; delete it and download it again",
        ),
        # downloads
        "download.unreachable": QCoreApplication.translate(
            "error_text", "{0}: could not connect (is the computer online?)"
        ),
        "download.http": QCoreApplication.translate(
            "error_text", "{0}: the server refused (error {1})"
        ),
        "download.too_large": QCoreApplication.translate(
            "error_text", "{0}: larger than the file can be; refused"
        ),
        "download.incomplete": QCoreApplication.translate(
            "error_text", "{0}: the connection closed before the whole file arrived"
        ),
        "download.checksum": QCoreApplication.translate(
            "error_text", "{0}: the checksum does not match: not the expected file"
        ),
        "download.bad_archive": QCoreApplication.translate(
            "error_text", "{0}: the downloaded archive is damaged or not the expected one"
        ),
        "download.no_folder": QCoreApplication.translate(
            "error_text", "{0}: the data folder cannot be created"
        ),
        "mnist.download_failed": QCoreApplication.translate(
            "error_text", "{0}: no mirror could provide it (is the computer online?)"
        ),
    }


def _pathless_reasons() -> dict[str, str]:
    """Problems not about a file -> the problem in the user's language ({0}… its values)."""
    return {
        "ink.blank": QCoreApplication.translate("error_text", "nothing is drawn"),
        "ink.too_little": QCoreApplication.translate(
            "error_text", "too little is drawn to read a digit"
        ),
        "ink.too_small": QCoreApplication.translate(
            "error_text", "the image is too small ({0}x{1} px)"
        ),
        "training.diverged": QCoreApplication.translate(
            "error_text",
            "at step {0} of {1}; the learning rate {2} is probably too high: try a smaller one",
        ),
    }


def _worded(template: str | None, args: tuple[object, ...]) -> str | None:
    """`template` filled with `args`, or None without one or when they do not fit it."""
    if template is None:
        return None
    try:
        return template.format(*args)
    except (IndexError, ValueError):
        return None


def error_detail(exc: BaseException) -> str:
    """The problem (with its file): translated when the error carries a known `reason` (the
    English message, with any low-level detail, stays in the log and under "Show Details…"),
    else a translated pointer to the log, where the message is written; in English, always the
    error's own message."""
    if active_language() == ENGLISH:
        return str(exc).strip()  # the model's own sentence, with every detail it has
    reason, path = getattr(exc, "reason", None), getattr(exc, "path", None)
    values = tuple(getattr(exc, "values", ()))
    if isinstance(reason, str):
        # about a file, {0} is the file; else (or without words for it) {0}… are the values
        worded = _worded(_reasons().get(reason), (path, *values)) if path else None
        worded = worded or _worded(_pathless_reasons().get(reason), values)
        if worded is not None:
            return worded
    if isinstance(exc, errors.Cancelled):
        return ""  # "Stopped at your request." says it all
    if isinstance(exc, errors.LeNetLensError) and path:
        # one of the project's own errors about a file, without words for its reason (a
        # malformed line of a pen-digit file, say): no English sentence on a translated screen;
        # the file is named and the model's exact message goes to the log, as the sentence says
        log.warning("shown as a translated summary: %s", str(exc).strip())
        return QCoreApplication.translate(
            "error_text",
            "{0}: this file cannot be used as it is; the exact problem is in the app's log "
            "(lenet-lens.log).",
        ).format(path)
    # no file and no words for it (an unexpected error): no English sentence on a translated
    # screen either; the exact message is logged, and stays under "Show Details…"
    log.warning("shown as a translated summary: %s", str(exc).strip())
    return QCoreApplication.translate(
        "error_text", "the exact problem is in the app's log (lenet-lens.log)."
    )


def error_text(exc: BaseException) -> str:
    """The translated summary, a blank line, and the detail (names the file)."""
    detail = error_detail(exc)
    if not detail:
        return error_sentence(exc)
    return QCoreApplication.translate("error_text", "{0}\n\nDetails: {1}").format(
        error_sentence(exc), detail
    )
