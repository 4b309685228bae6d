"""Pooling and shifts: move the drawing a few pixels and watch how far each layer moves.

For the active LeNet-5 (max pooling) and the shipped average-pooling one, `model.analysis.shift.
shift_sweep` gives, for every shift −4…+4 px along one axis, each layer's normalised distance
from its unshifted activations and the prediction. The sweep runs once per drawing (one batch of
nine inputs per network); the slider and the animation only move the cursor over the curves,
so dragging it costs nothing.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsLineItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
)

from app.concepts import networks
from app.concepts.common import ImageView, LazyPanel, explanation, fmt, input_levels, renormalize
from app.core.error_text import error_text
from app.widgets import palette
from app.widgets.plot_style import INPUT_CMAP, nice_ceiling
from model.analysis.shift import LAYERS, MAX_SHIFT, ShiftComparison, shift_input, shift_sweep
from model.errors import CheckpointError
from model.network.inference import Predictor

COLOURS = ("#4fc3f7", "#81c784", "#ffb74d", "#e57373", "#ba68c8")
ANIMATION_MS = 180
SETTLE_MS = 40  # ms without a drawing change before the sweeps run
NETWORKS = ("max", "avg")


class ShiftPlot(pg.PlotWidget):
    """One network's distance curves, one per layer, and a cursor at the current shift."""

    def __init__(self, title: str, legend: bool) -> None:
        super().__init__()
        self.setTitle(title)
        self.setLabel("bottom", QCoreApplication.translate("concepts", "shift (px)"))
        self.setLabel("left", QCoreApplication.translate("concepts", "distance from unshifted"))
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.setXRange(-MAX_SHIFT, MAX_SHIFT, padding=0.05)
        self.top = 1.5  # y range 0..top, moved only when a curve leaves it: no relabelling
        self.setYRange(0, self.top, padding=0.02)
        self.enableAutoRange(False)
        self.showGrid(x=True, y=True, alpha=0.2)
        if legend:
            self.addLegend(offset=(6, 6))
        self.curves = {
            layer: self.plot(
                [],
                [],
                pen=pg.mkPen(colour, width=2),
                name=layer,
            )
            for layer, colour in zip(LAYERS, COLOURS)
        }
        # A plain line item, not pg.InfiniteLine: moving it must cost next to nothing, and the
        # axes are cached as pixmaps so that moving it repaints only a thin strip.
        pen = pg.mkPen(palette.ACCENT, width=1)
        pen.setCosmetic(True)
        self.cursor = QGraphicsLineItem()
        self.cursor.setPen(pen)
        self.addItem(self.cursor, ignoreBounds=True)
        self.cursor_value = 0
        self.set_cursor(0)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.message = pg.TextItem(anchor=(0.5, 0.5), color=palette.WORSE)
        self.addItem(self.message)

    def set_cursor(self, shift: int) -> None:
        self.cursor_value = shift
        self.cursor.setLine(shift, -100.0, shift, 100.0)

    def set_sweep(self, sweep: ShiftComparison) -> None:
        x = np.array([dx + dy for dx, dy in sweep.shifts], dtype=float)
        for j, layer in enumerate(sweep.layers):
            self.curves[layer].setData(x, sweep.distances[:, j])
        top = max(1.0, nice_ceiling(float(sweep.distances.max())))
        if top != self.top:
            self.top = top
            self.setYRange(0, top, padding=0.02)
        self.message.setText("")

    def set_message(self, text: str) -> None:
        for curve in self.curves.values():
            curve.setData([], [])
        self.message.setText(text)
        self.message.setPos(0, 0.5)


class ShiftPanel(LazyPanel):
    """Slider and animation over −4…+4 px; curves for max and average pooling side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelShifts")
        self.sweeps: dict[str, ShiftComparison] = {}
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("shiftSlider")
        self.slider.setRange(-MAX_SHIFT, MAX_SHIFT)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setPageStep(1)
        self.shift_label = QLabel()
        self.shift_label.setMinimumWidth(60)
        self.axis_box = QComboBox()
        self.axis_box.setObjectName("shiftAxis")
        self.axis_box.addItem(self.tr("left / right"), "x")
        self.axis_box.addItem(self.tr("up / down"), "y")
        self.animate_button = QPushButton(self.tr("Animate"))
        self.animate_button.setObjectName("shiftAnimate")
        self.animate_button.setCheckable(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("shift")))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.shift_label)
        controls.addWidget(self.axis_box)
        controls.addWidget(self.animate_button)

        self.plots = {
            "max": ShiftPlot(self.tr("max pooling (the active model)"), legend=True),
            "avg": ShiftPlot(
                self.tr("average pooling ({name})").format(name="lenet5_avg.pt"), legend=False
            ),
        }
        self.shifted_view = ImageView(INPUT_CMAP)
        self.shifted_view.setObjectName("shiftedInput")
        self.shifted_view.setMaximumWidth(150)
        plots = QHBoxLayout()
        plots.addWidget(self.shifted_view)
        for plot in self.plots.values():
            plots.addWidget(plot, 1)
        self.verdict = QLabel()
        self.verdict.setObjectName("shiftVerdict")
        self.verdict.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(
            explanation(
                self.tr(
                    "Move the drawing a few pixels and the early maps move with it: their "
                    "distance from the unshifted maps grows fast. Each 2x2 pooling step keeps "
                    "only one value per window, so a small shift changes the pooled maps less, "
                    "and by the output the answer usually holds. Max pooling keeps the "
                    "strongest response, average pooling blurs; compare how far each moves."
                )
            )
        )
        layout.addLayout(controls)
        layout.addLayout(plots, 1)
        layout.addWidget(self.verdict)

        self.timer = QTimer(self)
        self.timer.setInterval(ANIMATION_MS)
        self.timer.timeout.connect(self._animate_step)
        self._direction = 1
        # A burst of drawing changes (a stroke, an undo held down) gives one sweep when it
        # settles; then the average-pooling sweep on the next turn, so no single event-loop
        # turn pays for both batches.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._sweep_active)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._sweep_average)
        self.slider.valueChanged.connect(lambda _v: self.show_shift())
        self.axis_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.animate_button.toggled.connect(self._animate)

    @property
    def shift(self) -> tuple[int, int]:
        s = self.slider.value()
        return (s, 0) if self.axis_box.currentData() == "x" else (0, s)

    def recompute(self) -> None:
        """Sweep once the drawing settles (`SETTLE_MS`); the cursor and input follow at once."""
        self._pending.stop()
        if self.result.is_blank:
            self._settle.stop()
            self.sweeps = {}
            for plot in self.plots.values():
                plot.set_message(self.tr("Draw a digit first"))
            self.show_shift()
            return
        self._settle.start()

    def sweep_now(self) -> None:
        """Both sweeps for the current drawing, synchronously (benchmarks, scripts)."""
        self._settle.stop()
        self._sweep_active()
        self._pending.stop()
        self._sweep_average()

    def _sweep_active(self) -> None:
        if self.result is None or self.result.is_blank or self.predictor is None:
            return
        self.sweeps = {}
        self._sweep("max", self.predictor)
        self._pending.start()

    def _sweep_average(self) -> None:
        if self.result is None or self.result.is_blank or self.predictor is None:
            return
        try:
            network: Predictor | str = networks.average_pooling()
        except CheckpointError as exc:
            network = error_text(exc)
        self._sweep("avg", network)

    def _sweep(self, key: str, network: Predictor | str) -> None:
        if isinstance(network, str):
            self.plots[key].set_message(network)
            return
        x = renormalize(
            self.result.network_input, self.predictor.normalization, network.normalization
        )
        self.sweeps[key] = shift_sweep(network, x, self.axis_box.currentData())
        self.plots[key].set_sweep(self.sweeps[key])
        self.show_shift()

    def show_shift(self) -> None:
        """Move the cursor and say what the networks read at this shift (no recomputation)."""
        s = self.slider.value()
        self.shift_label.setText(self.tr("{s:+d} px").format(s=s))
        for plot in self.plots.values():
            plot.set_cursor(s)
        if self.result is None or self.predictor is None:
            return
        dx, dy = self.shift
        norm = self.predictor.normalization
        self.shifted_view.set_array(
            shift_input(self.result.network_input, dx, dy, norm), input_levels(norm)
        )
        if self.result.is_blank or not self.sweeps:
            self.verdict.setText("")
            return
        lines = []
        names = {"max": self.tr("Max pooling"), "avg": self.tr("Average pooling")}
        for key, sweep in self.sweeps.items():
            row = s + MAX_SHIFT
            holds = bool(sweep.holds[row])
            distances = ", ".join(
                f"{layer} {fmt(d, 2)}" for layer, d in zip(sweep.layers, sweep.distances[row])
            )
            status = self.tr("holds") if holds else self.tr("changes")
            colour = palette.GOOD if holds else palette.WORSE
            lines.append(
                self.tr(
                    "{name}: reads {digit} ({conf:.0%}), the answer <b>{status}</b>; {d}"
                ).format(
                    name=names[key],
                    digit=int(sweep.predictions[row]),
                    conf=float(sweep.confidences[row]),
                    status=f'<span style="color: {colour}">{status}</span>',
                    d=distances,
                )
            )
        self.verdict.setText("<br>".join(lines))  # i18n: lines translated above

    # ----- animation ----------------------------------------------------------------------------
    def _animate(self, on: bool) -> None:
        self.animate_button.setText(self.tr("Stop") if on else self.tr("Animate"))
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def _animate_step(self) -> None:
        """Bounce the slider between −4 and +4."""
        s = self.slider.value() + self._direction
        if abs(s) > MAX_SHIFT:
            self._direction = -self._direction
            s = self.slider.value() + self._direction
        self.slider.setValue(s)

    def hideEvent(self, event: QHideEvent) -> None:
        self.animate_button.setChecked(False)
        super().hideEvent(event)
