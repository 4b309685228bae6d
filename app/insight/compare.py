"""Two models side by side on the workspace's data set: the active model (A) against another
weights file or the shipped weights (B).

B is evaluated in the background over the same loaded data set; `model.analysis.predictions.compare`
gives the accuracy and per-class differences (B minus A), the difference of the confusion
matrices (shown signed, blue fewer / orange more) and the samples on which they disagree, which
one click puts in the gallery with both predictions in the captions.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Protocol

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.context import AppContext
from app.core.error_text import error_text
from app.insight.confusion_view import ConfusionView
from app.insight.evaluate_job import EvaluateJob, JobSlot
from app.insight.providers import DataSetSource
from model.analysis.predictions import (
    Comparison,
    Evaluation,
    EvaluationCache,
    compare,
    model_key,
)
from model.data.datasets import DataSet
from model.errors import CheckpointError
from model.files.weights import shipped_weights_path
from model.network.inference import Predictor


class ComparedWorkspace(Protocol):
    """What the comparison needs of the Insight workspace that holds it."""

    context: AppContext
    cache: EvaluationCache
    evaluation: Evaluation | None
    dataset: DataSet | None
    source: DataSetSource | None

    def show_samples(self, indices: np.ndarray, other: np.ndarray | None = None) -> None: ...
    def select(self, true: int | None, predicted: int | None) -> None: ...


class ComparePanel(QWidget):
    #: A comparison is ready (a `model.analysis.predictions.Comparison`).
    compared = Signal(object)

    def __init__(self, workspace: ComparedWorkspace) -> None:
        super().__init__()
        self.setObjectName("insightCompare")
        self.workspace = workspace
        self.other: Predictor | None = None
        self.other_label = ""
        self.other_key = ""
        self.comparison: Comparison | None = None
        self.other_evaluation: Evaluation | None = None
        self.jobs = JobSlot("insight-compare", self)
        pick = QPushButton(self.tr("Compare with a weights file…"))
        pick.clicked.connect(self._pick_file)
        shipped = QPushButton(self.tr("Compare with the shipped weights"))
        shipped.clicked.connect(lambda: self.compare_with(shipped_weights_path()))
        # one above the other: side by side they were cut in the matrix's half of a small window
        buttons = QVBoxLayout()
        for button in (pick, shipped):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        self.summary = QLabel(self.tr("Choose a second model to compare with the active one."))
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(3, 10)
        self.table.setObjectName("comparePerClass")
        self.table.setVerticalHeaderLabels([self.tr("A"), self.tr("B"), self.tr("B − A")])
        self.table.setHorizontalHeaderLabels([str(d) for d in range(10)])
        # each column as wide as its numbers ("99.1%"), not a fixed 44 px that cut them
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(130)
        self.diff = ConfusionView(signed=True)
        self.diff.setObjectName("confusionDifference")
        self.diff.selected.connect(self._diff_cell)
        self.disagreements = QPushButton(self.tr("Show the disagreements in the gallery"))
        self.disagreements.setObjectName("showDisagreements")
        self.disagreements.setEnabled(False)
        self.disagreements.clicked.connect(self.show_disagreements)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Confusion matrix of B minus A:")))
        layout.addWidget(self.diff, 1)
        layout.addWidget(self.disagreements)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Weights to compare with"),
            "",
            self.tr("LeNet Lens weights (*.pt);;All files (*)"),
        )
        if path:
            self.compare_with(path)

    def compare_with(self, path: str | Path) -> None:
        """Load weights file `path` as model B and evaluate it on the current data set."""
        try:
            self.other = Predictor.load(path)
        except CheckpointError as exc:
            self.workspace.context.show_error(
                self.tr("Could not load the weights"), error_text(exc), exc
            )
            return
        self.other_label = Path(path).name
        self.other_key = model_key(self.other)
        self.data_set_changed()

    def data_set_changed(self) -> None:
        """The workspace shows another evaluation: compare B on that data set too."""
        ws = self.workspace
        if self.other is None or ws.evaluation is None or ws.dataset is None:
            return
        self.comparison = None
        self.disagreements.setEnabled(False)
        cached = ws.cache.get(self.other_key, ws.dataset.key)
        if cached is not None:
            self.jobs.cancel()
            self._compare(cached)
            return
        self.summary.setText(self.tr("Evaluating {0}…").format(self.other_label))
        job = EvaluateJob(self.other, ws.source, ws.dataset)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        self.jobs.start(job)

    def _failed(self, exc: BaseException) -> None:
        if self.jobs.is_current(self.sender()):
            self.summary.setText(
                self.tr("Could not evaluate {0}: {1}").format(self.other_label, error_text(exc))
            )

    def _finished(self, result: tuple) -> None:
        if not self.jobs.is_current(self.sender()):
            return
        _dataset, other = result
        self.workspace.cache.put(other)
        self._compare(other)

    def _compare(self, other: Evaluation) -> None:
        a = self.workspace.evaluation
        if a is None or len(a) != len(other):
            return
        self.other_evaluation = other
        self.set_comparison(compare(a, other))

    def set_comparison(self, c: Comparison) -> None:
        self.comparison = c

        def pct(value: float | None) -> str:
            return "–" if value is None or math.isnan(value) else f"{value:.2%}"

        def pct1(value: float | None) -> str:
            return "–" if value is None or math.isnan(value) else f"{value:.1%}"

        diff = c.accuracy_diff
        self.summary.setText(
            self.tr(
                "A (active): {0} · B ({1}): {2} · B − A: {3} · they disagree on {4} samples "
                "(only A right: {5}, only B right: {6})"
            ).format(
                pct(c.accuracy_a),
                self.other_label,
                pct(c.accuracy_b),
                "–" if diff is None else self.tr("{0:+.2f} pt").format(diff * 100),
                len(c.disagreements),
                len(c.only_a_right),
                len(c.only_b_right),
            )
        )
        for d in range(10):
            a, b, dd = c.per_class_a[d], c.per_class_b[d], c.per_class_diff[d]
            cells = (pct1(a), pct1(b), "–" if math.isnan(dd) else f"{dd * 100:+.1f}")
            for row, text in enumerate(cells):
                self.table.setItem(row, d, QTableWidgetItem(text))
        self.diff.set_matrix(c.confusion_diff, c.per_class_diff)
        self.disagreements.setEnabled(True)
        self.disagreements.setText(
            self.tr("Show the {0} disagreements in the gallery").format(len(c.disagreements))
        )
        self.compared.emit(c)

    def show_disagreements(self) -> None:
        if self.comparison is not None and self.other_evaluation is not None:
            self.workspace.show_samples(
                self.comparison.disagreements, self.other_evaluation.predictions
            )

    def _diff_cell(self, true: int | None, predicted: int | None) -> None:
        self.workspace.select(true, predicted)
