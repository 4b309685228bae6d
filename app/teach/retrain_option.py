"""The Retrain dialog's "include my drawings" option, kept here so app/retrain changes little.

Ticked, the run adds renders of every kept drawing to the training data's pen pool
(model.training.replay.include_drawings, in app/retrain/worker.py), so a full retrain learns the
user's style too; the count in the label says how many drawings that is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget


class IncludeDrawingsCheck(QCheckBox):
    """Unticked by default; `drawings()` is what the next run should include (maybe empty)."""

    def __init__(self, window: QWidget | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("includeDrawingsCheck")
        self.teacher = getattr(window, "teacher", None)
        self.setToolTip(
            self.tr(
                "Mix the drawings you kept (Training ▸ My drawings…), redrawn at other sizes, "
                "places and pen widths, into every batch alongside MNIST."
            )
        )
        self.setEnabled(self.teacher is not None)
        self.refresh()
        if self.teacher is not None:
            self.teacher.collection_changed.connect(self.refresh)

    def refresh(self) -> None:
        n = len(self.teacher.collection) if self.teacher is not None else 0
        self.setText(self.tr("Include my drawings ({0} kept)").format(n))

    def drawings(self) -> tuple:
        if not self.isChecked() or self.teacher is None:
            return ()
        return tuple(self.teacher.collection.drawings)
