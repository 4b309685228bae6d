"""Why not flatten: a fully-connected network of LeNet's size reads the same drawing, and a
shift test measures what flattening costs.

The answers come from the active LeNet-5 and the shipped fully-connected network
(`app.concepts.networks.fully_connected`); the shift test is `ShiftTestJob` on MNIST test in the
background, with progress and cancel, plotting accuracy against shift for both.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
)

from app.concepts import networks
from app.concepts.common import LazyPanel, explanation, renormalize, scrolling_body
from app.concepts.model_text import list_separator
from app.concepts.shift_test_job import ShiftTestJob
from app.core.data_location import DATA_LOCATION
from app.core.error_text import error_text
from app.core.jobs import JobSlot
from app.data.missing import DataMissingBox
from app.widgets import palette
from app.widgets.plot_style import still_view
from model.analysis.shift import MAX_SHIFT, ShiftTestResult
from model.data.mnist import missing_files
from model.errors import CheckpointError
from model.network.inference import Predictor
from model.network.lenet import parameter_count

LENET, FLAT = "LeNet-5", "fully connected"  # keys of answers, curves and results
COLOURS = {LENET: palette.ACCENT, FLAT: palette.WORSE}
TEST_SIZE = 10_000


class FlattenPanel(LazyPanel):
    """Both networks' answers for the drawing; the shift test and its curves."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelFlatten")
        self.answers: dict[str, tuple[int, float] | None] = {}
        self.test_results: dict[str, ShiftTestResult] = {}
        self.jobs = JobSlot("shift-test", self)
        self.data_dir: Path | None = None  # None: the app's MNIST folder (app.core.data_location)
        self.names = {LENET: "LeNet-5", FLAT: self.tr("fully connected")}  # legend, summary

        self.lenet_label = QLabel()
        self.lenet_label.setObjectName("flattenLenetAnswer")
        self.flat_label = QLabel()
        for label in (self.lenet_label, self.flat_label):
            label.setWordWrap(True)  # a narrow column wraps rather than scrolls
        self.flat_label.setObjectName("flattenFlatAnswer")
        # each network's name over its answer: fits a narrow column without scrolling
        answers = QGridLayout()
        self.lenet_name = QLabel(self.tr("LeNet-5 (convolutions)"))
        names = [self.lenet_name]
        names.append(QLabel(self.tr("Fully connected (flattened pixels)")))
        for i, (name, answer) in enumerate(zip(names, (self.lenet_label, self.flat_label))):
            name.setWordWrap(True)
            answers.addWidget(name, 2 * i, 0, 1, 2)
            answers.addWidget(answer, 2 * i + 1, 1)
        answers.setColumnMinimumWidth(0, 12)
        answers.setColumnStretch(1, 1)

        self.run_button = QPushButton(self.tr("Run shift test"))
        self.run_button.setObjectName("shiftTestRun")
        self.run_button.setToolTip(
            self.tr("Test accuracy of both networks on MNIST test images shifted by 0–4 px")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("shiftTestCancel")
        self.cancel_button.setEnabled(False)
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("shiftTestImages")
        self.size_spin.setRange(100, TEST_SIZE)
        self.size_spin.setSingleStep(1000)
        self.size_spin.setValue(TEST_SIZE)
        self.size_spin.setSuffix(self.tr(" images"))
        self.progress = QProgressBar()
        self.progress.setObjectName("shiftTestProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        run_row = QGridLayout()
        run_row.addWidget(self.size_spin, 0, 0, 1, 2)
        run_row.addWidget(self.run_button, 1, 0)
        run_row.addWidget(self.cancel_button, 1, 1)
        run_row.addWidget(self.progress, 2, 0, 1, 2)
        self.status = QLabel()
        self.status.setObjectName("shiftTestStatus")
        self.status.setWordWrap(True)

        self.plot = pg.PlotWidget()
        self.plot.setObjectName("shiftTestPlot")
        self.plot.setLabel("bottom", self.tr("shift (px)"))
        self.plot.setLabel("left", self.tr("test accuracy"))
        still_view(self.plot)
        self.plot.setXRange(0, MAX_SHIFT, padding=0.05)
        self.plot.setYRange(0, 1, padding=0.02)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.addLegend(offset=(-6, -6))
        self.curves = {
            name: self.plot.plot(
                [],
                [],
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                name=self.names[name],
            )
            for name, colour in COLOURS.items()
        }

        layout = scrolling_body(self)
        layout.addWidget(
            explanation(
                self.tr(
                    "Flattening the 32x32 image into 1,024 separate numbers throws away which "
                    "pixels are neighbours: a dense network must learn every stroke at every "
                    "position. Both networks here have about 61,700 parameters and were trained "
                    "on the same images; the shift test moves the test digits a few pixels and "
                    "measures who still reads them."
                )
            )
        )
        layout.addLayout(answers)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        self.data_missing = DataMissingBox(
            self.tr("The shift test needs MNIST's test images:"), DATA_LOCATION
        )
        self.data_missing.ready.connect(self._data_ready)
        layout.addWidget(self.data_missing)
        layout.addWidget(self.plot, 1)

        self.run_button.clicked.connect(self.run_shift_test)
        self.cancel_button.clicked.connect(self.cancel_shift_test)

    def model_changed(self) -> None:
        """The active network is named for what it is: LeNet-5, or another design's stages."""
        design = self.predictor.architecture
        lenet = self.predictor.checkpoint.model_config is not None
        self.names[LENET] = "LeNet-5" if lenet else self.tr("active network")  # legend, summary
        if lenet:
            self.lenet_name.setText(self.tr("LeNet-5 (convolutions)"))
        elif design.stages:
            self.lenet_name.setText(
                self.tr("The active network (%n convolution stage(s))", "", len(design.stages))
            )
        else:
            self.lenet_name.setText(self.tr("The active network (no convolution)"))

    # ----- the live answers ---------------------------------------------------------------------
    def flat_network(self) -> Predictor | None:
        try:
            return networks.fully_connected()
        except CheckpointError as exc:
            self.flat_label.setText(error_text(exc))
            return None

    def recompute(self) -> None:
        lenet_params = parameter_count(self.predictor.model)
        flat = self.flat_network()
        if self.result.is_blank:
            self.answers = {LENET: None, FLAT: None}
            self.lenet_label.setText(self.tr("(nothing drawn)"))
            if flat is not None:
                self.flat_label.setText(self.tr("(nothing drawn)"))
            return
        r = self.result
        self.answers[LENET] = (int(r.digit), float(r.confidence))
        self.lenet_label.setText(self._answer(r.digit, r.confidence, lenet_params))
        if flat is None:
            self.answers[FLAT] = None
            return
        x = renormalize(r.network_input, self.predictor.normalization, flat.normalization)
        probabilities, _ = flat.forward(x)
        digit = int(np.argmax(probabilities))
        self.answers[FLAT] = (digit, float(probabilities[digit]))
        text = self._answer(digit, float(probabilities[digit]), parameter_count(flat.model))
        if digit != r.digit:
            text += " " + self.tr("<span style='color: {c}'>(disagrees)</span>").format(
                c=palette.WORSE
            )
        self.flat_label.setText(text)

    def _answer(self, digit: int, confidence: float, params: int) -> str:
        return self.tr("reads <b>{d}</b> ({c:.0%}) · {p:,} parameters").format(
            d=digit, c=confidence, p=params
        )

    # ----- the shift test -----------------------------------------------------------------------
    def _data_ready(self) -> None:
        self.status.setText(self.tr("MNIST found: run the shift test."))

    @property
    def job(self) -> ShiftTestJob | None:
        """The shift test running now, if any."""
        return self.jobs.job  # type: ignore[return-value]

    @property
    def running(self) -> bool:
        return self.jobs.running

    def run_shift_test(self) -> ShiftTestJob | None:
        """Start the shift test on the chosen number of MNIST test images (in the background)."""
        if self.running or self.predictor is None:
            return None
        data_dir = self.data_dir or DATA_LOCATION.mnist_dir()
        if missing_files(data_dir):
            self.data_missing.check()  # says so inline: Choose folder… / Download
            self.status.setText(self.tr("MNIST is missing: choose its folder or download it."))
            return None
        flat = self.flat_network()
        if flat is None:
            return None
        job = ShiftTestJob({LENET: self.predictor, FLAT: flat}, data_dir, self.size_spin.value())
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(
            self.tr("Testing {n:,} images at shifts 0–{m} px…").format(
                n=self.size_spin.value(), m=MAX_SHIFT
            )
        )
        self.jobs.start(
            job,
            progress=self._on_progress,
            finished=self._on_finished,
            failed=self._on_failed,
            cancelled=self._on_cancelled,
            done=self._on_done,
        )
        return job

    def cancel_shift_test(self) -> None:
        self.jobs.request_cancel()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))

    def _on_finished(self, results: dict[str, ShiftTestResult]) -> None:
        self.test_results = results
        for name, result in results.items():
            self.curves[name].setData(result.distances.astype(float), result.accuracy)
        lowest = min(float(r.accuracy.min()) for r in results.values())
        self.plot.setYRange(min(0.5, np.floor(lowest * 10) / 10), 1.0, padding=0.02)
        summary = list_separator().join(
            self.tr("{name} {a:.1%} → {b:.1%}").format(
                name=self.names[name], a=float(r.accuracy[0]), b=float(r.accuracy[-1])
            )
            for name, r in results.items()
        )
        n = next(iter(results.values())).count
        self.status.setText(
            self.tr("Accuracy on {n:,} test images, unshifted → shifted by {m} px: {s}").format(
                n=n, m=MAX_SHIFT, s=summary
            )
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The shift test failed: {why}").format(why=error_text(exc)))

    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Shift test cancelled."))

    def _on_done(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
