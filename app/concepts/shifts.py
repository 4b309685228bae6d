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
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsLineItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
)

from app.concepts import networks
from app.concepts.common import (
    ImageView,
    LazyPanel,
    explanation,
    fmt,
    input_levels,
    renormalize,
    scrolling_body,
)
from app.concepts.model_text import layer_name, list_separator
from app.core.error_text import error_text
from app.shell.layout import WIDGET_MAX
from app.widgets import palette
from app.widgets.plot_style import INPUT_CMAP, nice_ceiling, still_view
from model.analysis.shift import (
    LAYERS,
    MAX_SHIFT,
    ShiftComparison,
    shift_input,
    shift_layers,
    shift_sweep,
)
from model.errors import CheckpointError
from model.network.inference import Predictor

COLOURS = ("#4fc3f7", "#81c784", "#ffb74d", "#e57373", "#ba68c8")
#: Colours for the layers of a deeper design (C3, S3, …): the output keeps the last of COLOURS.
MORE_COLOURS = ("#fff176", "#4db6ac", "#f06292", "#a1887f", "#90a4ae")
ANIMATION_MS = 180
SETTLE_MS = 40  # ms without a drawing change before the sweeps run
NETWORKS = ("max", "avg")
DEFAULT_SHIFT = 2  # one pooling window: the layers already differ clearly


class ShiftPlot(pg.PlotWidget):
    """One network's distance curves, one per layer, and a cursor at the current shift."""

    def __init__(self, title: str, legend: bool) -> None:
        super().__init__()
        self.setTitle(title)
        self.setLabel("bottom", QCoreApplication.translate("concepts", "shift (px)"))
        self.setLabel("left", QCoreApplication.translate("concepts", "change (%)"))
        self.setMinimumSize(170, 150)  # the view keeps room under the title and axis labels
        still_view(self)
        self.setXRange(-MAX_SHIFT, MAX_SHIFT, padding=0.05)
        self.top = 150.0  # y range 0..top %, moved only when a curve leaves it: no relabelling
        self.setYRange(0, self.top, padding=0.02)
        # Fixed ranges, never auto: `enableAutoRange(False)` would read False as the x axis
        # (0) and turn x auto-ranging ON, and auto-ranging over the pixel-sized message text
        # re-ranges on every paint: at 800x600 the axes ran off to -1.5e7 and the window froze.
        self.disableAutoRange()
        self.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.addLegend(offset=(6, 6)) if legend else None
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.set_layers(LAYERS)
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
        self.addItem(self.message, ignoreBounds=True)

    def set_layers(self, layers: tuple[str, ...]) -> None:
        """One curve per layer the network has (LeNet-5: C1, S1, C2, S2, output); rebuilt only
        when they change. LeNet-5's layers keep their colours."""
        if tuple(self.curves) == tuple(layers):
            return
        for curve in self.curves.values():
            self.removeItem(curve)
            if self.legend is not None:
                self.legend.removeItem(curve)
        maps = [layer for layer in layers if layer != "output"]
        palette_ = list(COLOURS[:4]) + list(MORE_COLOURS) if len(maps) > 4 else COLOURS[:4]
        colours = {layer: palette_[i % len(palette_)] for i, layer in enumerate(maps)}
        if len(maps) == 4 and tuple(maps) != LAYERS[:4]:
            colours = dict(zip(maps, COLOURS[:4]))
        colours["output"] = COLOURS[4]
        self.curves = {
            layer: self.plot([], [], pen=pg.mkPen(colours[layer], width=2), name=layer_name(layer))
            for layer in layers
        }

    def set_cursor(self, shift: int) -> None:
        self.cursor_value = shift
        self.cursor.setLine(shift, -100.0, shift, 100.0)

    def set_sweep(self, sweep: ShiftComparison) -> None:
        self.set_layers(sweep.layers)
        x = np.array([dx + dy for dx, dy in sweep.shifts], dtype=float)
        for j, layer in enumerate(sweep.layers):
            self.curves[layer].setData(x, 100.0 * sweep.distances[:, j])
        top = max(100.0, nice_ceiling(100.0 * float(sweep.distances.max())))
        if top != self.top:
            self.top = top
            self.setYRange(0, top, padding=0.02)
        self.message.setText("")

    def set_message(self, text: str) -> None:
        for curve in self.curves.values():
            curve.setData([], [])
        self.message.setText(text)
        self.message.setPos(0, self.top / 2)


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
        controls = QGridLayout()
        controls.addWidget(QLabel(self.tr("shift")), 0, 0)
        controls.addWidget(self.slider, 0, 1, 1, 2)
        controls.addWidget(self.shift_label, 0, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.axis_box)
        buttons.addWidget(self.animate_button)
        buttons.addStretch(1)
        controls.addLayout(buttons, 1, 0, 1, 4)
        controls.setColumnStretch(1, 1)

        self.plots = {
            "max": ShiftPlot(self.tr("max pooling"), legend=True),
            "avg": ShiftPlot(self.tr("average pooling"), legend=False),
        }
        self.plots["max"].setToolTip(self.tr("The active model (max pooling)"))
        self._active_is_lenet = True
        self._titled_for: Predictor | None = None
        self.plots["avg"].setToolTip(
            self.tr("The shipped average-pooling LeNet-5 ({name})").format(name="lenet5_avg.pt")
        )
        self.shifted_view = ImageView(INPUT_CMAP)
        self.shifted_view.setObjectName("shiftedInput")
        self.shifted_view.setFixedSize(90, 90)
        self.plot_grid = QGridLayout()
        self.columns = 0
        self._place_plots()
        self.verdict = QLabel()
        self.verdict.setObjectName("shiftVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.installEventFilter(self)

        layout = scrolling_body(self)
        self.explanation = explanation(self._explanation_text())
        layout.addWidget(self.explanation)
        layout.addLayout(controls)
        layout.addLayout(self.plot_grid, 1)
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
        self.slider.setValue(DEFAULT_SHIFT)

    def _place_plots(self) -> None:
        """The shifted drawing and both plots side by side when the panel is wide enough, else
        one above the other.
        Decided from the panel's width (the dock's), which the plots cannot change."""
        columns = 3 if self.width() >= 2 * 200 + 150 else 1
        if columns == self.columns:
            return
        self.columns = columns
        for i, widget in enumerate([self.shifted_view, *self.plots.values()]):
            self.plot_grid.removeWidget(widget)
            align = Qt.AlignmentFlag.AlignCenter if widget is self.shifted_view else None
            self.plot_grid.addWidget(widget, i // columns, i % columns, *([align] if align else []))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_plots()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The verdict's lines depend on its width: hold its height again when that changes."""
        if watched is self.verdict and event.type() == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():
                self._hold_verdict_height()
        return super().eventFilter(watched, event)

    def model_changed(self) -> None:
        """The left plot is the active network: LeNet-5 with max pooling is titled so, any
        other design "the active network" (its curves are its own layers)."""
        if self.predictor is self._titled_for:  # re-attached (a workspace switch): unchanged
            return
        self._titled_for = self.predictor
        design = self.predictor.architecture
        kinds = {stage.pooling.kind for stage in design.stages if stage.pooling is not None}
        self._active_is_lenet = design.layer_names()[:4] == LAYERS[:4] and kinds == {"max"}
        plot = self.plots["max"]
        if self._active_is_lenet:
            plot.setTitle(self.tr("max pooling"))
            plot.setToolTip(self.tr("The active model (max pooling)"))
        else:
            plot.setTitle(self.tr("the active network"))
            plot.setToolTip(
                self.tr("The active model: its own layers ({layers})").format(
                    layers=list_separator().join(shift_layers(design)[:-1]) or "—"
                )
            )
        self.explanation.setText(self._explanation_text())
        self.sweeps = {}

    def _explanation_text(self) -> str:
        """The tutorial's account names LeNet-5's layers (C1 to S2); another design gets the
        same idea without them, and is told what the right-hand plot is."""
        measure = self.tr(
            "Move the drawing a few pixels and the early maps move with it. Each curve "
            "is how much a layer changed, in % of its unshifted size: 100% means the "
            "shifted map differs from the unshifted one by as much as the map itself "
            "(‖shifted − unshifted‖ / ‖unshifted‖)."
        )
        if self._active_is_lenet:
            idea = self.tr(
                "Each 2x2 pooling step keeps one value per window, so the change falls from C1 "
                "to S2, and by the output the answer usually holds. Max pooling keeps the "
                "strongest response, average pooling blurs: at 3–4 px max pooling's output "
                "usually changes less."
            )
        else:
            idea = self.tr(
                "The left plot is the active network, with its own layers: each pooling step "
                "keeps one value per window, so the change falls where it pools; a layer "
                "without pooling moves with the drawing. The right plot is the shipped "
                "average-pooling LeNet-5, for comparison."
            )
        # i18n: two sentences in a row (Chinese joins them without a space)
        return self.tr("{0} {1}").format(measure, idea)

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
        self._hold_verdict_height()

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
        self.verdict.setText(self._verdict_text(s))

    def _verdict_text(self, s: int) -> str:
        """What each network reads at shift `s`, and how far each layer moved."""
        lines = []
        names = {
            "max": self.tr("Max pooling") if self._active_is_lenet else self.tr("Active network"),
            "avg": self.tr("Average pooling"),
        }
        for key, sweep in self.sweeps.items():
            row = s + MAX_SHIFT
            holds = bool(sweep.holds[row])
            distances = list_separator().join(
                f"{layer_name(layer)} {fmt(100 * d, 0)}%"
                for layer, d in zip(sweep.layers, sweep.distances[row])
            )
            status = self.tr("holds") if holds else self.tr("changes")
            colour = palette.GOOD if holds else palette.WORSE
            lines.append(
                self.tr(
                    "{name}: reads {digit} ({conf:.0%}), the answer <b>{status}</b>; change {d}"
                ).format(
                    name=names[key],
                    digit=int(sweep.predictions[row]),
                    conf=float(sweep.confidences[row]),
                    status=f'<span style="color: {colour}">{status}</span>',
                    d=distances,
                )
            )
        return "<br>".join(lines)  # i18n: lines translated above

    def _hold_verdict_height(self) -> None:
        """The verdict as tall as its tallest text at any shift, so moving the slider never
        relays out the panel: "0%" at no shift wrapped to fewer lines than "41%", and the
        plots were resized and redrawn whole (about 100 ms a step instead of 5)."""
        verdict = self.verdict
        verdict.setMinimumHeight(0)  # QLabel's height-for-width never reports below it
        verdict.setMaximumHeight(WIDGET_MAX)
        if not self.sweeps or self.result is None or self.result.is_blank:
            return
        shown, width = verdict.text(), max(1, verdict.width())
        tallest = 0
        for s in range(-MAX_SHIFT, MAX_SHIFT + 1):
            verdict.setText(self._verdict_text(s))
            tallest = max(tallest, verdict.heightForWidth(width))
        verdict.setText(shown)
        verdict.setFixedHeight(tallest)

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
