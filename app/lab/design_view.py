"""The lab's Design tab: the editor beside the live table, the totals, why a design cannot be
built, and the button that trains it.

Every edit goes editor → `LabState.set_design` → the table (`shape_table` of the new design)
and the totals; a refused design's first reason is said in words under the table (translated
from its id, app/lab/lab_text.py) and Train is disabled until the design can be built.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.lab.editor import DesignEditor
from app.lab.lab_text import number, reason_text
from app.lab.state import LabState
from app.lab.table import ShapeTableModel, ShapeTableView
from app.widgets import palette
from model.analysis.shapes import shape_table
from model.network.architecture import Architecture

EDITOR_WIDTH = 300


class DesignView(QWidget):
    """Editor | table, totals, reason and Train; see the module docstring."""

    train_requested = Signal()

    def __init__(self, state: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labDesignView")
        self.state = state
        self.editor = DesignEditor(state.design)
        editor_scroll = QScrollArea()
        editor_scroll.setObjectName("labEditorScroll")
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor.setMinimumWidth(EDITOR_WIDTH - 20)
        editor_scroll.setMinimumWidth(EDITOR_WIDTH)
        self.model = ShapeTableModel(self)
        self.table = ShapeTableView(self.model)
        self.totals = QLabel()
        self.totals.setObjectName("labTotals")
        self.totals.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("labProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {palette.WORSE};")
        self.problem.hide()
        self.train_button = QPushButton(
            QCoreApplication.translate("DesignView", "Train this design…")
        )
        self.train_button.setObjectName("labTrain")
        self.train_button.setToolTip(
            QCoreApplication.translate(
                "DesignView",
                "Train a fresh network of this design on MNIST and the real pen digits, "
                "in the background, as Retrain does",
            )
        )
        self.train_button.clicked.connect(self.train_requested)
        hint = QLabel(
            QCoreApplication.translate(
                "DesignView",
                "Hover over a number for its formula. Output size: n input, p padding, "
                "k kernel or window, s stride.",
            )
        )
        hint.setObjectName("labTableHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.train_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.totals)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(hint)
        right_layout.addLayout(buttons)
        right.setMinimumWidth(200)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("labSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(editor_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        preset_row = QHBoxLayout()
        preset_label = QLabel(QCoreApplication.translate("DesignView", "Start from"))
        preset_row.addWidget(preset_label)
        presets = self.editor.presets
        # its size hint was a few pixels short of the widest name in Chinese (full-width "（）")
        widest = max(
            presets.fontMetrics().horizontalAdvance(presets.itemText(i))
            for i in range(presets.count())
        )
        presets.setMinimumWidth(max(presets.sizeHint().width(), widest + 48))
        preset_row.addWidget(presets)
        preset_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(preset_row)
        layout.addWidget(self.splitter)
        self.editor.design_changed.connect(self._on_edit)
        self.show_design(state.design)

    @Slot(object)
    def _on_edit(self, design: Architecture) -> None:
        self.state.set_design(design)
        self.show_design(design)

    def show_design(self, design: Architecture) -> None:
        """The table, the totals and the verdict of `design`."""
        table = shape_table(design)
        poolings = {
            design.pool_name(i): s.pooling.kind
            for i, s in enumerate(design.stages, 1)
            if s.pooling is not None
        }
        self.model.set_table(table, poolings)
        if table.ok:
            self.totals.setText(
                QCoreApplication.translate(
                    "DesignView", "Total: {0} parameters · {1} multiply-adds per image"
                ).format(number(table.total_params), number(table.total_macs))
            )
            self.problem.hide()
        else:
            self.totals.setText(QCoreApplication.translate("DesignView", "Total: —"))
            self.problem.setText(
                QCoreApplication.translate("DesignView", "Cannot build this design: {0}").format(
                    reason_text(table.problems[0])
                )
            )
            self.problem.show()
        self.train_button.setEnabled(table.ok)
