"""The check every training dialog makes before it starts: both data rows settled, MNIST there.

Retrain and the architecture lab each show an MNIST row and a pen-digit row (app/data/
folder_row.py, pen_row.py); before a run they must agree on what "ready" means and say the same
thing when it is not, so the check and its words live here once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.data.folder_row import FolderRow


def training_data_ready(
    data_folder: FolderRow, pen_folder: FolderRow, say: Callable[[str, str], None]
) -> bool:
    """Refresh both rows; True when a run may start. Otherwise `say(kind, text)` tells the user
    why (a download still running, or MNIST missing from the chosen folder) and it is False."""
    data_folder.refresh()
    pen_folder.refresh()
    if data_folder.is_downloading() or pen_folder.is_downloading():
        say(
            "info",
            QCoreApplication.translate(
                "TrainingData", "Wait for the download to finish, or cancel it."
            ),
        )
        return False
    if not data_folder.is_ready():
        say(
            "error",
            QCoreApplication.translate(
                "TrainingData",
                "MNIST is not in {0}. Download it there with the button above, "
                "or choose a folder that has the four files.",
            ).format(data_folder.folder()),
        )
        return False
    return True
