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

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.error_text import error_detail
from app.i18n import ENGLISH, active_language
from model.data.collection import (
    NOTICE_NOT_MOVED,
    NOTICE_READ_ONLY,
    NOTICE_SET_ASIDE,
    Collection,
)

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
        self._tell(self.tr("Your collection of drawings"), notice_text(self._collection))

    def announce(self) -> None:
        """A feature changed the collection: every view re-reads it."""
        self.collection_changed.emit()


def notice_text(collection: Collection) -> str:
    """What opening the collection found, in the user's language: the problem (worded from
    its reason id) and what was done about it. In English, the model's own notice."""
    problem = collection.problem
    if active_language() == ENGLISH or problem is None:
        return collection.notice
    detail = error_detail(problem)
    if collection.outcome == NOTICE_SET_ASIDE:
        return QCoreApplication.translate(
            "UserCollection", "{0}. It was kept unchanged as {1}; a new collection was started."
        ).format(detail, collection.moved_to)
    if collection.outcome == NOTICE_NOT_MOVED:
        return QCoreApplication.translate(
            "UserCollection",
            "{0}; it could not be set aside, so your collection is not saved until it is moved "
            "or fixed.",
        ).format(detail)
    if collection.outcome == NOTICE_READ_ONLY:
        return QCoreApplication.translate(
            "UserCollection", "{0}; your collection is not saved until it is fixed."
        ).format(detail)
    return collection.notice
