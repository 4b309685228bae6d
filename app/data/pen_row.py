"""The real pen-digit folder row: the same rules and buttons as the MNIST folder row.

Retraining mixes real pen writing into MNIST when the user has it: the UCI pen digits in the
row's folder (`model.data.pen_digits`) and UNIPEN's digits, letters and symbols where the app
finds them (`model.data.unipen_json`: $LENET_LENS_UNIPEN_DATA, the user cache, the shared data).
They are optional, so a missing file is not an error: the row names the sources found and what
training then uses, and offers the UCI download (`model.data.pen_archive`, checked against the
sha256 of the decompressed file) or a folder that has them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.core.data_location import find_pen_dir
from app.core.jobs import Job
from app.data.download import PenDownloadJob
from app.data.folder_row import FolderRow
from app.data.pen_sources import found_files
from model.data import pen_digits as pendata
from model.data.unipen_json import DIGITS_FILE, NONDIGITS_FILE

DOWNLOAD_MB = 2  # the UCI zip archive (~1.7 MB: both .Z files and the feature files), for the label


def default_pen_folder() -> Path:
    """The folder the pen digits were found in, else where a download puts them."""
    return find_pen_dir()


class PenFolderRow(FolderRow):
    """The folder with `pendigits-orig.tra(.gz)`: found, or download it / train on MNIST alone."""

    OBJECT_NAMES = ("penFolder", "choosePenFolder", "penStatus", "downloadPen", "penProgress")

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(folder if folder is not None else default_pen_folder(), parent)

    def resolve(self, text: str | None) -> Path:
        return Path(text).expanduser() if text else default_pen_folder()

    def pen_file(self) -> Path | None:
        """The pen-digit file to train on, or None (MNIST alone)."""
        folder = self.folder()
        for name in pendata.FILE_NAMES:
            if (folder / name).is_file():
                return folder / name
        return None

    def missing(self) -> list[str]:
        return [] if self.pen_file() is not None else [pendata.FILE_NAMES[0]]

    def folder_tooltip(self) -> str:
        return self.tr(
            "Folder with the real pen digits (pendigits-orig.tra.gz, UCI data set 81). "
            "Default: ${0}, else the per-user cache."
        ).format(pendata.ENV_VAR)

    def download_label(self) -> str:
        return self.tr("Download pen digits ({0} MB)").format(DOWNLOAD_MB)

    def sources_found(self) -> list[str]:
        """The pen sources training would use, in words: the UCI digits of this folder and
        the UNIPEN files found."""
        files = found_files(self.pen_file() or self.folder())
        names = []
        if self.pen_file() is not None:
            names.append(self.tr("UCI pen digits"))
        if files[DIGITS_FILE] is not None:
            names.append(self.tr("UNIPEN digits"))
        if files[NONDIGITS_FILE] is not None:
            names.append(self.tr("UNIPEN letters and symbols"))
        return names

    def listed(self, names: list[str]) -> str:
        """Names joined as the language lists them ("a, b" in English, "a、b" in Chinese)."""
        return self.tr(", ", "between the items of a list").join(names)

    def found_text(self) -> str:
        return self.tr(
            "✓ Found: {0}. Retraining mixes their training writers with MNIST (never the "
            "validation and test writers the figures are measured on)."
        ).format(self.listed(self.sources_found()))

    def missing_text(self, missing: list[str]) -> str:
        others = self.sources_found()
        if others:
            return self.tr(
                "UCI pen digits not found (download them here, CC BY 4.0, or choose a folder "
                "that has pendigits-orig.tra.gz); found: {0}, which retraining uses."
            ).format(self.listed(others))
        return self.tr(
            "No real pen digits found: training on MNIST alone. Download them here (UCI, "
            "CC BY 4.0), or choose a folder that has pendigits-orig.tra.gz."
        )

    def choose_caption(self) -> str:
        return self.tr("Folder with the real pen digits")

    def make_job(self) -> Job:
        return PenDownloadJob(self.folder())

    def downloading_text(self) -> str:
        return self.tr("Downloading the real pen digits into {0}…").format(self.folder())

    def downloaded_text(self, path: Path) -> str:
        return self.tr("Real pen digits downloaded and verified: {0}.").format(path)
