"""The documented errors of the model package.

Every error a user can cause (a bad file, missing data, a blank drawing) is one of these, and
its message names the file and the problem, so the CLIs and the GUI can show it as it is.

Each class also carries a stable `code` (and data errors a `dataset`): the GUI translates the
error's kind by that id (app/core/error_text.py), never by parsing the English message, and the
id stays the same when a message is reworded. Data errors say which data set failed: a broken
pen-digit download is a `PenDigitsDownloadError` ("download.pen_digits"), not an MNIST one.
"""

from __future__ import annotations

from typing import ClassVar

#: `DataError.dataset` values: the data sets the app reads.
MNIST = "mnist"
PEN_DIGITS = "pen_digits"


class LeNetLensError(Exception):
    """Base class: an error whose message is meant for the user.

    Optionally `reason`, a stable id of the problem ("file.not_found", "image.unreadable", …),
    `path`, the file (or address) it is about, and `values`, the numbers the problem names
    (a version, a count): the GUI then words the problem in the user's language
    (app/core/error_text.py) while the English message stays for logs and the command line.
    """

    #: A stable id of the error's kind, e.g. "download.pen_digits": what the GUI translates.
    code: ClassVar[str] = "error"

    def __init__(
        self,
        *args: object,
        reason: str | None = None,
        path: object = None,
        values: tuple[object, ...] = (),
    ) -> None:
        super().__init__(*args)
        self.reason = reason
        self.path = None if path is None else str(path)
        self.values = tuple(values)

    def details(self) -> dict[str, object]:
        """reason, path and values as keywords, to raise another error about the same problem
        (`MnistError(str(exc), **exc.details())`)."""
        return {"reason": self.reason, "path": self.path, "values": self.values}


class CheckpointError(LeNetLensError):
    """A weights file is missing, corrupt, not a checkpoint, or of another architecture."""

    code = "checkpoint"


class SaveError(LeNetLensError):
    """A file could not be written (full disk, no permission, bad name, not a regular file…).

    Raised only after the target name is known to hold its previous complete content (or
    nothing, if there was none): a failed save never leaves a half-written file behind.
    """

    code = "save"


class CheckpointSaveError(SaveError, CheckpointError):
    """Saving a weights file failed; also a `CheckpointError`, so callers that handle
    weights-file problems in one place see save failures there too."""

    code = "save.checkpoint"


class DataError(LeNetLensError):
    """A data file (IDX, pen digits, a data set folder) is missing, malformed, or fails its
    checksum. The subclasses below say which data set; this one is any other."""

    code = "data"
    #: Which data set failed (`MNIST`, `PEN_DIGITS`), or None for a file of the user's own.
    dataset: ClassVar[str | None] = None


class DownloadError(DataError):
    """Fetching a data set failed (offline, bad checksum, refused size, …)."""

    code = "download"


class MnistError(DataError):
    """The MNIST files are missing, malformed, or fail their checksums."""

    code = "data.mnist"
    dataset = MNIST


class MnistDownloadError(DownloadError, MnistError):
    """Fetching MNIST from the public mirrors failed."""

    code = "download.mnist"


class PenDigitsError(DataError):
    """A pen-digit file (UCI UNIPEN text) is missing, malformed, or fails its checksum."""

    code = "data.pen_digits"
    dataset = PEN_DIGITS


class PenDigitsDownloadError(DownloadError, PenDigitsError):
    """Fetching the pen digits from the UCI archive failed."""

    code = "download.pen_digits"


class ImageReadError(LeNetLensError):
    """A file given as an image cannot be read as one."""

    code = "image"


class NoInkError(LeNetLensError):
    """The raster is blank or nearly blank: there is no digit to classify."""

    code = "no_ink"


class TrainingDiverged(LeNetLensError):
    """The training loss became NaN or infinite (usually a learning rate far too high)."""

    code = "diverged"


class Cancelled(LeNetLensError):
    """A long task (training, a download, an evaluation) was stopped at the user's request."""

    code = "cancelled"


class TrainingCancelled(Cancelled):
    """Training was stopped by the caller's cancel check."""

    code = "cancelled.training"


class CollectionError(LeNetLensError):
    """A personal-collection file (kept drawings) is unreadable, corrupt, or of a newer format."""

    code = "collection"


class CollectionVersionError(CollectionError):
    """A collection file written by a newer LeNet Lens, in a format version this one cannot read."""

    code = "collection.version"
