"""The collection as a Qt list model: a header row per label, then that label's thumbnails.

One model and one list view (flowing, wrapping) give "thumbnails grouped by label" without a
widget per drawing: header rows are as wide as the view, so each label starts a new line.
Thumbnails are drawn from the kept strokes (model.drawing.strokes.render_strokes) at thumbnail size,
once per drawing; how the active network reads each drawing is measured here as the app would
read it (model.training.replay.as_drawn_batch) and kept per network, so a misread one is marked.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.widgets import palette
from model.data.collection import Drawing
from model.drawing.strokes import CANVAS, render_strokes
from model.errors import NoInkError
from model.network.inference import Predictor
from model.training.loop import predict_logits
from model.training.replay import as_drawn_batch

THUMB = 64
HEADER_H = 26
CELL = QSize(THUMB + 8, THUMB + 22)
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "header" or "drawing"
DRAWING_ROLE = Qt.ItemDataRole.UserRole + 2  # the Drawing (drawing rows)
READ_ROLE = Qt.ItemDataRole.UserRole + 3  # what the network reads, or None
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4  # the label (both kinds)
COUNT_ROLE = Qt.ItemDataRole.UserRole + 5  # the header's number of drawings

_thumbs: dict[tuple[str, float, int], QImage] = {}


def thumbnail(drawing: Drawing, size: int = THUMB) -> QImage:
    """The drawing re-rendered from its strokes at `size` px (white on black), cached."""
    key = (drawing.id, drawing.pen_width, size)
    image = _thumbs.get(key)
    if image is None:
        k = size / CANVAS
        strokes = [s * k for s in drawing.strokes]
        gray = np.ascontiguousarray(render_strokes(strokes, size, max(drawing.pen_width * k, 1.0)))
        image = QImage(gray.data, size, size, size, QImage.Format.Format_Grayscale8).copy()
        _thumbs[key] = image
    return image


def read_drawings(predictor: Predictor, drawings: list[Drawing]) -> dict[str, int | None]:
    """{drawing id: the digit `predictor` reads in it as drawn} (None: too faint to read)."""
    out: dict[str, int | None] = {}
    readable = []
    for d in drawings:
        try:
            x = as_drawn_batch([d], predictor.normalization)
        except NoInkError:
            out[d.id] = None
            continue
        readable.append((d.id, x))
    if readable:
        import torch

        batch = torch.cat([x for _, x in readable])
        digits = predict_logits(predictor.checkpoint.model, batch).argmax(1).tolist()
        out.update({i: int(p) for (i, _), p in zip(readable, digits)})
    return out


class CollectionModel(QAbstractListModel):
    """Rows: for each label with drawings, a header, then its drawings in keep order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []  # ("header", label, count) | ("drawing", Drawing)
        self._reads: dict[str, int | None] = {}

    def set_groups(self, groups: dict[int, list[Drawing]]) -> None:
        self.beginResetModel()
        self._rows = []
        for label in range(10):
            items = groups.get(label, [])
            if items:
                self._rows.append(("header", label, len(items)))
                self._rows.extend(("drawing", d) for d in items)
        self.endResetModel()

    def set_reads(self, reads: dict[str, int | None]) -> None:
        self._reads = dict(reads)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [READ_ROLE])

    def drawings(self) -> list[Drawing]:
        return [r[1] for r in self._rows if r[0] == "drawing"]

    def row_of(self, drawing_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r[0] == "drawing" and r[1].id == drawing_id:
                return i
        return -1

    def misread(self) -> list[Drawing]:
        return [
            d
            for d in self.drawings()
            if self._reads.get(d.id) is not None and self._reads[d.id] != d.label
        ]

    # Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][0] == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == KIND_ROLE:
            return row[0]
        if role == LABEL_ROLE:
            return row[1] if row[0] == "header" else row[1].label
        if row[0] == "header":
            if role == COUNT_ROLE:
                return row[2]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("{0} · %n drawing(s)", "", row[2]).format(row[1])
            return None
        drawing: Drawing = row[1]
        if role == DRAWING_ROLE:
            return drawing
        if role == READ_ROLE:
            return self._reads.get(drawing.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            read = self._reads.get(drawing.id)
            reads = self.tr("unreadable") if read is None else str(read)
            return self.tr("Kept as {0} on {1}; the active network reads {2}").format(
                drawing.label, drawing.created.replace("T", " ").rstrip("Z"), reads
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("drawing kept as {0}").format(drawing.label)
        return None


class CollectionDelegate(QStyledItemDelegate):
    """Paints headers as a line of text and drawings as a thumbnail with what the network reads
    beneath it; a misread drawing gets a warm frame and "reads N"."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(KIND_ROLE) == "header":
            return QSize(
                max(self.view.viewport().width() - 2 * self.view.spacing() - 2, 50), HEADER_H
            )
        return CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        if index.data(KIND_ROLE) == "header":
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(palette.ACCENT))
            painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, index.data())
            painter.restore()
            return
        drawing: Drawing = index.data(DRAWING_ROLE)
        read = index.data(READ_ROLE)
        misread = read is not None and read != drawing.label
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        image_rect = QRect(rect.x() + (rect.width() - THUMB) // 2, rect.y() + 2, THUMB, THUMB)
        painter.drawImage(image_rect, thumbnail(drawing))
        frame = QColor(palette.WORSE if misread else palette.CANVAS_FRAME)
        painter.setPen(QPen(frame, 2 if misread else 1))
        painter.drawRect(image_rect.adjusted(0, 0, -1, -1))
        text_rect = QRect(rect.x(), image_rect.bottom() + 2, rect.width(), 18)
        if read is None:
            text = QCoreApplication.translate("CollectionDelegate", "unreadable")
        elif misread:
            text = QCoreApplication.translate("CollectionDelegate", "reads {0}").format(read)
        else:
            text = f"✓ {read}"
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(caption_colour(option.palette, selected, misread or read is None))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def caption_colour(qpalette: QPalette, selected: bool, warn: bool) -> QColor:
    """The caption under a thumbnail: muted grey (or warm for a misread one) on the list, the
    palette's highlighted text on a selected cell (grey on the cyan highlight was unreadable)."""
    if selected:
        return qpalette.highlightedText().color()
    return QColor(palette.WORSE if warn else palette.MUTED_TEXT)
