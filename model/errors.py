"""The documented errors of the model package.

Every error a user can cause (a bad file, missing data, a blank drawing) is one of these, and
its message names the file and the problem, so the CLIs and the GUI can show it as it is.
"""

from __future__ import annotations


class LeNetLensError(Exception):
    """Base class: an error whose message is meant for the user."""


class CheckpointError(LeNetLensError):
    """A weights file is missing, corrupt, not a checkpoint, or of another architecture."""


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
