"""The convolution playground: any input map, any kernel, any padding and stride, live.

The arithmetic is `model.analysis.conv_playground.convolve` (equal to torch's conv2d); this panel
picks
the input (the drawing as the network sees it, or a C1/S1 map of it), the kernel (one the
network learned, a preset or typed values), padding and stride, and shows the output, the
output-size formula with the numbers, and, for settings that cannot work, why.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from app.concepts.common import ImageView, LazyPanel, explanation, scrolling_body
from app.concepts.kernel_table import KernelTable
from app.concepts.model_text import conv_settings_text, preset_name
from app.widgets import palette
from app.widgets.plot_style import (
    INPUT_CMAP,
    KERNEL_CMAP,
    activation_levels,
    symmetric_levels,
)
from model.analysis.conv_playground import (
    MAX_PADDING,
    PRESETS,
    STRIDES,
    ConvSettingsError,
    convolve,
)
from model.analysis.design_layers import DesignLayers, design_layers
from model.analysis.receptive_field import LENET5

INPUT = "input"
LEARNED, PRESET, CUSTOM = "learned", "preset", "custom"
MAX_KERNEL = 7


class PlaygroundPanel(LazyPanel):
    """Input, kernel, padding, stride → output map and the size formula (or the reason not)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panelPlayground")
        self.output: np.ndarray | None = None
        self.error = ""

        self.input_box = QComboBox()
        self.input_box.setObjectName("playgroundInput")
        self.input_box.addItem(self.tr("Network input (32x32)"), INPUT)
        self.kernel_box = QComboBox()
        self.kernel_box.setObjectName("playgroundKernelSource")
        self._sources: tuple | None = None
        for name in PRESETS:
            self.kernel_box.addItem(
                self.tr("Preset: {name}").format(name=preset_name(name)), f"{PRESET}:{name}"
            )
        self.kernel_box.addItem(self.tr("Custom (type the values)"), CUSTOM)
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("playgroundKernelSize")
        self.size_spin.setRange(1, MAX_KERNEL)
        self.size_spin.setValue(3)
        self.size_spin.setToolTip(self.tr("Kernel size of a custom kernel"))
        self.table = KernelTable()
        self.padding_box = QComboBox()
        self.padding_box.setObjectName("playgroundPadding")
        self.padding_box.addItem(self.tr("VALID (none)"), "valid")
        self.padding_box.addItem(self.tr("SAME"), "same")
        self.padding_box.addItem(self.tr("pixels:"), "number")
        self.padding_spin = QSpinBox()
        self.padding_spin.setObjectName("playgroundPaddingPixels")
        self.padding_spin.setRange(0, MAX_PADDING + 2)  # beyond the limit: refused, explained
        self.stride_spin = QSpinBox()
        self.stride_spin.setObjectName("playgroundStride")
        self.stride_spin.setRange(min(STRIDES), max(STRIDES))

        # (label, widgets) rows: label beside its widgets in a wide panel, above them in a
        # narrow one; the kernel table (with its size) beside the settings or under them
        padding = QHBoxLayout()
        padding.addWidget(self.padding_box, 1)
        padding.addWidget(self.padding_spin)
        size = QHBoxLayout()
        size.addWidget(QLabel(self.tr("size")))
        size.addWidget(self.size_spin)
        size.addStretch(1)
        table = QVBoxLayout()
        table.addLayout(size)
        table.addWidget(self.table)
        table.addStretch(1)
        self.form_rows = [
            (QLabel(self.tr("input")), self.input_box),
            (QLabel(self.tr("kernel")), self.kernel_box),
            (QLabel(self.tr("padding")), padding),
            (QLabel(self.tr("stride")), self.stride_spin),
        ]
        self.form = QGridLayout()
        self.table_layout = table
        settings = QGridLayout()
        settings.addLayout(self.form, 0, 0)
        settings.setColumnStretch(0, 1)
        self.settings_grid, self.table_beside = settings, None
        self._place_table()

        self.input_view = ImageView(INPUT_CMAP)
        self.input_view.setObjectName("playgroundInputView")
        self.pad_item = QGraphicsRectItem(0, 0, 1, 1)
        pen = pg.mkPen(palette.MNIST_FIELD, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.pad_item.setPen(pen)
        self.input_view.view.addItem(self.pad_item)
        self.output_view = ImageView(KERNEL_CMAP)  # signed: blue below zero, red above
        self.output_view.setObjectName("playgroundOutputView")
        self.input_caption, self.output_caption = QLabel(), QLabel()
        for caption in (self.input_caption, self.output_caption):
            caption.setWordWrap(True)
        images = QHBoxLayout()
        for caption, view in (
            (self.input_caption, self.input_view),
            (self.output_caption, self.output_view),
        ):
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(view, 1)
            images.addLayout(column, 1)
        self.formula_label = QLabel()
        self.formula_label.setObjectName("playgroundFormula")
        self.formula_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("playgroundError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {palette.WORSE};")
        self.error_label.hide()

        layout = scrolling_body(self)
        layout.addWidget(
            explanation(
                self.tr(
                    "A convolution slides a small kernel over the input and, at every position, "
                    "sums the input values times the kernel's weights. Padding adds zeros "
                    "around the input (VALID adds none, SAME enough to keep the size) and the "
                    "stride is how far the kernel jumps, so the output has "
                    "floor((n + 2p − k) / s) + 1 pixels per side."
                )
            )
        )
        layout.addLayout(settings)
        layout.addLayout(images, 1)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.error_label)

        self.input_box.currentIndexChanged.connect(lambda _i: self._changed())
        self.kernel_box.currentIndexChanged.connect(lambda _i: self._kernel_source_changed())
        self.size_spin.valueChanged.connect(lambda _v: self._size_changed())
        self.table.edited.connect(self._table_edited)
        self.padding_box.currentIndexChanged.connect(lambda _i: self._padding_mode_changed())
        self.padding_spin.valueChanged.connect(lambda _v: self._changed())
        self.stride_spin.valueChanged.connect(lambda _v: self._changed())
        self._fill_sources(design_layers(LENET5))  # the active network's, once it is set
        self._padding_mode_changed()
        self.kernel_box.setCurrentIndex(self.kernel_box.findData(f"{PRESET}:edge"))
        self._kernel_source_changed()

    def _place_table(self) -> None:
        """Wide panel: labels beside their settings, the kernel table beside them all; narrow
        panel: each label above its setting, the table below. Decided from the panel's width
        (the dock's), which the placement cannot change."""
        beside = self.width() >= 480
        if beside == self.table_beside:
            return
        self.table_beside = beside
        for label, item in self.form_rows:
            self.form.removeWidget(label)
            if isinstance(item, QHBoxLayout):
                self.form.removeItem(item)
            else:
                self.form.removeWidget(item)
        for i, (label, item) in enumerate(self.form_rows):
            spot = (i, 1) if beside else (2 * i + 1, 0)
            self.form.addWidget(label, *((i, 0) if beside else (2 * i, 0)))
            if isinstance(item, QHBoxLayout):
                self.form.addLayout(item, *spot)
            else:
                self.form.addWidget(item, *spot)
        self.settings_grid.removeItem(self.table_layout)
        self.settings_grid.addLayout(self.table_layout, *((0, 1) if beside else (1, 0)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_table()

    # ----- the active network's maps and kernels ----------------------------------------------
    def model_changed(self) -> None:
        """The new network's maps and kernels to choose from; a learned kernel reloads."""
        self._fill_sources(design_layers(self.predictor.architecture))
        source, which = self._kernel_source()
        if source == LEARNED:
            self._load_kernel(self._learned(int(which)))

    def _fill_sources(self, layers: DesignLayers) -> None:
        """The first stage's maps as inputs and its learned kernels (LeNet-5: C1 and S1 maps
        0-5, C1's six 5x5 kernels), from the active network's design; the choice is kept where
        it still exists. A design without a convolution offers the input and presets only."""
        first = [m for m in layers.maps if m.stage == 1]
        conv = next((m for m in first if m.kind == "conv"), None)
        learned = conv if conv is not None and conv.window <= MAX_KERNEL else None
        key = (tuple((m.name, m.shape) for m in first), learned and (learned.name, learned.shape))
        if key == self._sources:
            return
        self._sources = key
        chosen_input, chosen_kernel = self.input_box.currentData(), self.kernel_box.currentData()
        for box in (self.input_box, self.kernel_box):
            box.blockSignals(True)
        while self.input_box.count() > 1:  # the network input stays
            self.input_box.removeItem(1)
        for m in first:
            for i in range(m.maps):
                self.input_box.addItem(
                    self.tr("{layer} map {i} ({n}x{n})").format(layer=m.name, i=i, n=m.size),
                    f"{m.name}:{i}",
                )
        while self.kernel_box.count() and str(self.kernel_box.itemData(0)).startswith(LEARNED):
            self.kernel_box.removeItem(0)
        if learned is not None:
            for i in reversed(range(learned.maps)):
                self.kernel_box.insertItem(
                    0,
                    self.tr("Learned {layer} kernel {i} ({n}x{n})").format(
                        layer=learned.name, i=i, n=learned.window
                    ),
                    f"{LEARNED}:{i}",
                )
        index = self.input_box.findData(chosen_input)
        self.input_box.setCurrentIndex(max(index, 0))
        index = self.kernel_box.findData(chosen_kernel)
        if index < 0:
            index = max(self.kernel_box.findData(f"{PRESET}:edge"), 0)
        self.kernel_box.setCurrentIndex(index)
        for box in (self.input_box, self.kernel_box):
            box.blockSignals(False)
        self.size_spin.setEnabled(self._kernel_source()[0] == CUSTOM)

    # ----- settings -----------------------------------------------------------------------------
    @property
    def padding(self) -> str | int:
        mode = self.padding_box.currentData()
        return self.padding_spin.value() if mode == "number" else mode

    def kernel(self) -> np.ndarray:
        return self.table.kernel()

    def input_map(self) -> np.ndarray | None:
        if self.result is None:
            return None
        layer, index = self._input_source()
        maps = self.result.activations.get(layer)
        if layer == INPUT or maps is None or index >= len(maps):  # a reading of another design
            return self.result.network_input
        return maps[index]

    def _input_source(self) -> tuple[str, int]:
        """("input", 0) or (layer, map index)."""
        layer, _, index = self.input_box.currentData().partition(":")
        return layer, int(index or 0)

    def _kernel_source(self) -> tuple[str, str]:
        """(learned, index) | (preset, name) | (custom, "")."""
        source, _, which = self.kernel_box.currentData().partition(":")
        return source, which

    def _padding_mode_changed(self) -> None:
        self.padding_spin.setEnabled(self.padding_box.currentData() == "number")
        self._changed()

    def _kernel_source_changed(self) -> None:
        source, which = self._kernel_source()
        self.size_spin.setEnabled(source == CUSTOM)
        if source == PRESET:
            self._load_kernel(PRESETS[which])
        elif source == LEARNED:
            self._load_kernel(self._learned(int(which)))
        self._changed()

    def _learned(self, index: int) -> np.ndarray:
        kernels = self.predictor.kernels() if self.predictor is not None else {}
        first = kernels.get("C1")
        if first is None or index >= len(first):
            return np.zeros((5, 5), dtype=np.float32)
        return first[index, 0].copy()

    def _load_kernel(self, kernel: np.ndarray) -> None:
        self.size_spin.blockSignals(True)
        self.size_spin.setValue(kernel.shape[0])
        self.size_spin.blockSignals(False)
        self.table.set_kernel(kernel)

    def _size_changed(self) -> None:
        """A custom kernel of a new size: the old values where they fit, zeros around."""
        old = np.nan_to_num(self.table.kernel())
        k = self.size_spin.value()
        new = np.zeros((k, k), dtype=np.float32)
        n = min(k, old.shape[0])
        new[:n, :n] = old[:n, :n]
        self.table.set_kernel(new)
        self._changed()

    def _table_edited(self) -> None:
        """Typing a value makes the kernel a custom one (the values stay)."""
        custom = self.kernel_box.findData(CUSTOM)
        if self.kernel_box.currentIndex() != custom:
            self.kernel_box.blockSignals(True)
            self.kernel_box.setCurrentIndex(custom)
            self.kernel_box.blockSignals(False)
            self.size_spin.setEnabled(True)
        self._changed()

    # ----- computing ----------------------------------------------------------------------------
    def recompute(self) -> None:
        image = self.input_map()
        layer, index = self._input_source()
        n = image.shape[0]
        if layer == INPUT:
            levels = self.predictor.normalization.grey_levels
            self.input_caption.setText(self.tr("input: the network input, {n}x{n}").format(n=n))
        else:
            levels = activation_levels(image)
            self.input_caption.setText(
                self.tr("input: {layer} map {i}, {n}x{n}").format(layer=layer, i=index, n=n)
            )
        self.input_view.set_array(image, levels)
        try:
            result = convolve(image, self.kernel(), self.padding, self.stride_spin.value())
        except ConvSettingsError as exc:
            self._refuse(conv_settings_text(exc))
            return
        self.error = ""
        self.error_label.hide()
        self.output = result.output
        p = result.padding
        self.pad_item.setRect(QRectF(-p, -p, n + 2 * p, n + 2 * p))
        self.pad_item.setVisible(p > 0)
        self.input_view.view.setRange(QRectF(-p, -p, n + 2 * p, n + 2 * p), padding=0.02)
        h, w = result.output.shape
        self.output_view.setVisible(True)
        self.output_view.set_array(result.output, symmetric_levels(result.output))
        self.output_caption.setText(self.tr("output: {h}x{w}").format(h=h, w=w))
        text = self.tr("Output size: {formula}").format(formula=result.formula)
        if result.uncovered:
            text += " " + self.tr(
                "(the last {u} padded rows and columns are never reached by the kernel)"
            ).format(u=result.uncovered)
        self.formula_label.setText(text)

    def _refuse(self, message: str) -> None:
        """Impossible settings: say why, show no output."""
        self.error = message
        self.output = None
        self.error_label.setText(self.tr("These settings cannot work: {why}").format(why=message))
        self.error_label.show()
        self.output_view.setVisible(False)
        self.output_caption.setText(self.tr("output: none"))
        self.formula_label.setText("")
