"""The retrain settings form: a view of `TrainConfig` + `ModelConfig`, nothing more.

The form holds no defaults of its own: it is filled from a config (the quick-retrain preset by
default) and reads back into one with `dataclasses.replace`, so fields it does not show (weight
decay, label smoothing, the test subset) keep the preset's values instead of being invented here.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from app.retrain.devices import DeviceChoice
from model.config import ACTIVATIONS, POOLINGS, ModelConfig, TrainConfig

TRAIN_IMAGES = 60_000
# The config ids for pooling and activation -> their names on screen (the ids stay the data).
CHOICE_NAMES = {
    "max": QT_TRANSLATE_NOOP("RetrainForm", "max"),
    "avg": QT_TRANSLATE_NOOP("RetrainForm", "avg"),
    "relu": QT_TRANSLATE_NOOP("RetrainForm", "relu"),
    "tanh": QT_TRANSLATE_NOOP("RetrainForm", "tanh"),
}


def _add_choices(box: QComboBox, ids: tuple[str, ...]) -> None:
    for key in ids:
        name = CHOICE_NAMES.get(key, key)
        box.addItem(QCoreApplication.translate("RetrainForm", name), key)  # i18n: runtime


class LearningRateBox(QDoubleSpinBox):
    """A spin box that shows `3e-3` rather than `0.003000` and steps by factors of two.

    Learning rates span orders of magnitude; the range is deliberately wide (up to 1e6) so a
    user can see for themselves what a far-too-high rate does (the run diverges, and says so).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(9)
        self.setRange(1e-6, 1e6)
        self.setToolTip(self.tr("Peak learning rate of the one-cycle schedule (AdamW)."))

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        try:
            value = float(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= value <= self.maximum()
        state = QValidator.State.Acceptable if ok else QValidator.State.Intermediate
        return state, text, pos

    def stepBy(self, steps: int) -> None:
        self.setValue(self.value() * 2.0**steps)


class ConfigForm(QWidget):
    """Epochs, batch size, learning rate, augmentation, pooling, activation, dropout, seed,
    training images, the "not a digit" head and the device."""

    def __init__(self, config: TrainConfig, model_config: ModelConfig, parent=None) -> None:
        super().__init__(parent)
        self._base = config
        self.epochs = QSpinBox(objectName="epochs", minimum=1, maximum=200)
        self.epochs.setToolTip(self.tr("Passes over the training images."))
        self.batch_size = QSpinBox(objectName="batchSize", minimum=1, maximum=8192)
        self.batch_size.setToolTip(self.tr("Images per optimisation step."))
        self.lr = LearningRateBox()
        self.lr.setObjectName("learningRate")
        self.augment = QCheckBox(self.tr("Random distortions"), objectName="augment")
        self.augment.setToolTip(
            self.tr(
                "Rotate, shear, scale, wobble and thicken each training image at random: this "
                "makes the network robust to drawn digits, which are never as tidy as MNIST's."
            )
        )
        self.pooling = QComboBox(objectName="pooling")
        _add_choices(self.pooling, POOLINGS)
        self.pooling.setToolTip(
            self.tr("S1 and S2: max pooling, or averaging as in the original LeNet.")
        )
        self.activation = QComboBox(objectName="activation")
        _add_choices(self.activation, ACTIVATIONS)
        self.activation.setToolTip(self.tr("relu, or tanh as in the original LeNet."))
        self.dropout = QDoubleSpinBox(objectName="dropout", minimum=0.0, maximum=0.9)
        self.dropout.setSingleStep(0.05)
        self.dropout.setDecimals(2)
        self.dropout.setToolTip(
            self.tr("Dropout before F5, F6 and the output layer, while training.")
        )
        self.seed = QSpinBox(objectName="seed", minimum=0, maximum=2**31 - 1)
        self.seed.setToolTip(self.tr("Same seed and settings: the same network, bit for bit."))
        self.train_images = QSpinBox(objectName="trainImages", minimum=0, maximum=TRAIN_IMAGES)
        self.train_images.setSingleStep(5000)
        self.train_images.setSpecialValueText(self.tr("all {0:,}").format(TRAIN_IMAGES))
        self.train_images.setToolTip(self.tr("Train on only the first N images, for a quick look."))
        self.reject_head = QCheckBox(self.tr("Learn to say “not a digit”"), objectName="rejectHead")
        self.reject_head.setToolTip(
            self.tr(
                "Also train the network's “not a digit” output on letters, symbols and "
                "generated marks (dots, lines, scribbles, crosses), as the shipped weights "
                "were. Needs the real pen data: its validation writers set the threshold."
            )
        )

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Epochs"), self.epochs)
        layout.addRow(self.tr("Batch size"), self.batch_size)
        layout.addRow(self.tr("Learning rate"), self.lr)
        layout.addRow(self.tr("Augmentation"), self.augment)
        layout.addRow(self.tr("Pooling"), self.pooling)
        layout.addRow(self.tr("Activation"), self.activation)
        layout.addRow(self.tr("Dropout"), self.dropout)
        layout.addRow(self.tr("Seed"), self.seed)
        layout.addRow(self.tr("Training images"), self.train_images)
        layout.addRow(self.tr("Not a digit"), self.reject_head)
        self.device = DeviceChoice()
        layout.addRow(self.tr("Device"), self.device)
        self.set_config(config, model_config)
        self.hold_heights()

    def hold_heights(self) -> None:
        """Never squeeze a field below its own height: when a warning, result or error took
        the dialog's height, the layout gave the spin boxes their minimum (14 px, "4", "128",
        "0.003", "all 60,000" cut in half); the dialog's left column scrolls instead."""
        layout = self.layout()
        for row in range(layout.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = layout.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setMinimumHeight(widget.sizeHint().height())

    def set_config(self, config: TrainConfig, model_config: ModelConfig) -> None:
        """Show a config; fields without a widget are kept and come back from `train_config`."""
        self._base = config
        self.epochs.setValue(config.epochs)
        self.batch_size.setValue(config.batch_size)
        self.lr.setValue(config.lr)
        self.augment.setChecked(config.augment)
        self.seed.setValue(config.seed)
        self.train_images.setValue(config.train_subset or 0)
        self.pooling.setCurrentIndex(self.pooling.findData(model_config.pooling))
        self.activation.setCurrentIndex(self.activation.findData(model_config.activation))
        self.dropout.setValue(model_config.dropout)
        self.reject_head.setChecked(model_config.reject_head)

    def train_config(self) -> TrainConfig:
        return dataclasses.replace(
            self._base,
            epochs=self.epochs.value(),
            batch_size=self.batch_size.value(),
            lr=self.lr.value(),
            augment=self.augment.isChecked(),
            seed=self.seed.value(),
            train_subset=self.train_images.value() or None,
        )

    def model_config(self) -> ModelConfig:
        return ModelConfig(
            pooling=self.pooling.currentData(),
            activation=self.activation.currentData(),
            dropout=round(self.dropout.value(), 2),
            reject_head=self.reject_head.isChecked(),
        )
