"""What the lab's tabs and its training dialog share: the design being edited and the last
network trained in the lab (the side-by-side offers it as one of its two networks).

One per app context (`context.part(LabState)`), so the design tab, the dialog and the compare
tab see the same objects without knowing each other.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from app.core.context import AppContext
from model.files.checkpoint import Checkpoint
from model.network.architecture import SHIPPED, Architecture, preset


class LabState(QObject):
    """The lab's shared state; see the module docstring."""

    design_changed = Signal(object)  # Architecture
    trained = Signal(object)  # Checkpoint: a lab run finished

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.design: Architecture = preset(SHIPPED)
        self.last_trained: Checkpoint | None = None
        self.last_trained_at: dt.datetime | None = None

    def set_design(self, design: Architecture) -> None:
        if design != self.design:
            self.design = design
            self.design_changed.emit(design)

    def set_trained(self, checkpoint: Checkpoint) -> None:
        self.last_trained = checkpoint
        self.last_trained_at = dt.datetime.now()
        self.trained.emit(checkpoint)
