"""The user's collection of kept drawings, opened on first use and shared by every feature.

Starting the app never touches the file: the collection (model/data/collection.py) is opened
the first time a feature asks for it. A notice from opening it (a corrupt or newer file set
aside) is told to the user once, through the context's error signal. `collection_changed` after
every change, whoever made it (keeping, the collection view, an import), so every view stays
current.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from model.data.collection import Collection

log = logging.getLogger(__name__)

# (title, text) of a notice the user should see once.
NoticeSink = Callable[[str, str], None]


class UserCollection(QObject):
    """`collection` opens the file on first use; `collection_changed` after every change."""

    collection_changed = Signal()

    def __init__(self, tell: NoticeSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tell = tell
        self._collection: Collection | None = None
        self._notice_shown = False

    @property
    def collection(self) -> Collection:
        """The user's collection, opened on first use (its notice shown once)."""
        if self._collection is None:
            self._collection = Collection.open()
            log.info("collection: %s (%d drawings)", self._collection.path, len(self._collection))
        self.show_notice()
        return self._collection

    def show_notice(self) -> None:
        """Tell the user, once, what opening the collection found (a file set aside)."""
        if self._collection is None or self._notice_shown or not self._collection.notice:
            return
        self._notice_shown = True
        self._tell(self.tr("Your collection of drawings"), self._collection.notice)

    def announce(self) -> None:
        """A feature changed the collection: every view re-reads it."""
        self.collection_changed.emit()
