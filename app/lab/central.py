"""The lab workspace's centre: the Design tab (editor, live table, Train) and the Compare tab.

The training dialog is made on first use and kept (non-modal, like Retrain): the user edits,
trains, keeps drawing in Draw while it trains, and comes back to compare.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.core.context import AppContext
from app.lab.compare_view import CompareView
from app.lab.design_view import DesignView
from app.lab.state import LabState
from app.lab.train_dialog import LabTrainDialog


class LabCentral(QWidget):
    """Design | Compare tabs; see the module docstring."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("labCentral")
        self.context = context
        self.state = context.part(LabState)
        self.design_view = DesignView(self.state)
        self.compare_view = CompareView(self.state)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("labTabs")
        self.tabs.addTab(self.design_view, QCoreApplication.translate("LabCentral", "Design"))
        self.tabs.addTab(self.compare_view, QCoreApplication.translate("LabCentral", "Compare"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.dialog: LabTrainDialog | None = None
        self.design_view.train_requested.connect(self.open_training)
        context.closing.connect(self._closing)

    @Slot()
    def open_training(self) -> LabTrainDialog:
        """The training dialog for the design being edited (made once, shown again)."""
        if self.dialog is None:
            self.dialog = LabTrainDialog(self.context, self.state, self.window())
        self.dialog.set_design(self.state.design)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    @Slot()
    def _closing(self) -> None:
        self.compare_view.stop()
        if self.dialog is not None:
            self.dialog.shutdown()
