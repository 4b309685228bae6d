"""How one unit got its value: pick a layer and a unit, read its computation with the numbers.

The numbers come from `model.analysis.unit_arithmetic` (recomputed from the weights and the layer
below,
equal to the network's own activations); this panel lays them out, marks the window on the
layer below and the unit on its map, and can slide the window over the map step by step
(`model.analysis.unit_arithmetic.window_origins`, driven by a QTimer).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QFontDatabase, QFontMetrics, QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.concepts.common import ImageView, LazyPanel, explanation, fmt, scrolling_body
from app.concepts.formatting import conv_html, conv_width, dense_html, pool_html
from app.core.throttle import FrameThrottle
from app.widgets import palette
from app.widgets.plot_style import ACTIVATION_CMAP, INPUT_CMAP, activation_levels
from model.analysis.design_layers import DesignLayers, MapLayer
from model.analysis.receptive_field import LENET5
from model.analysis.unit_arithmetic import (
    ConvArithmetic,
    DenseArithmetic,
    PoolArithmetic,
    UnitArithmetic,
    layers_of,
    unit_arithmetic,
    window_origins,
)
from model.network.inference import Prediction

STEP_MS = 150
#: While drawing, the computation is rewritten at most this often (10 times a second).
FOLLOW_MS = 100


def _pen(color: str, width: float = 2) -> pg.QtGui.QPen:
    pen = pg.mkPen(color, width=width)
    pen.setCosmetic(True)
    return pen


class ArithmeticPanel(LazyPanel):
    """Layer, unit and (for C2) input channel; the computation; play, pause, step."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelArithmetic")
        self._follow = FrameThrottle(self._changed, FOLLOW_MS, parent=self)
        self.arithmetic: UnitArithmetic | None = None
        self.layer_box = QComboBox()
        self.layer_box.setObjectName("arithmeticLayer")
        self.layers: DesignLayers = layers_of(LENET5)  # the active network's (model_changed)
        self.layer_box.addItems(self.layers.names)
        self.map_label = QLabel()
        self.map_spin = self._spin("arithmeticMap")
        self.row_spin = self._spin("arithmeticRow")
        self.col_spin = self._spin("arithmeticCol")
        self.channel_spin = self._spin("arithmeticChannel")
        self.channel_spin.setToolTip(self.tr("Which input channel's patch and kernel to show"))
        self.row_label, self.col_label = QLabel(self.tr("row")), QLabel(self.tr("col"))
        self.channel_label = QLabel(self.tr("input channel"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setObjectName("arithmeticPlay")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Slide the window over the map, one unit per step"))
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setObjectName("arithmeticStep")
        # three short rows, not one long one: the panel stays readable in a 240 px column
        controls = QGridLayout()
        cells = (
            (QLabel(self.tr("layer")), self.layer_box, self.map_label, self.map_spin),
            (self.row_label, self.row_spin, self.col_label, self.col_spin),
            (self.channel_label, self.channel_spin),
            (self.play_button, None, self.step_button),
        )
        for r, row in enumerate(cells):
            for c, widget in enumerate(row):
                if widget is not None:
                    controls.addWidget(widget, r, c, 1, 2 if widget is self.play_button else 1)
        controls.setColumnStretch(4, 1)

        self.below_view = ImageView(INPUT_CMAP)
        self.below_view.setObjectName("arithmeticBelow")
        self.map_view = ImageView(ACTIVATION_CMAP)
        self.map_view.setObjectName("arithmeticMapView")
        self.map_view.setToolTip(self.tr("Click a unit to see how it got its value"))
        self.window_item = QGraphicsRectItem(0, 0, 5, 5)
        self.window_item.setPen(_pen(palette.ACCENT))
        self.window_item.setZValue(10)
        self.below_view.view.addItem(self.window_item)
        self.unit_item = QGraphicsRectItem(0, 0, 1, 1)
        self.unit_item.setPen(_pen(palette.ACCENT))
        self.unit_item.setZValue(10)
        self.map_view.view.addItem(self.unit_item)
        self.map_view.scene().sigMouseClicked.connect(self._map_clicked)
        self.below_caption, self.map_caption = QLabel(), QLabel()
        self.below_caption.setWordWrap(True)
        self.map_caption.setWordWrap(True)
        images = QHBoxLayout()
        pairs = ((self.below_caption, self.below_view), (self.map_caption, self.map_view))
        for caption, view in pairs:
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(view, 1)
            images.addLayout(column, 1)

        self.details = QLabel()
        self.details.setObjectName("arithmeticDetails")
        self.details.setTextFormat(pg.QtCore.Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.stacked = False  # the matrices one above the other (a narrow panel)
        self.value_label = QLabel()
        self.value_label.setObjectName("arithmeticValue")
        self.value_label.setStyleSheet("font-size: 13pt;")
        self.value_label.setWordWrap(True)

        layout = scrolling_body(self)
        self.explanation = explanation(self._explanation(True))
        layout.addWidget(self.explanation)
        layout.addLayout(controls)
        layout.addLayout(images, 2)
        layout.addWidget(self.value_label)
        layout.addWidget(self.details)
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self.step)
        self.play_button.toggled.connect(self._play)
        self.step_button.clicked.connect(self.step)
        self.layer_box.currentTextChanged.connect(self._layer_changed)
        # row and column by hand: the user's unit from then on; a new map: its most active unit
        self.picked = False
        for spin in (self.row_spin, self.col_spin):
            spin.valueChanged.connect(lambda _value: self._picked())
        self.map_spin.valueChanged.connect(lambda _value: self._to_most_active())
        self.channel_spin.valueChanged.connect(lambda _value: self._changed())
        self._layer_changed(self.layer_box.currentText())

    def _explanation(self, lenet: bool) -> str:
        """LeNet-5's layers by name; any other design's in general words."""
        if lenet:
            return self.tr(
                "A unit's value is a weighted sum of the values under its window plus a "
                "bias, passed through the activation function. A convolution unit sums "
                "over every input channel (C2 reads all six S1 maps); a pooling unit keeps "
                "the largest value of its 2x2 window (or their mean); F5 and F6 weigh every "
                "value of the layer below. Press Play to watch the same kernel slide over "
                "the whole map."
            )
        return self.tr(
            "A unit's value is a weighted sum of the values under its window plus a bias, "
            "passed through the activation function. A convolution unit sums over every input "
            "channel; a pooling unit keeps the largest value of its window (or their mean); a "
            "dense unit weighs every value of the layer below. The layers, windows and strides "
            "are the active network's own. Press Play to watch the same kernel slide over the "
            "whole map."
        )

    @staticmethod
    def _spin(name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        return spin

    # ----- selection ----------------------------------------------------------------------------
    def model_changed(self) -> None:
        """The layers to pick from are the network's own (a designed network's C1..F… differ
        from LeNet-5's): rebuilt when they change, the chosen layer kept if it still exists."""
        self._follow.forget()  # the next drawing is another network's: shown at once
        layers = layers_of(self.predictor)
        if layers == self.layers:
            return
        self.explanation.setText(
            self._explanation(self.predictor.checkpoint.model_config is not None)
        )
        before = self.layer
        self.layers = layers
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItems(layers.names)
        if before in layers.names:
            self.layer_box.setCurrentText(before)
        self.layer_box.blockSignals(False)
        self.result = None  # the last reading is the old network's: wait for the new one
        self._layer_changed(self.layer)

    @property
    def layer(self) -> str:
        return self.layer_box.currentText()

    def _map(self) -> MapLayer | None:
        """The selected layer's maps (None for a dense layer)."""
        try:
            return self.layers.map(self.layer)
        except KeyError:
            return None

    def _dense(self) -> bool:
        return self._map() is None

    def _shape(self, layer: str) -> tuple[int, ...]:
        try:
            return self.layers.map(layer).shape
        except KeyError:
            return (self.layers.dense_layer(layer).units,)

    @property
    def unit(self) -> int | tuple[int, int, int]:
        """The selected unit as `model.analysis.unit_arithmetic` takes it (0-based)."""
        if self._dense():
            return self.map_spin.value()
        return self.map_spin.value(), self.row_spin.value(), self.col_spin.value()

    def select(self, layer: str, unit: int | tuple[int, int, int]) -> None:
        """Select a unit (0-based) as the widgets would; one recompute."""
        self.layer_box.setCurrentText(layer)
        values = (unit, 0, 0) if isinstance(unit, int) else unit
        self._set_spins(*values)
        self.picked = True
        self._changed()

    def _set_spins(self, channel: int, row: int, col: int) -> None:
        for spin, value in zip((self.map_spin, self.row_spin, self.col_spin), (channel, row, col)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def _layer_changed(self, layer: str) -> None:
        self.timer.stop()
        self.play_button.setChecked(False)
        shape = self._shape(layer)
        dense = len(shape) == 1
        for spin in (self.map_spin, self.row_spin, self.col_spin, self.channel_spin):
            spin.blockSignals(True)
        self.map_spin.setRange(0, shape[0] - 1)
        self.map_label.setText(self.tr("unit") if dense else self.tr("map"))
        if not dense:
            self.row_spin.setRange(0, shape[1] - 1)
            self.col_spin.setRange(0, shape[2] - 1)
        info = self._map()
        channels = info.in_channels if info is not None and info.kind == "conv" else 1
        self.channel_spin.setRange(0, channels - 1)
        for spin in (self.map_spin, self.row_spin, self.col_spin, self.channel_spin):
            spin.blockSignals(False)
        for widget in (self.row_spin, self.col_spin, self.row_label, self.col_label):
            widget.setVisible(not dense)
        for widget in (self.play_button, self.step_button, self.below_view, self.map_view):
            widget.setVisible(not dense)
        self.below_caption.setVisible(not dense)
        self.map_caption.setVisible(not dense)
        for widget in (self.channel_spin, self.channel_label):
            widget.setVisible(channels > 1)  # LeNet-5's C2 reads six maps
        self._to_most_active()

    def _picked(self) -> None:
        self.picked = True
        self._changed()

    def _to_most_active(self) -> None:
        """Select the chosen map's most active unit: row 0, column 0 is usually blank paper,
        where a ReLU unit reads 0 and the arithmetic shows nothing."""
        self.picked = False
        self._select_most_active()
        self._changed()

    def _select_most_active(self) -> None:
        if self.result is None or self.result.is_blank or self._dense():
            return
        own = self.result.activations[self.layer][self.map_spin.value()]
        row, col = np.unravel_index(int(np.argmax(own)), own.shape)
        self._set_spins(self.map_spin.value(), int(row), int(col))

    def show_result(self, result: Prediction) -> None:
        """A new drawing: unless a unit was picked by hand, follow the most active one.

        While the pen moves, the computation is rewritten at most `FOLLOW_MS` apart: laying out
        its text took about 3 ms of every stroke event, a fifth of the Concepts workspace's
        frame, for numbers nobody reads mid-stroke. The first drawing after a pause, a blank
        canvas and another network's result show at once; the unit follows at once (a cheap
        argmax); the last drawing of a burst is never dropped.
        """
        self.result = result
        if not self.picked:
            self._select_most_active()
        self._stale = True
        self._follow.request(eager=True)
        if result.is_blank:
            self._follow.flush()

    def _map_clicked(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dense():
            return
        pos: QPointF = self.map_view.image.mapFromScene(event.scenePos())
        _, rows, cols = self._shape(self.layer)
        row, col = int(np.floor(pos.y())), int(np.floor(pos.x()))
        if 0 <= row < rows and 0 <= col < cols:
            self._set_spins(self.map_spin.value(), row, col)
            self._picked()

    def _wants_stacked(self) -> bool:
        """Whether the three 5x5 matrices side by side are wider than the panel. The panel's
        width is the dock's, never the text's, so switching cannot feed back into it."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.details.font().pointSizeF())
        info = self._map()
        kernel = info.window if info is not None and info.kind == "conv" else 5
        wide = QFontMetrics(font).horizontalAdvance("0" * conv_width(False, kernel))
        return wide + 40 > self.width()  # margins and the scroll bar

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._wants_stacked() != self.stacked:
            self._changed()

    # ----- animation ----------------------------------------------------------------------------
    def _play(self, on: bool) -> None:
        self.play_button.setText(self.tr("Pause") if on else self.tr("Play"))
        if on:
            self.timer.start()
        else:
            self.timer.stop()

    def step(self) -> None:
        """Move the window to the next position of the selected map (wrapping at the end)."""
        info = self._map()
        if info is None:
            return
        origins = window_origins(self.layer, self.layers.design)
        s, p = info.stride, info.padding
        here = (self.row_spin.value() * s - p, self.col_spin.value() * s - p)
        index = (origins.index(here) + 1) % len(origins)
        row, col = origins[index]
        self._set_spins(self.map_spin.value(), (row + p) // s, (col + p) // s)
        self._picked()

    def hideEvent(self, event: QHideEvent) -> None:
        self.play_button.setChecked(False)  # no animation behind a hidden dock
        super().hideEvent(event)

    # ----- computing and showing ---------------------------------------------------------------
    def recompute(self) -> None:
        if self.result.is_blank:  # a blank reading has no activations to explain
            self.arithmetic = None
            self.details.setText(self.tr("Draw a digit to see how its units got their values."))
            self.value_label.setText("")
            return
        network_input = self.result.network_input
        layer = self.layer
        self.stacked = self._wants_stacked()
        self.arithmetic = unit_arithmetic(self.predictor.model, network_input, layer, self.unit)
        a = self.arithmetic
        if isinstance(a, ConvArithmetic):
            channel = min(self.channel_spin.value(), len(a.channel_sums) - 1)
            self.details.setText(conv_html(a, channel, self.stacked))
        elif isinstance(a, PoolArithmetic):
            channel = a.unit[0]
            self.details.setText(pool_html(a))
        else:
            channel = 0
            below = self.layers.dense_layer(layer).below
            self.details.setText(
                dense_html(a, self.layers.flattened_from if below == "flatten" else below)
            )
        self.value_label.setText(
            self.tr("{layer} unit {unit} = <b>{value}</b>").format(
                layer=layer, unit=self._unit_text(), value=fmt(a.value, 5)
            )
        )
        if not isinstance(a, DenseArithmetic):
            self._show_maps(a, channel)

    def _unit_text(self) -> str:
        if self._dense():
            return str(self.map_spin.value())
        c, r, col = self.unit
        return self.tr("map {c}, row {r}, col {col}").format(c=c, r=r, col=col)

    def _show_maps(self, a: ConvArithmetic | PoolArithmetic, channel: int) -> None:
        layer = self.layer
        info = self.layers.map(layer)
        below_name = info.below
        if below_name == "input":
            below = self.result.network_input
            levels = self.predictor.normalization.grey_levels
            self.below_caption.setText(self.tr("network input (32x32)"))
        else:
            below = self.result.activations[below_name][channel]
            levels = activation_levels(below)
            self.below_caption.setText(
                self.tr("{layer} map {c} (below)").format(layer=below_name, c=channel)
            )
        self.below_view.set_array(below, levels)
        size = info.window
        self.window_item.setRect(QRectF(a.origin[1], a.origin[0], size, size))
        c, r, col = a.unit
        own = self.result.activations[layer][c]
        self.map_view.set_array(own, activation_levels(own))
        self.unit_item.setRect(QRectF(col, r, 1, 1))
        self.map_caption.setText(self.tr("{layer} map {c}").format(layer=layer, c=c))
