"""The Retrain dialog's "include my drawings" option, given the kept drawings explicitly.

Ticked, the run adds renders of every kept drawing to the training data's pen pool
(model.training.replay.include_drawings, in app/retrain/worker.py), so a full retrain learns the
user's style too; the count in the label says how many drawings that is. Where the drawings
come from (the teacher's collection) is handed in by whoever opens the dialog: Retrain does not
reach into the Teach feature.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QCheckBox, QWidget


class Collection(Sized, Protocol):
    @property
    def drawings(self) -> list: ...


class KeptDrawings(Protocol):
    """What the option needs: the kept drawings and a signal when they change."""

    collection_changed: SignalInstance

    @property
    def collection(self) -> Collection: ...


class IncludeDrawingsCheck(QCheckBox):
    """Unticked by default; `drawings()` is what the next run should include (maybe empty)."""

    def __init__(self, kept: KeptDrawings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("includeDrawingsCheck")
        self.kept = kept
        self.setToolTip(
            self.tr(
                "Mix the drawings you kept (Training ▸ My drawings…), redrawn at other sizes, "
                "places and pen widths, into every batch alongside MNIST."
            )
        )
        self.setEnabled(kept is not None)
        self.refresh()
        if kept is not None:
            kept.collection_changed.connect(self.refresh)

    def refresh(self) -> None:
        n = len(self.kept.collection) if self.kept is not None else 0
        self.setText(self.tr("Include my drawings ({0} kept)").format(n))

    def drawings(self) -> tuple:
        if not self.isChecked() or self.kept is None:
            return ()
        return tuple(self.kept.collection.drawings)
