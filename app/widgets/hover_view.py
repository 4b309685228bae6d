"""A pyqtgraph widget that reports when the pointer leaves it.

pyqtgraph's scene emits moves and clicks but nothing on leave; panels need it to clear the
hover readout and the receptive-field highlight once the pointer is gone.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Signal


class HoverGraphics(pg.GraphicsLayoutWidget):
    left = Signal()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.left.emit()
