"""The documented errors of the model package.

Every error a user can cause (a bad file, missing data, a blank drawing) is one of these, and
its message names the file and the problem, so the CLIs and the GUI can show it as it is.
"""

from __future__ import annotations


class LeNetLensError(Exception):
    """Base class: an error whose message is meant for the user."""


class CheckpointError(LeNetLensError):
    """A weights file is missing, corrupt, not a checkpoint, or of another architecture."""


class SaveError(LeNetLensError):
    """A file could not be written (full disk, no permission, bad name, not a regular file…).

    Raised only after the target name is known to hold its previous complete content (or
    nothing, if there was none): a failed save never leaves a half-written file behind.
    """


class CheckpointSaveError(SaveError, CheckpointError):
    """Saving a weights file failed; also a `CheckpointError`, so callers that handle
    weights-file problems in one place see save failures there too."""


class DataError(LeNetLensError):
    """An MNIST/IDX file is missing, malformed, or fails its checksum."""


class DownloadError(DataError):
    """Fetching MNIST from the public mirrors failed (offline, bad checksum, …)."""


class ImageReadError(LeNetLensError):
    """A file given as an image cannot be read as one."""


class NoInkError(LeNetLensError):
    """The raster is blank or nearly blank: there is no digit to classify."""


class TrainingDiverged(LeNetLensError):
    """The training loss became NaN or infinite (usually a learning rate far too high)."""


class Cancelled(LeNetLensError):
    """A long task (training, a download, an evaluation) was stopped at the user's request."""


class TrainingCancelled(Cancelled):
    """Training was stopped by the caller's cancel check."""


class CollectionError(LeNetLensError):
    """A personal-collection file (kept drawings) is unreadable, corrupt, or of a newer format."""


class CollectionVersionError(CollectionError):
    """A collection file written by a newer LeNet Lens, in a format version this one cannot read."""
