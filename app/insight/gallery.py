"""The gallery: thousands of samples as thumbnails, through Qt's model/view (no widget per image).

`GalleryModel` holds the data set, its evaluation and the current order of sample indices;
`GalleryDelegate` paints each thumbnail with its true label, prediction and confidence (a
mistake gets an orange frame, a sample the network calls "not a digit" a "?" badge);
`GalleryView` is a QListView in icon mode with uniform item
sizes, so scrolling over 10,000 items lays out nothing and paints only what is visible.
Thumbnails are converted to QImages on first paint and kept in a bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.widgets import palette
from model.analysis.predictions import Evaluation
from model.data.datasets import UNKNOWN, DataSet

THUMB = 56
BADGE = 15  # the "not a digit" badge, px
CELL = QSize(THUMB + 12, THUMB + 24)
SampleRole = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    """Rows are samples in display order; `SampleRole` gives a row's index in the data set."""

    def __init__(self) -> None:
        super().__init__()
        self.dataset: DataSet | None = None
        self.evaluation: Evaluation | None = None
        self.order = np.zeros(0, dtype=np.int64)
        self.other: np.ndarray | None = None  # a second model's predictions (comparisons)
        self._thumbs: OrderedDict[int, QPixmap] = OrderedDict()
        self._confidences = np.zeros(0, dtype=np.float32)
        self._mistakes = np.zeros(0, dtype=bool)
        self._not_digit = np.zeros(0, dtype=bool)
        self._gray: np.ndarray | None = None

    def set_samples(
        self,
        dataset: DataSet | None,
        evaluation: Evaluation | None,
        order: np.ndarray,
        other: np.ndarray | None = None,
    ) -> None:
        self.beginResetModel()
        if dataset is not self.dataset:
            self._thumbs.clear()
            # 8-bit pixels for the whole set at once (~10 ms for 10k), not per thumbnail
            self._gray = (
                None
                if dataset is None
                else np.clip(dataset.images * 255.0 + 0.5, 0, 255).astype(np.uint8)
            )
        if evaluation is not self.evaluation and evaluation is not None:
            # per-sample figures once, not per painted thumbnail
            self._confidences = evaluation.confidences
            self._mistakes = evaluation.labelled & ~evaluation.correct
            flags = evaluation.not_a_digit
            self._not_digit = np.zeros(len(evaluation), bool) if flags is None else flags
        self.dataset, self.evaluation = dataset, evaluation
        self.order = np.asarray(order, dtype=np.int64)
        self.other = other
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.order)

    def sample(self, row: int) -> int:
        return int(self.order[row])

    def caption(self, sample: int) -> str:
        ev = self.evaluation
        label = int(ev.labels[sample])
        truth = "?" if label == UNKNOWN else str(label)
        text = f"{truth}→{int(ev.predictions[sample])} {self._confidences[sample]:.0%}"
        if self.other is not None:  # true → model A's answer, model B's answer
            text = f"{truth}→A{int(ev.predictions[sample])} B{int(self.other[sample])}"
        return text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.evaluation is None:
            return None
        sample = int(self.order[index.row()])
        if role == SampleRole:
            return sample
        if role == Qt.ItemDataRole.DisplayRole:
            return self.caption(sample)
        if role == Qt.ItemDataRole.ToolTipRole:
            ev = self.evaluation
            label = int(ev.labels[sample])
            lines = [
                self.tr("Sample #{0}").format(sample),
                self.tr("True label: {0}").format("?" if label == UNKNOWN else label),
                self.tr("Predicted: {0} ({1:.1%})").format(
                    int(ev.predictions[sample]), float(ev.confidences[sample])
                ),
            ]
            if self.is_not_a_digit(sample):
                lines.append(self.tr("The network says: not a digit?"))
            if self.other is not None:
                lines.append(self.tr("Model B: {0}").format(int(self.other[sample])))
            if self.dataset is not None and self.dataset.sources is not None:
                lines.append(self.dataset.sources[sample])
            return "\n".join(lines)
        return None

    def is_mistake(self, sample: int) -> bool:
        return bool(self._mistakes[sample])

    def is_not_a_digit(self, sample: int) -> bool:
        return bool(self._not_digit[sample])

    def thumbnail(self, sample: int) -> QPixmap:
        """The sample at thumbnail size, scaled once (drawing a ready pixmap is the cheap part)."""
        pixmap = self._thumbs.get(sample)
        if pixmap is None:
            gray = self._gray[sample]
            h, w = gray.shape
            image = QImage(gray.data, w, h, w, QImage.Format.Format_Grayscale8)
            pixmap = QPixmap.fromImage(
                image.scaled(
                    THUMB,
                    THUMB,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self._thumbs[sample] = pixmap
            if len(self._thumbs) > 4000:
                self._thumbs.popitem(last=False)
        return pixmap


class GalleryDelegate(QStyledItemDelegate):
    """Paints a thumbnail and its caption; never creates a widget. Pens, colours and laid-out
    captions (QStaticText) are made once, so a frame of scrolling only blits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.selected_fill = QColor(palette.ACCENT).darker(250)
        self.mistake_pen = QPen(QColor(palette.WORSE), 2)
        self.focus_pen = QPen(QColor(palette.ACCENT), 1)
        self.text_colors = (QColor(palette.TEXT), QColor(palette.WORSE))
        self.badge_fill = QColor(palette.WORSE)
        self.badge_text = QColor(palette.HIGHLIGHTED_TEXT)
        self._captions: dict[str, QStaticText] = {}

    def caption(self, text: str) -> QStaticText:
        static = self._captions.get(text)
        if static is None:
            if len(self._captions) > 5000:
                self._captions.clear()
            static = self._captions[text] = QStaticText(text)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        return static

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model: GalleryModel = index.model()
        sample = model.sample(index.row())
        rect: QRect = option.rect
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, self.selected_fill)
        left = rect.x() + (rect.width() - THUMB) // 2
        top = rect.y() + 4
        painter.drawPixmap(left, top, model.thumbnail(sample))
        mistake = model.is_mistake(sample)
        if mistake:
            painter.setPen(self.mistake_pen)
            painter.drawRect(left - 1, top - 1, THUMB + 1, THUMB + 1)
        if model.is_not_a_digit(sample):  # a "?" badge in the thumbnail's corner
            badge = QRect(left + THUMB - BADGE, top, BADGE, BADGE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.badge_fill)
            painter.drawEllipse(badge)
            painter.setPen(self.badge_text)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "?")
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(self.focus_pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(self.text_colors[mistake])
        static = self.caption(model.caption(sample))
        width = static.size().width()
        painter.drawStaticText(
            QPointF(rect.x() + (rect.width() - width) / 2, top + THUMB + 3), static
        )


class GalleryView(QListView):
    """`opened(index)` on Enter or a double click: not `activated`, which some styles emit on a
    single click (that would leave the workspace whenever a thumbnail is merely selected)."""

    opened = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.doubleClicked.connect(self.opened)
        self.setObjectName("insightGallery")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL)
        # one whole row, captions included, however little room the splitter leaves
        self.setMinimumHeight(CELL.height() + 2 * self.frameWidth())
        self.setSpacing(0)
        self.setWrapping(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet(f"QListView {{ background: {palette.BASE}; }}")
        self.gallery_model = GalleryModel()
        self.setModel(self.gallery_model)
        self.setItemDelegate(GalleryDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
