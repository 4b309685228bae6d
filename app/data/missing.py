"""The one "data missing" box every view shows inline where MNIST (or the pen digits) is needed.

Insight's first evaluation, the Concepts shift test and Fine-tune's replay said "MNIST not found
in ~/.cache/…" with command-line advice, cut off in a status line, with no way out in the window.
This box says which folder the app looked in and offers the two ways out right there: **Choose
folder…** and **Download** (the data folder row of `app.data.folder_row`, so a download shows
its progress and can be cancelled). The folder is the app's one data location
(`app.core.data_location.DATA_LOCATION`): a folder chosen here is the one Retrain, Insight,
the shift test and Fine-tune use, and `ready` tells the view to go on once the data are there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.data_location import DATA_LOCATION, DataLocation
from app.data.folder_row import DataFolderRow, FolderRow
from app.data.pen_row import PenFolderRow
from app.widgets import palette


class DataMissingBox(QFrame):
    """Hidden while the data are there; else what is missing, where, and Choose / Download."""

    #: the data are there now (chosen or downloaded): the view can go on
    ready = Signal()

    def __init__(
        self,
        purpose: str,
        location: DataLocation = DATA_LOCATION,
        pen: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`purpose`: what the data are needed for, one translated sentence (the box's title)."""
        super().__init__(parent)
        self.setObjectName("dataMissingBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        bg, fg, border = palette.BANNER["info"]
        self.setStyleSheet(
            f"QFrame#dataMissingBox {{ background:{bg}; border:1px solid {border}; }}"
            f"QFrame#dataMissingBox QLabel {{ color:{fg}; background:transparent; }}"
        )
        self.location = location
        self.title = QLabel(purpose)
        self.title.setObjectName("dataMissingTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.row: FolderRow = PenFolderRow() if pen else DataFolderRow(location.mnist_dir())
        choose = QCoreApplication.translate("DataMissingBox", "Choose folder…")
        self.row.choose_button.setText(choose)
        self.row.follow(location, pen=pen)
        self.message = QLabel()
        self.message.setObjectName("dataMissingMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.row.message.connect(self._say)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.row)
        layout.addWidget(self.message)
        self._was_ready = self.row.is_ready()
        location.changed.connect(self._on_location)
        self.setVisible(False)

    def is_ready(self) -> bool:
        return self.row.is_ready()

    def check(self) -> bool:
        """Show the box if the data are missing (or downloading); True when they are there."""
        self.row.refresh()
        ready = self.row.is_ready() and not self.row.is_downloading()
        self._was_ready = ready
        self.setVisible(not ready)
        return ready

    def stop(self) -> None:
        """Cancel a running download and wait for its thread (the view is closing)."""
        self.row.stop()

    @Slot(str, str)
    def _say(self, _kind: str, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @Slot()
    def _on_location(self) -> None:
        was = self._was_ready
        if self.isHidden() and was:
            self._was_ready = self.row.is_ready()
            return  # not shown: the view asks with `check` when it needs the data
        if self.check() and not was:
            self.message.hide()
            self.ready.emit()
