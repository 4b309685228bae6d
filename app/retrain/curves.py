"""Live training curves: loss and accuracy against epochs, updated in place.

Each curve is one pyqtgraph item whose data is replaced with `setData` (never re-created), so a
redraw costs the same at batch 10 and batch 2,000. Per-batch values are noisy; a light raw line
shows the noise and an exponential moving average shows the trend.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.widgets import palette
from app.widgets.plot_style import still_view
from model.training.loop import BatchProgress, EpochResult

RAW = (120, 160, 200, 90)  # translucent: the noise, not the message
LOSS = palette.ACCENT
TRAIN_ACC = palette.TRAIN_ACCURACY
TEST_ACC = palette.TEST_ACCURACY


def smoothing(batches_per_epoch: int) -> float:
    """EMA weight of the past: a memory of ~1/20 epoch (at least 5 batches)."""
    return 1.0 - 1.0 / max(5.0, batches_per_epoch / 20.0)


class TrainingCurves(QWidget):
    """Two stacked plots: loss (raw + smoothed) and accuracy (train smoothed + test per epoch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("lossPlot")
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setObjectName("accuracyPlot")
        titles = ((self.loss_plot, self.tr("Loss")), (self.acc_plot, self.tr("Accuracy (%)")))
        for plot, title in titles:
            still_view(plot)
            # No grid: pyqtgraph repaints its translucent grid lines on every update, which
            # took ~16 of ~19 ms per curve update and held the GIL, slowing training ~30%.
            plot.setLabel("left", title)
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
        # loss falls to the bottom right, accuracy climbs to the top right: each legend sits
        # in the corner its curves leave empty (the last test dot sat on a top-right legend)
        self.loss_plot.addLegend(offset=(-8, 8), labelTextSize="8pt")
        self.acc_plot.addLegend(offset=(-8, -8), labelTextSize="8pt")
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.acc_plot.setLabel("bottom", self.tr("epoch"))
        self.acc_plot.setXLink(self.loss_plot)

        self.raw_loss = self.loss_plot.plot(pen=pg.mkPen(RAW, width=1), name=self.tr("per batch"))
        self.smooth_loss = self.loss_plot.plot(
            pen=pg.mkPen(LOSS, width=2), name=self.tr("smoothed")
        )
        self.train_acc = self.acc_plot.plot(
            pen=pg.mkPen(TRAIN_ACC, width=2), name=self.tr("train batches (smoothed)")
        )
        self.test_acc = self.acc_plot.plot(
            pen=pg.mkPen(TEST_ACC, width=2),
            symbol="o",
            symbolSize=7,
            symbolBrush=TEST_ACC,
            symbolPen=None,
            name=self.tr("test (each epoch)"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumHeight(110)  # axis, title and a readable curve, whatever the banner
            layout.addWidget(plot)
        self.clear()

    def clear(self) -> None:
        self._x: list[float] = []
        self._loss: list[float] = []
        self._loss_ema: list[float] = []
        self._acc_ema: list[float] = []
        self._test_x: list[float] = []
        self._test_acc: list[float] = []
        self._ema_loss = self._ema_acc = self._ema_weight = 0.0
        for item in (self.raw_loss, self.smooth_loss, self.train_acc, self.test_acc):
            item.setData([], [])
        self.loss_plot.setXRange(0, 1, padding=0.02)

    def set_epochs(self, epochs: int) -> None:
        """Fix the x range up front, so the curves grow into a stable frame."""
        self.loss_plot.setXRange(0, epochs, padding=0.02)

    def add_batches(self, batches: Iterable[BatchProgress]) -> None:
        for p in batches:
            beta = smoothing(p.batches)
            # Bias-corrected (as in Adam): the first points follow the data, not a zero start.
            self._ema_loss = beta * self._ema_loss + (1.0 - beta) * p.loss
            self._ema_acc = beta * self._ema_acc + (1.0 - beta) * 100.0 * p.accuracy
            self._ema_weight = beta * self._ema_weight + (1.0 - beta)
            self._x.append(p.epoch - 1 + p.batch / p.batches)
            self._loss.append(p.loss)
            self._loss_ema.append(self._ema_loss / self._ema_weight)
            self._acc_ema.append(self._ema_acc / self._ema_weight)
        x = np.asarray(self._x)
        self.raw_loss.setData(x, np.asarray(self._loss))
        self.smooth_loss.setData(x, np.asarray(self._loss_ema))
        self.train_acc.setData(x, np.asarray(self._acc_ema))

    def add_epoch(self, result: EpochResult) -> None:
        self._test_x.append(float(result.epoch))
        self._test_acc.append(100.0 * result.test_accuracy)
        self.test_acc.setData(np.asarray(self._test_x), np.asarray(self._test_acc))

    def point_counts(self) -> dict[str, int]:
        """How many points each curve holds (for tests and the benchmark)."""
        return {
            "loss": len(self._loss),
            "train_accuracy": len(self._acc_ema),
            "test_accuracy": len(self._test_acc),
        }
