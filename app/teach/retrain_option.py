"""The Retrain dialog's "include my drawings" option, kept here so app/retrain changes little.

Ticked, the run adds renders of every kept drawing to the training data's pen pool
(model.training.replay.include_drawings, in app/retrain/worker.py), so a full retrain learns the
user's style too; the count in the label says how many drawings that is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from app.core.collection import UserCollection
from model.data.collection import Drawing


class IncludeDrawingsCheck(QCheckBox):
    """Unticked by default; `drawings()` is what the next run should include (maybe empty)."""

    def __init__(self, collection: UserCollection | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("includeDrawingsCheck")
        if not isinstance(collection, UserCollection):  # TEMP: the Retrain dialog passes its parent
            context = getattr(collection, "context", None)
            collection = context.collection if context is not None else None
        self.user_collection = collection
        self.setToolTip(
            self.tr(
                "Mix the drawings you kept (Training ▸ My drawings…), redrawn at other sizes, "
                "places and pen widths, into every batch alongside MNIST."
            )
        )
        self.setEnabled(collection is not None)
        self.refresh()
        if collection is not None:
            collection.changed.connect(self.refresh)

    def refresh(self) -> None:
        owner = self.user_collection
        n = len(owner.collection) if owner is not None else 0
        self.setText(self.tr("Include my drawings ({0} kept)").format(n))

    def drawings(self) -> tuple[Drawing, ...]:
        if not self.isChecked() or self.user_collection is None:
            return ()
        return tuple(self.user_collection.collection.drawings)
