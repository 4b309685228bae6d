"""The lab's Compare tab: two networks side by side, measured.

Pick network A and B (the shipped one, the active one, the last one trained in the lab, or any
weights file), press Measure: a background job (app/lab/compare_job.py, cancellable, with
progress) measures both, and the table shows their parameters, multiply-adds, MNIST test
accuracy, accuracy on the pen digits of the validation writers, time per image and B − A; the
plot shows each one's accuracy as the test digits move 0–4 px. So "what did SAME padding (or
stride 2, or no pooling) change?" is answered with numbers on screen.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.error_text import error_text
from app.core.jobs import JobSlot
from app.data.missing import DataMissingBox
from app.lab.compare_job import CompareJob
from app.lab.lab_text import design_name, number
from app.lab.state import LabState
from app.widgets import palette
from app.widgets.plot_style import still_view
from model.analysis.design_compare import DesignFigures
from model.analysis.shift import MAX_SHIFT
from model.errors import CheckpointError
from model.files.checkpoint import Checkpoint, load_checkpoint
from model.network.inference import Predictor

SHIPPED, ACTIVE, LAB, FILE = "shipped", "active", "lab", "file"
SIDES = ("A", "B")
COLORS = {"A": palette.ACCENT, "B": palette.TEST_ACCURACY}
ROWS = ("params", "macs", "mnist", "pen", "time")


class NetworkChoice(QWidget):
    """One side's network: a chooser and, for a file, its name."""

    def __init__(self, side: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.path: Path | None = None
        self.box = QComboBox(objectName=f"labCompare{side}")
        self.box.addItem(QCoreApplication.translate("CompareView", "Shipped network"), SHIPPED)
        self.box.addItem(QCoreApplication.translate("CompareView", "Active network"), ACTIVE)
        self.box.addItem(
            QCoreApplication.translate("CompareView", "Last network trained in the lab"), LAB
        )
        self.box.addItem(QCoreApplication.translate("CompareView", "Weights file…"), FILE)
        self.box.setCurrentIndex(self.box.findData(default))
        self.box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.box.setMinimumContentsLength(14)
        self.box.activated.connect(self._chosen)
        self.file_label = QLabel()
        self.file_label.setObjectName(f"labCompareFile{side}")
        self.file_label.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.file_label, 1)

    def key(self) -> str:
        return self.box.currentData()

    def set_key(self, key: str) -> None:
        self.box.setCurrentIndex(self.box.findData(key))
        self._show_file()

    def set_file(self, path: str | Path) -> None:
        self.path = Path(path)
        self.set_key(FILE)

    def _chosen(self, _index: int) -> None:
        if self.key() == FILE:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("CompareView", "Open weights to compare"),
                str(self.path.parent if self.path else Path.home()),
                QCoreApplication.translate("CompareView", "LeNet Lens weights (*.pt)"),
            )
            if path:
                self.path = Path(path)
            elif self.path is None:
                self.set_key(ACTIVE)
        self._show_file()

    def _show_file(self) -> None:
        shown = self.key() == FILE and self.path is not None
        self.file_label.setText(self.path.name if shown else "")
        self.file_label.setToolTip(str(self.path) if shown else "")


class CompareView(QWidget):
    """Network A, network B, Measure; figures table and shift curves."""

    # both networks measured: {"A": DesignFigures, "B": DesignFigures}
    measured = Signal(object)

    def __init__(self, state: LabState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labCompareView")
        self.state = state
        self.context = state.context
        # MNIST test images and pen digits measured (None: all); tests use a few
        self.limit: int | None = None
        self.pen_limit: int | None = None
        self.jobs = JobSlot("lab-compare", self)
        self.figures: dict[str, DesignFigures] = {}
        self.choices = {"A": NetworkChoice("A", SHIPPED), "B": NetworkChoice("B", ACTIVE)}
        chooser = QGridLayout()
        for r, side in enumerate(SIDES):
            label = QLabel(QCoreApplication.translate("CompareView", "Network {0}").format(side))
            label.setStyleSheet(f"color: {COLORS[side]}; font-weight: 600;")
            chooser.addWidget(label, r, 0)
            chooser.addWidget(self.choices[side], r, 1)
        chooser.setColumnStretch(1, 1)
        self.measure_button = QPushButton(QCoreApplication.translate("CompareView", "Measure both"))
        self.measure_button.setObjectName("labMeasure")
        self.measure_button.setToolTip(
            QCoreApplication.translate(
                "CompareView",
                "Accuracy on MNIST test and on the pen validation writers, time per image and "
                "the shift test, for both networks (in the background)",
            )
        )
        self.measure_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(QCoreApplication.translate("CompareView", "Cancel"))
        self.cancel_button.setObjectName("labMeasureCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("labMeasureProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setObjectName("labCompareStatus")
        self.status.setWordWrap(True)
        self.missing = DataMissingBox(
            QCoreApplication.translate("CompareView", "Measuring needs MNIST's test images."),
            self.context.data_location,
        )
        self.missing.ready.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addWidget(self.measure_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)

        self.table = QTableWidget(len(ROWS), 3)
        self.table.setObjectName("labCompareTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("CompareView", "A"),
                QCoreApplication.translate("CompareView", "B"),
                QCoreApplication.translate("CompareView", "B vs A"),
            ]
        )
        self.table.setVerticalHeaderLabels(
            [
                QCoreApplication.translate("CompareView", "Parameters"),
                QCoreApplication.translate("CompareView", "Multiply-adds"),
                QCoreApplication.translate("CompareView", "MNIST test"),
                QCoreApplication.translate("CompareView", "Pen digits (validation writers)"),
                QCoreApplication.translate("CompareView", "Time per image"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumSize(220, 80)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("labShiftPlot")
        still_view(self.plot)
        self.plot.setLabel("left", QCoreApplication.translate("CompareView", "accuracy (%)"))
        self.plot.setLabel(
            "bottom", QCoreApplication.translate("CompareView", "test digits moved by (px)")
        )
        self.plot.setTitle(QCoreApplication.translate("CompareView", "Shift tolerance"))
        self.plot.addLegend(offset=(8, -8), labelTextSize="8pt")  # bottom left: curves start high
        self.plot.getAxis("bottom").setTicks([[(d, str(d)) for d in range(MAX_SHIFT + 1)]])
        self.plot.setXRange(0, MAX_SHIFT, padding=0.05)
        self.plot.setMinimumSize(180, 120)
        self.curves = {
            side: self.plot.plot(
                pen=pg.mkPen(COLORS[side], width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=COLORS[side],
                name=side,
            )
            for side in SIDES
        }
        self.designs = QLabel()
        self.designs.setObjectName("labCompareDesigns")
        self.designs.setWordWrap(True)
        self.designs.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(chooser)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.missing)
        layout.addWidget(self.designs)
        layout.addWidget(self.table)
        layout.addWidget(self.plot, 1)
        self.status.setText(
            QCoreApplication.translate(
                "CompareView",
                "Choose two networks and press “Measure both”: train a design in the Design "
                "tab to compare it with the shipped LeNet-5.",
            )
        )
        state.trained.connect(self._on_trained)
        self._fit_table()

    # ----- the networks -----------------------------------------------------------------------
    @Slot(object)
    def _on_trained(self, _checkpoint: Checkpoint) -> None:
        """A lab run finished: B shows it, unless B is a file the user chose."""
        if self.choices["B"].key() != FILE:
            self.choices["B"].set_key(LAB)

    def checkpoint(self, side: str) -> Checkpoint:
        """Side's network; `CheckpointError` for a file that cannot be loaded, `LookupError`
        when there is none to take."""
        choice = self.choices[side]
        key = choice.key()
        if key == SHIPPED:
            return Predictor.load(None).checkpoint
        if key == ACTIVE:
            return self.context.session.predictor.checkpoint
        if key == LAB:
            if self.state.last_trained is None:
                raise LookupError(
                    QCoreApplication.translate(
                        "CompareView",
                        "No network has been trained in the lab yet: train one in the Design tab.",
                    )
                )
            return self.state.last_trained
        if choice.path is None:
            raise LookupError(
                QCoreApplication.translate("CompareView", "Choose a weights file for {0}.").format(
                    side
                )
            )
        return load_checkpoint(choice.path)

    # ----- measuring --------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Measure both networks in the background; False (and a message) if it cannot."""
        if self.jobs.running:
            return False
        try:
            networks = {side: self.checkpoint(side) for side in SIDES}
        except (CheckpointError, LookupError) as exc:
            text = error_text(exc) if isinstance(exc, CheckpointError) else str(exc)
            self._say(text, error=True)
            return False
        if not self.missing.check():
            self._say(
                QCoreApplication.translate("CompareView", "MNIST is missing: see above."),
                error=True,
            )
            return False
        location = self.context.data_location
        job = CompareJob(
            networks, location.mnist_dir(), location.pen_dir(), self.limit, self.pen_limit
        )
        self.figures = {}
        self.progress.setValue(0)
        self.measure_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._say(QCoreApplication.translate("CompareView", "Measuring both networks…"))
        self.jobs.start(
            job,
            progress=self._on_progress,
            finished=self._on_finished,
            failed=self._on_failed,
            cancelled=self._on_cancelled,
            done=self._on_done,
        )
        return True

    @Slot()
    def cancel(self) -> None:
        self.jobs.request_cancel()

    def stop(self) -> None:
        """Cancel and wait (closing)."""
        self.jobs.stop()
        self.missing.stop()

    def _on_progress(self, fraction: object) -> None:
        self.progress.setValue(round(1000 * float(fraction)))

    def _on_finished(self, figures: dict[str, DesignFigures]) -> None:
        self.figures = figures
        self.progress.setValue(1000)
        self._show(figures)
        a = figures["A"]
        if a.pen_accuracy is None:
            text = QCoreApplication.translate(
                "CompareView",
                "Measured on {0:,} MNIST test images; no real pen digits found for the pen row.",
            ).format(a.mnist_count)
        else:
            text = QCoreApplication.translate(
                "CompareView",
                "Measured on {0:,} MNIST test images and {1:,} pen digits of writers neither "
                "network was trained on.",
            ).format(a.mnist_count, a.pen_count)
        self._say(text)
        self.measured.emit(figures)

    def _on_failed(self, exc: BaseException) -> None:
        self._say(
            QCoreApplication.translate("CompareView", "Measuring failed: {0}").format(
                error_text(exc)
            ),
            error=True,
        )

    def _on_cancelled(self) -> None:
        self.progress.setValue(0)
        self._say(QCoreApplication.translate("CompareView", "Cancelled."))

    def _on_done(self) -> None:
        self.measure_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _say(self, text: str, error: bool = False) -> None:
        color = palette.WORSE if error else palette.TEXT
        self.status.setStyleSheet(f"color: {color};")
        self.status.setText(text)

    # ----- showing ----------------------------------------------------------------------------
    def _show(self, figures: dict[str, DesignFigures]) -> None:
        a, b = figures["A"], figures["B"]

        def percent(value: float | None) -> str:
            return "—" if value is None else f"{100 * value:.2f}%"

        def points(x: float | None, y: float | None) -> str:
            if x is None or y is None:
                return "—"
            return QCoreApplication.translate("CompareView", "{0:+.2f} points").format(
                100 * (y - x)
            )

        def ratio(x: float, y: float) -> str:
            return "—" if x <= 0 else f"×{y / x:.2f}"

        rows = {
            "params": (number(a.params), number(b.params), ratio(a.params, b.params)),
            "macs": (number(a.macs), number(b.macs), ratio(a.macs, b.macs)),
            "mnist": (
                percent(a.mnist_accuracy),
                percent(b.mnist_accuracy),
                points(a.mnist_accuracy, b.mnist_accuracy),
            ),
            "pen": (
                percent(a.pen_accuracy),
                percent(b.pen_accuracy),
                points(a.pen_accuracy, b.pen_accuracy),
            ),
            "time": (
                QCoreApplication.translate("CompareView", "{0:.2f} ms").format(a.ms_per_image),
                QCoreApplication.translate("CompareView", "{0:.2f} ms").format(b.ms_per_image),
                ratio(a.ms_per_image, b.ms_per_image),
            ),
        }
        self.designs.setText(
            QCoreApplication.translate("CompareView", "A: {0} · B: {1}").format(
                design_name(a.design), design_name(b.design)
            )
        )
        self.designs.show()
        for r, key in enumerate(ROWS):
            for c, text in enumerate(rows[key]):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        for side, f in figures.items():
            if f.shift is None:
                self.curves[side].setData([], [])
            else:
                self.curves[side].setData(
                    np.asarray(f.shift.distances, float), 100 * np.asarray(f.shift.accuracy)
                )
        self.plot.enableAutoRange(axis="y")
        self._fit_table()

    def _fit_table(self) -> None:
        """The table as tall as its rows (the plot takes the rest)."""
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMaximumHeight(height)
