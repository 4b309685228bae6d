"""A small editable table of kernel values (1x1 to 7x7) for the convolution playground."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.concepts.common import fmt

CELL_PX = 46


class KernelTable(QTableWidget):
    """The kernel as numbers a learner can edit; `edited` fires after a cell changes by hand.

    The cells show three decimals but the exact values are kept (a learned kernel convolves
    exactly as the network does). A cell that is not a number keeps its text and makes
    `kernel()` hold NaN there, so the playground says which setting is wrong instead of
    silently using an old value.
    """

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("playgroundKernel")
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(CELL_PX)
            header.hide()
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._loading = False
        self.itemChanged.connect(self._item_changed)
        self.set_kernel(np.zeros((3, 3), dtype=np.float32))

    def set_kernel(self, kernel: np.ndarray) -> None:
        """Show `kernel` (square); not an edit."""
        k = kernel.shape[0]
        self._values = np.array(kernel, dtype=np.float32)
        self._loading = True
        self.setRowCount(k)
        self.setColumnCount(k)
        for r in range(k):
            for c in range(k):
                self.setItem(r, c, QTableWidgetItem(fmt(kernel[r, c], 3)))
        self._loading = False
        side = CELL_PX * k + 2 * self.frameWidth() + 2
        self.setFixedSize(side, CELL_PX * k + 2 * self.frameWidth() + 2)

    def kernel(self) -> np.ndarray:
        """The values (as typed where edited; NaN where a cell is not a number)."""
        return self._values.copy()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        try:
            value = float(item.text().strip().replace(",", "."))
        except ValueError:
            value = np.nan
        self._values[item.row(), item.column()] = value
        self.edited.emit()
