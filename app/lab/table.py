"""The lab's live table: a Qt model over `model.analysis.shapes.shape_table`, one row a layer.

The numbers and formulas are the model's (the same ones a property test holds to what torch
builds); this only lays them out in columns, names the layers in the user's language, marks the
layer a refused design fails at (its reason as the row's tooltip) and adds the totals row. It is
rebuilt on every edit: a design has at most a dozen rows.

Where the window is too narrow for every column (800x600: the table scrolled sideways), the
view turns compact: the size-formula column is hidden and the parameters show their total, each
formula then in its cell's tooltip, so every number stays in sight and every formula one hover
away.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.lab.lab_text import number, reason_text, shape_text
from app.widgets import palette
from model.analysis.shapes import LayerRow, ShapeTable

LAYER, SHAPE, FORMULA, PARAMS, MACS, FIELD = range(6)

PROBLEM_BACKGROUND = QColor(palette.WORSE).darker(260)


def kind_text(row: LayerRow, pooling: str | None = None) -> str:
    """The layer's kind in words: "convolution", "max pooling", "dense"…"""
    if row.kind == "pool":
        return (
            QCoreApplication.translate("ShapeTableModel", "average pooling")
            if pooling == "avg"
            else QCoreApplication.translate("ShapeTableModel", "max pooling")
        )
    return {
        "input": QCoreApplication.translate("ShapeTableModel", "input"),
        "conv": QCoreApplication.translate("ShapeTableModel", "convolution"),
        "flatten": QCoreApplication.translate("ShapeTableModel", "flatten"),
        "dense": QCoreApplication.translate("ShapeTableModel", "dense"),
        "output": QCoreApplication.translate("ShapeTableModel", "output"),
        "reject": QCoreApplication.translate("ShapeTableModel", "“not a digit”"),
    }.get(row.kind, row.kind)


class ShapeTableModel(QAbstractTableModel):
    """Rows of a `ShapeTable` plus a totals row; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: ShapeTable | None = None
        self.poolings: dict[str, str] = {}
        self.compact = False  # totals only, formulas in tooltips (a narrow view)

    def set_compact(self, compact: bool) -> None:
        """Show the parameters' totals (True) or their sums (False), as the view's width allows."""
        if compact != self.compact:
            self.beginResetModel()
            self.compact = compact
            self.endResetModel()

    def set_table(self, table: ShapeTable, poolings: dict[str, str] | None = None) -> None:
        """Show `table`; `poolings` names each pooling layer's kind ("S1": "max")."""
        self.beginResetModel()
        self.table, self.poolings = table, dict(poolings or {})
        self.endResetModel()

    # ----- the model --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if self.table is None or parent.isValid() else len(self.table.rows) + 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ShapeTableModel", "Layer"),
                QCoreApplication.translate("ShapeTableModel", "Output"),
                QCoreApplication.translate("ShapeTableModel", "Size: ⌊(n + 2p − k) / s⌋ + 1"),
                QCoreApplication.translate("ShapeTableModel", "Parameters"),
                QCoreApplication.translate("ShapeTableModel", "Multiply-adds"),
                QCoreApplication.translate("ShapeTableModel", "Receptive field"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                QCoreApplication.translate("ShapeTableModel", "maps × height × width (or units)"),
                QCoreApplication.translate(
                    "ShapeTableModel",
                    "n: input size, p: padding, k: kernel or window, s: stride",
                ),
                QCoreApplication.translate("ShapeTableModel", "weights + biases"),
                QCoreApplication.translate(
                    "ShapeTableModel", "multiplications (each with an addition) for one image"
                ),
                QCoreApplication.translate(
                    "ShapeTableModel", "the input pixels one unit of the layer sees"
                ),
            )[section]
        return None

    def row(self, index: int) -> LayerRow | None:
        """The layer of table row `index` (None: the totals row)."""
        if self.table is None or index >= len(self.table.rows):
            return None
        return self.table.rows[index]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.table is None or not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return self._total(index.column(), role)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, self.compact)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.problem is not None:
                return reason_text(row.problem)
            if self.compact and column == SHAPE and self._text(row, FORMULA):
                return self._text(row, FORMULA)  # the hidden size column's formula
            if self.compact and column == PARAMS and row.params_formula:
                return f"{self._text(row, PARAMS)}\n{row.params_formula}"
            if column == PARAMS and row.params_formula:
                return row.params_formula
            if column == MACS and row.macs_formula:
                return row.macs_formula
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.problem is not None:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PARAMS, MACS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def full_texts(self, column: int) -> list[str]:
        """Every cell of `column` as the full (not compact) table shows it, totals included."""
        texts = [self._text(row, column) for row in (self.table.rows if self.table else ())]
        return [*texts, str(self._total(column, Qt.ItemDataRole.DisplayRole) or "")]

    def _text(self, row: LayerRow, column: int, compact: bool = False) -> str:
        """A cell's text; `compact`: the parameters' total alone."""
        unknown = row.shape is None
        if column == LAYER:
            kind = kind_text(row, self.poolings.get(row.name))
            return (
                kind
                if row.kind in ("input", "flatten", "output", "reject")
                else (f"{row.name} {kind}")
            )
        if column == SHAPE:
            return shape_text(row.shape)
        if column == FORMULA:
            return row.formula if row.kind in ("conv", "pool", "flatten") and row.formula else ""
        if column == PARAMS:
            if row.kind in ("input", "pool", "flatten"):
                return "0" if not unknown else "—"
            if unknown or (row.weights == 0 and row.kind != "conv"):
                return "—"
            if compact:
                return number(row.params)
            return f"{number(row.weights)} + {number(row.biases)} = {number(row.params)}"
        if column == MACS:
            if row.kind in ("input", "pool", "flatten"):
                return "0" if not unknown else "—"
            return "—" if unknown or row.macs == 0 and row.kind != "conv" else number(row.macs)
        if column == FIELD:
            field = row.receptive_field
            if field is None or unknown:
                return ""
            return f"{field.size} × {field.size}"
        return ""

    def _total(self, column: int, role: int) -> object:
        table = self.table
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PARAMS, MACS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole or table is None:
            return None
        if column == LAYER:
            return QCoreApplication.translate("ShapeTableModel", "Total")
        if not table.ok:
            return "—" if column in (PARAMS, MACS) else ""
        if column == PARAMS:
            return number(table.total_params)
        if column == MACS:
            return number(table.total_macs)
        return ""


class ShapeTableView(QTableView):
    """The table as shown: no editing, no selection, columns sized to their contents."""

    def __init__(self, model: ShapeTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labShapeTable")
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumSize(200, 120)
        self._model = model
        model.modelReset.connect(self._fit_columns)

    def full_width(self) -> int:
        """Pixels every column needs in the full (not compact) layout, headers included."""
        model, metrics = self._model, self.fontMetrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        padding = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin) + 16
        width = 0
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal, 0) or "")
            cells = [header_metrics.horizontalAdvance(title)]
            cells += [metrics.horizontalAdvance(text) for text in model.full_texts(column)]
            width += max(cells) + padding
        return width

    def _fit_columns(self) -> None:
        """Compact where the full table would not fit the viewport, full where it does."""
        compact = self.full_width() > self.viewport().width()
        self.setColumnHidden(FORMULA, compact)
        self._model.set_compact(compact)  # resets the model again only when it changes

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
