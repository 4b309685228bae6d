"""The Insight workspace's central widget: a data set chooser, the confusion matrix, the gallery.

Choosing a data set evaluates the active model over it in the background (progress, cancel);
results are cached per (model, data set), so switching back is instant, and a new active model
is evaluated again when the workspace is next in view (the window attaches this widget to the
session only while Insight is active, so a hidden workspace costs nothing). Clicking a matrix
cell or header fills the gallery; activating a thumbnail opens it in Draw.

Automation surface: objectName `insightWorkspace`, `confusion_matrix()`, `evaluation_finished`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import data_cache
from app.core.context import AppContext
from app.core.error_text import error_sentence, error_text
from app.data.missing import DataMissingBox
from app.insight.canvas_overlay import CanvasOverlay
from app.insight.compare import ComparePanel
from app.insight.confusion_view import ConfusionView
from app.insight.evaluate_job import EvaluateJob, JobSlot, Progress
from app.insight.export import export_titled_view
from app.insight.flagged import status_text, unlabelled_summary
from app.insight.gallery import GalleryView, SampleRole
from app.insight.link import InsightLink
from app.insight.open_sample import open_in_draw
from app.insight.providers import DATA_SETS, DataSetSource, mnist_test_source
from app.widgets import export
from app.widgets.save_dialog import ask_save_path
from model.analysis.predictions import Evaluation, EvaluationCache, model_key, order
from model.data.datasets import DataSet
from model.errors import SaveError
from model.files.predictions_csv import write_predictions_csv
from model.network.inference import Prediction, Predictor

log = logging.getLogger(__name__)
SORTS = ("confident_mistakes", "unsure_correct", "index")
MINIMUM_SIZE = QSize(280, 280)


def _warm_captum() -> None:
    """Pay Captum's import (seconds) off the GUI thread, once."""
    try:
        from model.analysis.attribution import captum_attr

        captum_attr()
    except Exception:  # attribution will report it when used
        log.warning("could not import Captum", exc_info=True)


class InsightWorkspace(QWidget):
    #: The evaluation the workspace now shows finished (or came from the cache): an Evaluation.
    evaluation_finished = Signal(object)

    #: Evaluate MNIST test as soon as the workspace is first shown (tests turn this off).
    auto_evaluate = True

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("insightWorkspace")
        self.context = context
        self.link = context.part(InsightLink)
        self.link.overlay_toggled.connect(self.set_overlay)
        context.closing.connect(self.stop_jobs)
        self.predictor: Predictor | None = None
        self.model_key: str | None = None
        self.source: DataSetSource | None = None
        self.dataset: DataSet | None = None
        self.evaluation: Evaluation | None = None
        self.cache = EvaluationCache()
        self.selection: tuple[int | None, int | None] = (None, None)
        self._custom: tuple[np.ndarray, np.ndarray | None] | None = None
        self.jobs = JobSlot("insight-evaluate", self)
        self._build()
        # The window's central stack is as large as its largest page needs: a small explicit
        # minimum keeps Insight's controls from squeezing Draw's docks when the user goes back.
        self.setMinimumSize(MINIMUM_SIZE)
        self._captum_started = False
        self._quiet = False
        self.overlay: CanvasOverlay | None = None

    # ----- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.chooser = QComboBox()
        self.chooser.setObjectName("datasetChooser")
        self.chooser.addItem(self.tr("Choose a data set…"), None)
        for p in DATA_SETS:
            self.chooser.addItem(p.title, p.key)
        self.chooser.activated.connect(self._chosen)
        self.progress = QProgressBar()
        self.progress.setObjectName("evaluationProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelEvaluation")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self.tr("No data set evaluated yet."))
        self.status.setObjectName("evaluationStatus")
        self.status.setWordWrap(True)  # a long status (a folder's name, an error) wraps
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for text, slot in (
            (self.tr("Confusion matrix as PNG or SVG…"), self._export_confusion),
            (self.tr("Gallery as PNG or SVG…"), self._export_gallery),
            (self.tr("Predictions as CSV…"), self._export_csv),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _c=False, s=slot: s())
            menu.addAction(action)
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Data set:")))
        top.addWidget(self.chooser)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        # the status on its own line: the whole width, never squeezed between the buttons

        self.confusion = ConfusionView()
        self.confusion.selected.connect(self.select)
        self.mistakes_only = QCheckBox(self.tr("Mistakes only"))
        self.mistakes_only.setObjectName("mistakesOnly")
        self.mistakes_only.toggled.connect(lambda _on: self._fill_gallery())
        self.show_all = QPushButton(self.tr("All samples"))
        self.show_all.clicked.connect(lambda: self.select(None, None))
        self.unreadable_list = QListWidget()
        self.unreadable_list.setObjectName("unreadableList")
        self.unreadable_list.setMaximumHeight(90)
        self.unreadable_list.setWordWrap(True)  # each reason whole, not cut at the right
        self.unreadable_list.setVisible(False)
        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.addWidget(self.confusion, 1)
        # a data set without digit labels (non-digits): what was flagged, not an empty matrix
        self.unlabelled_note = QLabel(objectName="unlabelledSummary", wordWrap=True)
        self.unlabelled_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.unlabelled_note.setVisible(False)
        matrix_layout.addWidget(self.unlabelled_note, 1)
        row = QHBoxLayout()
        row.addWidget(self.mistakes_only)
        row.addStretch(1)
        row.addWidget(self.show_all)
        matrix_layout.addLayout(row)
        matrix_layout.addWidget(self.unreadable_list)
        self.compare = ComparePanel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(matrix_page, self.tr("Confusion matrix"))
        self.tabs.addTab(self.compare, self.tr("Compare models"))

        self.sort = QComboBox()
        self.sort.setObjectName("gallerySort")
        for key, text in zip(
            SORTS,
            (
                self.tr("Confident mistakes first"),
                self.tr("Unsure right answers first"),
                self.tr("By index"),
            ),
            strict=True,
        ):
            self.sort.addItem(text, key)
        self.sort.currentIndexChanged.connect(lambda _i: self._fill_gallery())
        self.sort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.gallery_caption = QLabel()
        self.gallery_caption.setObjectName("galleryCaption")
        self.gallery_caption.setWordWrap(True)
        self.gallery = GalleryView()
        self.gallery.opened.connect(self._activated)
        self.gallery.selectionModel().currentChanged.connect(self._current_changed)
        gallery_page = QWidget()
        gallery_layout = QVBoxLayout(gallery_page)
        gallery_layout.setContentsMargins(0, 0, 0, 0)  # every pixel for the thumbnails
        gallery_layout.addWidget(self.gallery_caption)  # its own line: it wraps, never cut
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Sort:")))
        bar.addWidget(self.sort)
        bar.addStretch(1)
        gallery_layout.addLayout(bar)
        gallery_layout.addWidget(self.gallery, 1)
        hint = QLabel(self.tr("Enter or double-click opens a sample in Draw."))
        hint.setWordWrap(True)
        gallery_layout.addWidget(hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(gallery_page)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)  # the matrix's numbers need the room more than the
        splitter.setStretchFactor(1, 2)  # thumbnails (which only reflow)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self._data_missing_box())
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        self._rows = (row, bar)
        self._pages = (matrix_page, gallery_page)
        self._fit_minimums()

    def _fit_minimums(self) -> None:
        """Each side of the splitter at least as wide as its row of controls and the tabs
        whole; again when the font changes (presentation mode)."""
        (row, bar), (matrix_page, gallery_page) = self._rows, self._pages
        # a combo box neither elides nor wraps, and its minimum size hint is narrower than its
        # text: the sort order was cut ("置信度最高的错误(") at presentation size
        self.sort.setMinimumWidth(self.sort.sizeHint().width())
        for layout in (row, bar):  # their minimum is cached from the old font until relaid out
            layout.invalidate()
        matrix_page.setMinimumWidth(row.minimumSize().width() + 24)
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + 8)  # both tabs whole
        gallery_page.setMinimumWidth(bar.minimumSize().width())
        self._orient()

    def _orient(self) -> None:
        """The matrix beside the gallery where both fit side by side, else above it: in
        presentation mode at 800x600 the two sides' minimum widths add up to more than the
        window leaves them, and the matrix was drawn over the gallery."""
        matrix, gallery = self._pages
        need = max(matrix.minimumWidth(), self.tabs.minimumWidth()) + gallery.minimumWidth()
        need += self.splitter.handleWidth() + 4
        room = self.width() - self.layout().contentsMargins().left() * 2
        wanted = Qt.Orientation.Horizontal if room >= need else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._orient()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # once the children have their new font
            QTimer.singleShot(0, self._fit_minimums)

    # ----- the session contract: only while Insight is the active workspace -------------------
    def set_model(self, predictor: Predictor) -> None:
        """The network reading the drawing (again): re-evaluate the data set if it is a
        different one (a previewed network too)."""
        key = model_key(predictor)
        if key == self.model_key:
            return
        self.predictor, self.model_key = predictor, key
        if self.source is not None:
            self.evaluate(self.source)
        elif self.auto_evaluate:
            self.evaluate(mnist_test_source(), quiet=True)
        else:
            self._warm_captum()

    def set_overlay(self, on: bool) -> None:
        """Show the attribution map over the Draw canvas (live), or stop."""
        if self.overlay is None:
            self.overlay = CanvasOverlay(self.context, self.link)
        self.overlay.set_enabled(on)

    def show_result(self, result: Prediction) -> None:  # the drawing: not Insight's concern
        return None

    # ----- evaluating -------------------------------------------------------------------------
    def _chosen(self, index: int) -> None:
        key = self.chooser.itemData(index)
        chosen = DATA_SETS.get(key) if key is not None else None
        if chosen is None:
            return
        source = chosen.choose(self)
        if source is not None:
            self.evaluate(source)

    def evaluate(self, source: DataSetSource, quiet: bool = False) -> None:
        """Show `source` evaluated by the active model: at once from the cache, else in the
        background (progress in the bar, `evaluation_finished` when done). A `quiet` failure
        (the automatic first evaluation, e.g. MNIST not downloaded) is told in the status line,
        not in a message box."""
        self._quiet = quiet
        if self.predictor is None:
            self.set_model(self.context.session.reader)
        self.source = source
        found = self.chooser.findData(source.provider)
        if found >= 0:
            self.chooser.setCurrentIndex(found)
        dataset = self.context.data_cache.get(data_cache.DATASET, source.key)
        if dataset is not None:
            cached = self.cache.get(self.model_key, dataset.key)
            if cached is not None:
                self.jobs.cancel()
                self._show(dataset, cached)
                return
        job = EvaluateJob(self.predictor, source, dataset)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.status.setText(self.tr("Evaluating {0}…").format(source.title))
        self.jobs.start(job)

    def cancel(self) -> None:
        self.jobs.cancel()
        self._idle(self.tr("Evaluation cancelled."))

    def _idle(self, message: str) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.status.setText(message)

    def _progress(self, value: Progress) -> None:
        if not self.jobs.is_current(self.sender()):
            return
        self.progress.setRange(0, max(1, value.total))
        self.progress.setValue(value.done)
        self.progress.setFormat(
            self.tr("reading %v/%m") if value.stage == "loading" else self.tr("%v/%m")
        )

    def _finished(self, result: tuple[DataSet, Evaluation]) -> None:
        if not self.jobs.is_current(self.sender()):
            return
        dataset, evaluation = result
        self.context.data_cache.put(data_cache.DATASET, self.source.key, dataset)
        self.cache.put(evaluation)
        self._show(dataset, evaluation)

    def _data_missing_box(self) -> DataMissingBox:
        """Said inline where MNIST is missing, with Choose folder… / Download (issue 19)."""
        self.data_missing = DataMissingBox(
            self.tr("Insight evaluates the active model on MNIST's 10,000 test images:"),
            self.context.data_location,
        )
        self.data_missing.ready.connect(lambda: self.evaluate(mnist_test_source(), quiet=True))
        return self.data_missing

    def _failed(self, exc: BaseException) -> None:
        if not self.jobs.is_current(self.sender()):
            return
        if self.source.provider.startswith("mnist") and not self.data_missing.check():
            self._idle("")  # the box says what is missing, where, and the ways out
            return
        if self._quiet:
            self._idle(self.tr("Could not evaluate: {0}").format(error_sentence(exc)))
            self.status.setToolTip(error_text(exc))
            return
        self._idle(self.tr("Evaluation failed."))
        self.context.show_error(self.tr("Could not evaluate the data set"), error_text(exc), exc)

    def _cancelled(self) -> None:
        if self.jobs.is_current(self.sender()):
            self._idle(self.tr("Evaluation cancelled."))

    def _show(self, dataset: DataSet, evaluation: Evaluation) -> None:
        if self.dataset is not None and dataset.key != self.dataset.key:
            # another data set: the old cell and "Mistakes only" would show "0 samples
            # predicted 7" with no hint why, so the gallery starts from every sample again
            self.selection = (None, None)
            self.mistakes_only.blockSignals(True)
            self.mistakes_only.setChecked(False)
            self.mistakes_only.blockSignals(False)
        self.dataset, self.evaluation = dataset, evaluation
        accuracy = evaluation.accuracy
        # the chosen source's title is the translated name (dataset.name is the model's English)
        name = self.source.title if self.source is not None else dataset.name
        text = self.tr("{0}: {1} samples").format(name, f"{len(dataset):,}")
        if accuracy is not None:
            text += self.tr(", accuracy {0:.2%}").format(accuracy)
        text += status_text(evaluation)
        if dataset.unreadable:
            text += self.tr(", {0} files could not be read").format(len(dataset.unreadable))
        self._idle(text)
        labelled = bool(evaluation.labelled.any())
        self.confusion.setVisible(labelled)
        self.unlabelled_note.setVisible(not labelled)
        if not labelled:
            self.unlabelled_note.setText(unlabelled_summary(evaluation, dataset.stroke_flags))
            self.selection = (None, None)
        self.unreadable_list.clear()
        self.unreadable_list.addItems([reason for _file, reason in dataset.unreadable])
        self.unreadable_list.setVisible(bool(dataset.unreadable))
        self.confusion.set_matrix(evaluation.confusion, evaluation.per_class_accuracy)
        self._custom = None
        self.confusion.set_selection(*self.selection)
        self._fill_gallery()
        self.compare.data_set_changed()
        self._warm_captum()
        self.evaluation_finished.emit(evaluation)

    def _warm_captum(self) -> None:
        """Import Captum once, in the background, after the first evaluation: both at once
        would slow the evaluation the user is waiting for (the import holds the GIL)."""
        if not self._captum_started:
            self._captum_started = True
            threading.Thread(target=_warm_captum, name="captum-import", daemon=True).start()

    def confusion_matrix(self) -> np.ndarray | None:
        """(10, 10) int64 counts of the last finished evaluation (rows true), None before."""
        return None if self.evaluation is None else self.evaluation.confusion.copy()

    def unreadable(self) -> list[tuple[str, str]]:
        """(file, reason) of each file of the data set that could not be read."""
        return [] if self.dataset is None else list(self.dataset.unreadable)

    # ----- gallery ----------------------------------------------------------------------------
    def select(self, true: int | None, predicted: int | None) -> None:
        """Fill the gallery with a confusion cell (both given), row, column, or everything."""
        self.selection = (true, predicted)
        self._custom = None
        self.confusion.set_selection(true, predicted)
        self._fill_gallery()

    def show_samples(self, indices: np.ndarray, other: np.ndarray | None = None) -> None:
        """Fill the gallery with these samples (e.g. where two models disagree); `other` adds a
        second model's predictions to the captions."""
        self._custom = (np.asarray(indices, np.int64), other)
        self.confusion.set_selection(None, None)
        self._fill_gallery()

    def gallery_samples(self) -> list[int]:
        """The data set indices in the gallery, in display order."""
        return [int(i) for i in self.gallery.gallery_model.order]

    def _fill_gallery(self) -> None:
        ev = self.evaluation
        if ev is None:
            return
        sort = self.sort.currentData()
        if self._custom is not None:
            indices, other = self._custom
            if self.mistakes_only.isChecked():
                indices = indices[~ev.correct[indices] & ev.labelled[indices]]
            chosen = order(ev, indices, sort)
            caption = self.tr(
                "{0} samples where the models disagree (true → A, the active model; B, the other)"
            ).format(len(chosen))
        else:
            other = None
            true, predicted = self.selection
            chosen = ev.indices(true, predicted, self.mistakes_only.isChecked(), sort)
            caption = self._caption(true, predicted, len(chosen))
        self.gallery.gallery_model.set_samples(self.dataset, ev, chosen, other)
        self.gallery_caption.setText(caption)

    def _caption(self, true: int | None, predicted: int | None, n: int) -> str:
        if true is not None and predicted is not None:
            return self.tr("{0} samples: true {1}, predicted {2}").format(n, true, predicted)
        if true is not None:
            return self.tr("{0} samples of true digit {1}").format(n, true)
        if predicted is not None:
            return self.tr("{0} samples predicted {1}").format(n, predicted)
        return self.tr("{0} samples").format(n)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.dataset is None:
            return
        sample = int(current.data(SampleRole))
        self.link.select_sample(
            self.dataset.images[sample], int(self.evaluation.labels[sample]), sample
        )

    def _activated(self, index: QModelIndex) -> None:
        self.open_sample(int(index.data(SampleRole)))

    def open_sample(self, sample: int) -> Prediction:
        """Open data set sample `sample` in the Draw workspace (see app/insight/open_sample)."""
        return open_in_draw(
            self.context, self.dataset.images[sample], int(self.dataset.labels[sample])
        )

    # ----- export -----------------------------------------------------------------------------
    def export_confusion(self, path: str) -> None:
        """The confusion matrix as PNG or SVG (by the suffix) under a title naming the data set
        and the model, so the file says what it shows. Raises `SaveError`."""
        export_titled_view(
            self.confusion, self.export_title(), path, self.confusion.content_scene_rect()
        )

    def export_title(self) -> list[str]:
        """The title lines of an exported confusion matrix."""
        lines = [self.tr("Confusion matrix (rows: true digit, columns: prediction)")]
        if self.dataset is not None and self.evaluation is not None:
            text = self.tr("{0}: {1} samples").format(self.dataset.name, len(self.dataset))
            if self.evaluation.accuracy is not None:
                text += self.tr(", accuracy {0:.2%}").format(self.evaluation.accuracy)
            lines.append(text)
        lines.append(self.tr("Model: {0}").format(self.context.session.label))
        return lines

    def export_gallery(self, path: str) -> None:
        export.export_widget(self.gallery.viewport(), path)

    def export_csv(self, path: str) -> None:
        if self.evaluation is None:
            raise SaveError(f"{path}: nothing evaluated yet")
        write_predictions_csv(self.evaluation, path, self.dataset.sources)

    def _ask_path(self, title: str, filters: str) -> str:
        return ask_save_path(self, title, "", filters)

    def _run_export(self, title: str, filters: str, write: Callable[[str], None]) -> None:
        path = self._ask_path(title, filters)
        if not path:
            return
        try:
            write(path)
        except SaveError as exc:
            self.context.show_error(self.tr("Export failed"), error_text(exc), exc)

    def _export_confusion(self) -> None:
        self._run_export(
            self.tr("Export the confusion matrix"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
            self.export_confusion,
        )

    def _export_gallery(self) -> None:
        self._run_export(
            self.tr("Export the gallery"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
            self.export_gallery,
        )

    def _export_csv(self) -> None:
        self._run_export(
            self.tr("Export per-sample predictions"), self.tr("CSV (*.csv)"), self.export_csv
        )

    # ----- closing ----------------------------------------------------------------------------
    def stop_jobs(self) -> None:
        """Cancel and wait for background work (the window is closing)."""
        self.jobs.stop()
        self.compare.jobs.stop()
