"""The lab's design editor: the tutorial's knobs as controls, read back into an `Architecture`.

One group per convolution stage (maps, kernel, padding VALID / SAME / pixels, stride,
activation, then pooling none / max / average with its window and stride) and per dense layer
(units, activation, dropout), buttons to add or remove them within the caps, and the preset
chooser. The editor holds no design of its own: every edit reads the controls into a frozen
`Architecture` and emits it (`design_changed`), and `set_design` rebuilds the controls from one.
The controls' ranges are the caps' (model/network/architecture.py), not the geometry's: a
kernel too large for its map, or SAME with an even kernel, can be dialled in, and the lab then
says why it cannot be built, which is the lesson.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.lab.lab_text import preset_name
from model.network.architecture import (
    ACTIVATIONS,
    MAX_CHANNELS,
    MAX_DENSE,
    MAX_KERNEL,
    MAX_POOL,
    MAX_STAGES,
    MAX_STRIDE,
    MAX_UNITS,
    PRESETS,
    Architecture,
    ConvStage,
    Dense,
    Pooling,
)

CUSTOM = "custom"


def _activation_box(name: str) -> QComboBox:
    box = QComboBox(objectName=name)
    names = {
        "relu": QCoreApplication.translate("DesignEditor", "ReLU"),
        "tanh": QCoreApplication.translate("DesignEditor", "tanh"),
        "sigmoid": QCoreApplication.translate("DesignEditor", "sigmoid"),
    }
    for key in ACTIVATIONS:
        box.addItem(names.get(key, key), key)
    return box


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox(objectName=name, minimum=low, maximum=high)
    spin.setKeyboardTracking(False)
    return spin


def _select(box: QComboBox, key: object) -> None:
    index = box.findData(key)
    box.setCurrentIndex(max(index, 0))


class StageEditor(QGroupBox):
    """One convolution stage and its optional pooling."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, index: int, stage: ConvStage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"labStage{index}")
        self.setTitle(QCoreApplication.translate("DesignEditor", "Convolution C{0}").format(index))
        self.channels = _spin("channels", 1, MAX_CHANNELS)
        self.channels.setToolTip(
            QCoreApplication.translate("DesignEditor", "Output channels: how many maps (kernels)")
        )
        self.kernel = _spin("kernel", 1, MAX_KERNEL)
        self.kernel.setToolTip(
            QCoreApplication.translate("DesignEditor", "Kernel size k: each kernel is k × k")
        )
        self.padding = QComboBox(objectName="padding")
        self.padding.addItem(QCoreApplication.translate("DesignEditor", "VALID"), "valid")
        self.padding.addItem(QCoreApplication.translate("DesignEditor", "SAME"), "same")
        self.padding.addItem(QCoreApplication.translate("DesignEditor", "pixels"), "pixels")
        self.padding.setToolTip(
            QCoreApplication.translate(
                "DesignEditor",
                "VALID adds no zeros (the map shrinks by k − 1); SAME adds (k − 1) / 2 on each "
                "side (the map keeps its size at stride 1); or a number of pixels",
            )
        )
        self.pixels = _spin("paddingPixels", 0, MAX_KERNEL)
        self.stride = _spin("stride", 1, MAX_STRIDE)
        self.stride.setToolTip(
            QCoreApplication.translate(
                "DesignEditor", "Stride s: how far the kernel moves each step"
            )
        )
        self.activation = _activation_box("activation")
        self.pooling = QComboBox(objectName="pooling")
        self.pooling.addItem(QCoreApplication.translate("DesignEditor", "none"), None)
        self.pooling.addItem(QCoreApplication.translate("DesignEditor", "max"), "max")
        self.pooling.addItem(QCoreApplication.translate("DesignEditor", "average"), "avg")
        self.pool_size = _spin("poolSize", 1, MAX_POOL)
        self.pool_size.setToolTip(
            QCoreApplication.translate("DesignEditor", "Pooling window: size × size")
        )
        self.pool_stride = _spin("poolStride", 1, MAX_POOL)
        self.pool_stride.setToolTip(QCoreApplication.translate("DesignEditor", "Pooling stride"))
        self.remove = QToolButton(objectName="removeStage")
        self.remove.setText(QCoreApplication.translate("DesignEditor", "Remove"))
        self.remove.setToolTip(
            QCoreApplication.translate("DesignEditor", "Remove this convolution stage")
        )
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        padding_row = QHBoxLayout()
        padding_row.setSpacing(3)
        padding_row.addWidget(self.padding, 1)
        padding_row.addWidget(self.pixels)
        rows = (
            (
                QCoreApplication.translate("DesignEditor", "Maps"),
                self.channels,
                QCoreApplication.translate("DesignEditor", "Kernel"),
                self.kernel,
            ),
            (
                QCoreApplication.translate("DesignEditor", "Padding"),
                padding_row,
                QCoreApplication.translate("DesignEditor", "Stride"),
                self.stride,
            ),
            (
                QCoreApplication.translate("DesignEditor", "Activation"),
                self.activation,
                None,
                self.remove,
            ),
        )
        for r, (label_a, field_a, label_b, field_b) in enumerate(rows):
            grid.addWidget(QLabel(label_a), r, 0)
            if isinstance(field_a, QHBoxLayout):
                grid.addLayout(field_a, r, 1)
            else:
                grid.addWidget(field_a, r, 1)
            if label_b is not None:
                grid.addWidget(QLabel(label_b), r, 2)
                grid.addWidget(field_b, r, 3)
            else:
                grid.addWidget(field_b, r, 2, 1, 2, Qt.AlignmentFlag.AlignRight)
        pool_label = QLabel(QCoreApplication.translate("DesignEditor", "Pooling"))
        pool_label.setToolTip(
            QCoreApplication.translate(
                "DesignEditor", "none, max or average; window size and stride"
            )
        )
        grid.addWidget(pool_label, 3, 0)
        grid.addWidget(self.pooling, 3, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("DesignEditor", "Window")), 4, 0)
        grid.addWidget(self.pool_size, 4, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("DesignEditor", "Stride")), 4, 2)
        grid.addWidget(self.pool_stride, 4, 3)
        grid.setColumnStretch(1, 1)
        self.set_stage(stage)
        for spin in (self.channels, self.kernel, self.pixels, self.stride):
            spin.valueChanged.connect(self._changed)
        for spin in (self.pool_size, self.pool_stride):
            spin.valueChanged.connect(self._changed)
        for box in (self.padding, self.activation, self.pooling):
            box.currentIndexChanged.connect(self._changed)

    def set_stage(self, stage: ConvStage) -> None:
        for w in self._inputs():
            w.blockSignals(True)
        self.channels.setValue(stage.channels)
        self.kernel.setValue(stage.kernel)
        if isinstance(stage.padding, str):
            _select(self.padding, stage.padding)
            self.pixels.setValue(stage.padding_pixels)
        else:
            _select(self.padding, "pixels")
            self.pixels.setValue(int(stage.padding))
        self.stride.setValue(stage.stride)
        _select(self.activation, stage.activation)
        pooling = stage.pooling
        _select(self.pooling, None if pooling is None else pooling.kind)
        self.pool_size.setValue(2 if pooling is None else pooling.size)
        self.pool_stride.setValue(2 if pooling is None else pooling.stride)
        for w in self._inputs():
            w.blockSignals(False)
        self._enable()

    def _inputs(self) -> list[QWidget]:
        return [
            self.channels,
            self.kernel,
            self.padding,
            self.pixels,
            self.stride,
            self.activation,
            self.pooling,
            self.pool_size,
            self.pool_stride,
        ]

    def _enable(self) -> None:
        self.pixels.setEnabled(self.padding.currentData() == "pixels")
        pooled = self.pooling.currentData() is not None
        self.pool_size.setEnabled(pooled)
        self.pool_stride.setEnabled(pooled)

    def _changed(self) -> None:
        self._enable()
        self.changed.emit()

    def stage(self) -> ConvStage:
        mode = self.padding.currentData()
        padding: str | int = self.pixels.value() if mode == "pixels" else mode
        kind = self.pooling.currentData()
        pooling = (
            None
            if kind is None
            else Pooling(kind, self.pool_size.value(), self.pool_stride.value())
        )
        return ConvStage(
            self.channels.value(),
            self.kernel.value(),
            padding,
            self.stride.value(),
            self.activation.currentData(),
            pooling,
        )


class DenseEditor(QGroupBox):
    """One dense layer: units, activation, dropout on its output."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, name: str, layer: Dense, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"labDense{name}")
        self.setTitle(QCoreApplication.translate("DesignEditor", "Dense {0}").format(name))
        self.units = _spin("units", 1, MAX_UNITS)
        self.units.setToolTip(
            QCoreApplication.translate("DesignEditor", "Units (neurons) of this layer")
        )
        self.activation = _activation_box("activation")
        self.dropout = QDoubleSpinBox(objectName="dropout", minimum=0.0, maximum=0.9)
        self.dropout.setSingleStep(0.05)
        self.dropout.setDecimals(2)
        self.dropout.setKeyboardTracking(False)
        self.dropout.setToolTip(
            QCoreApplication.translate(
                "DesignEditor", "Dropout on this layer's output, in training"
            )
        )
        self.remove = QToolButton(objectName="removeDense")
        self.remove.setText(QCoreApplication.translate("DesignEditor", "Remove"))
        self.remove.setToolTip(
            QCoreApplication.translate("DesignEditor", "Remove this dense layer")
        )
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(QCoreApplication.translate("DesignEditor", "Units")), 0, 0)
        grid.addWidget(self.units, 0, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("DesignEditor", "Activation")), 0, 2)
        grid.addWidget(self.activation, 0, 3)
        grid.addWidget(QLabel(QCoreApplication.translate("DesignEditor", "Dropout")), 1, 0)
        grid.addWidget(self.dropout, 1, 1)
        grid.addWidget(self.remove, 1, 2, 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.units.setValue(layer.units)
        _select(self.activation, layer.activation)
        self.dropout.setValue(layer.dropout)
        self.units.valueChanged.connect(self.changed)
        self.activation.currentIndexChanged.connect(self.changed)
        self.dropout.valueChanged.connect(self.changed)

    def layer(self) -> Dense:
        return Dense(
            self.units.value(), self.activation.currentData(), round(self.dropout.value(), 2)
        )


class DesignEditor(QWidget):
    """Presets, stages, dense layers; see the module docstring. The preset chooser
    (`presets`) is the view's to place: it needs the width of its longest name."""

    design_changed = Signal(object)  # Architecture

    def __init__(self, design: Architecture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labDesignEditor")
        self.presets = QComboBox(objectName="labPreset")
        for key in PRESETS:
            self.presets.addItem(preset_name(key), key)
        self.presets.addItem(QCoreApplication.translate("DesignEditor", "Your design"), CUSTOM)
        self.presets.setToolTip(
            QCoreApplication.translate("DesignEditor", "Start from one of the tutorial's designs")
        )
        self.presets.activated.connect(self._preset_chosen)
        self.stages_box = QVBoxLayout()
        self.stages_box.setSpacing(4)
        self.dense_box = QVBoxLayout()
        self.dense_box.setSpacing(4)
        self.add_stage = QPushButton(
            QCoreApplication.translate("DesignEditor", "Add a convolution stage")
        )
        self.add_stage.setObjectName("labAddStage")
        self.add_stage.clicked.connect(self._add_stage)
        self.add_dense = QPushButton(
            QCoreApplication.translate("DesignEditor", "Add a dense layer")
        )
        self.add_dense.setObjectName("labAddDense")
        self.add_dense.clicked.connect(self._add_dense)
        self.flatten_dropout = QDoubleSpinBox(objectName="flattenDropout", minimum=0.0, maximum=0.9)
        self.flatten_dropout.setSingleStep(0.05)
        self.flatten_dropout.setDecimals(2)
        self.flatten_dropout.setKeyboardTracking(False)
        self.flatten_dropout.setToolTip(
            QCoreApplication.translate(
                "DesignEditor", "Dropout on the flattened maps, before the first dense layer"
            )
        )
        self.flatten_dropout.valueChanged.connect(self._emit)
        flatten_row = QHBoxLayout()
        flatten_row.addWidget(
            QLabel(QCoreApplication.translate("DesignEditor", "Dropout after flattening"))
        )
        flatten_row.addWidget(self.flatten_dropout)
        flatten_row.addStretch(1)
        self.output_note = QLabel(
            QCoreApplication.translate("DesignEditor", "Then 10 outputs, one per digit.")
        )
        self.output_note.setObjectName("labOutputNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        input_note = QLabel(
            QCoreApplication.translate("DesignEditor", "Input: 1 × 32 × 32 (the drawing)")
        )
        layout.addWidget(input_note)
        layout.addLayout(self.stages_box)
        layout.addWidget(self.add_stage, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(flatten_row)
        layout.addLayout(self.dense_box)
        layout.addWidget(self.add_dense, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.output_note)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.stage_editors: list[StageEditor] = []
        self.dense_editors: list[DenseEditor] = []
        self._design = design
        self.set_design(design)

    # ----- the design -------------------------------------------------------------------------
    def design(self) -> Architecture:
        return self._design

    def set_design(self, design: Architecture) -> None:
        """Rebuild the controls from `design` and tell the listeners."""
        self._rebuild(design)
        self._emit()

    def _rebuild(self, design: Architecture) -> None:
        for editor in self.stage_editors + self.dense_editors:
            editor.setParent(None)
            editor.deleteLater()
        self.stage_editors, self.dense_editors = [], []
        for i, stage in enumerate(design.stages, 1):
            editor = StageEditor(i, stage)
            editor.changed.connect(self._emit)
            editor.remove_requested.connect(self._remove_stage)
            self.stages_box.addWidget(editor)
            self.stage_editors.append(editor)
        for j, layer in enumerate(design.dense, 1):
            editor = DenseEditor(design.dense_name(j), layer)
            editor.changed.connect(self._emit)
            editor.remove_requested.connect(self._remove_dense)
            self.dense_box.addWidget(editor)
            self.dense_editors.append(editor)
        self.flatten_dropout.blockSignals(True)
        self.flatten_dropout.setValue(design.flatten_dropout)
        self.flatten_dropout.blockSignals(False)

    def _read(self) -> Architecture:
        return Architecture(
            stages=tuple(e.stage() for e in self.stage_editors),
            dense=tuple(e.layer() for e in self.dense_editors),
            flatten_dropout=round(self.flatten_dropout.value(), 2),
        )

    def _emit(self) -> None:
        self._design = self._read()
        key = next((k for k, v in PRESETS.items() if v == self._design), CUSTOM)
        _select(self.presets, key)
        self.add_stage.setEnabled(len(self.stage_editors) < MAX_STAGES)
        self.add_dense.setEnabled(len(self.dense_editors) < MAX_DENSE)
        for editor in self.stage_editors + self.dense_editors:
            editor.remove.setEnabled(len(self.stage_editors) + len(self.dense_editors) > 1)
        self.design_changed.emit(self._design)

    # ----- edits ------------------------------------------------------------------------------
    def _preset_chosen(self, index: int) -> None:
        key = self.presets.itemData(index)
        if key in PRESETS:
            self.set_design(PRESETS[key])

    def _add_stage(self) -> None:
        design = self._read()
        if len(design.stages) >= MAX_STAGES:
            return
        last = design.stages[-1] if design.stages else None
        channels = min(MAX_CHANNELS, 2 * last.channels) if last else 6
        new = ConvStage(channels, 3, "same", 1, last.activation if last else "relu")
        self.set_design(Architecture(design.stages + (new,), design.dense, design.flatten_dropout))

    def _add_dense(self) -> None:
        design = self._read()
        if len(design.dense) >= MAX_DENSE:
            return
        units = max(10, design.dense[-1].units // 2) if design.dense else 84
        new = Dense(units, design.dense[-1].activation if design.dense else "relu", 0.0)
        self.set_design(Architecture(design.stages, design.dense + (new,), design.flatten_dropout))

    def _remove_stage(self, editor: StageEditor) -> None:
        design = self._read()
        i = self.stage_editors.index(editor)
        stages = design.stages[:i] + design.stages[i + 1 :]
        self.set_design(Architecture(stages, design.dense, design.flatten_dropout))

    def _remove_dense(self, editor: DenseEditor) -> None:
        design = self._read()
        j = self.dense_editors.index(editor)
        dense = design.dense[:j] + design.dense[j + 1 :]
        self.set_design(Architecture(design.stages, dense, design.flatten_dropout))
