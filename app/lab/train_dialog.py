"""Train the lab's design: Retrain's background run with a design instead of LeNet-5.

The run is `RetrainRun` (app/retrain/run.py) with the design in its request
(`RetrainRequest.architecture`, trained by `model.training.design.train_design`): the same data
(MNIST and the real pen digits, from the one data location and cache), the same worker thread,
curves, preview on the live drawing, cancel, and the shared dialog's use / save / discard
(app/core/model_run_dialog.py). "Use this model" is `ModelRun.use`, the very call Retrain's Use
makes, so every view follows the new design; "Save…" writes a weights file that stores the
design (model/files/checkpoint.py, atomically). The default is the lab's short run
(`LAB_TRAIN`: 2 epochs), epochs and training images adjustable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import data_cache
from app.core.context import AppContext
from app.core.data_cache import DATA_CACHE
from app.core.model_run import FINISHED
from app.core.model_run_dialog import ModelRunDialog, RunTexts
from app.data.folder_row import DataFolderRow
from app.data.pen_row import PenFolderRow
from app.data.training_rows import training_data_ready
from app.lab.lab_text import design_name, number, reason_text
from app.lab.state import LabState
from app.retrain.curves import TrainingCurves
from app.retrain.dialog import trained_on
from app.retrain.form import TRAIN_IMAGES
from app.retrain.run import RetrainRun
from app.retrain.worker import RetrainOutcome
from app.widgets import palette
from model.analysis.shapes import shape_table
from model.config import LAB_TRAIN, ModelConfig, TrainConfig
from model.network.architecture import Architecture


class LabRun(RetrainRun):
    """Retrain's run, labelled as the lab's."""

    JOB_NAME = "lab-train"

    def unsaved_label(self) -> str:
        return QCoreApplication.translate("LabRun", "lab design {0:%H:%M}").format(
            dt.datetime.now()
        )


class LabTrainDialog(ModelRunDialog):
    """Train the design being edited; see the module docstring."""

    OBJECT_NAMES = (
        "labTrainButton",
        "cancelButton",
        "closeButton",
        "stageLabel",
        "trainProgress",
        "resultLabel",
        "messageBanner",
    )

    def __init__(
        self,
        context: AppContext,
        state: LabState,
        parent: QWidget | None = None,
        config: TrainConfig = LAB_TRAIN,
    ) -> None:
        super().__init__(LabRun(context.session), parent)
        self.run.setParent(self)
        self.context, self.state = context, state
        self.setObjectName("labTrainDialog")
        self.setWindowTitle(self.tr("Train the lab's design"))
        self._config = config
        self._batches_seen = False
        self.design: Architecture = state.design
        self.trained_design: Architecture | None = None
        self.cancel_button.setText(self.tr("Cancel training"))
        self.assemble(self._build(config))
        self.run.stage.connect(self._on_stage)
        self.run.batches.connect(self._on_batches)
        self.run.epoch_result.connect(self.curves.add_epoch)
        self.run_ended.connect(self._on_run_ended)
        state.design_changed.connect(self.set_design)
        self.set_design(state.design)
        self.resize(960, 620)

    # ----- layout -----------------------------------------------------------------------------
    def _build(self, config: TrainConfig) -> QHBoxLayout:
        self.design_label = QLabel()
        self.design_label.setObjectName("labDesignSummary")
        self.design_label.setWordWrap(True)
        self.design_label.setTextFormat(Qt.TextFormat.RichText)
        design_box = QGroupBox(self.tr("Design"))
        QVBoxLayout(design_box).addWidget(self.design_label)
        self.epochs = QSpinBox(objectName="epochs", minimum=1, maximum=50)
        self.epochs.setValue(config.epochs)
        self.epochs.setToolTip(self.tr("Passes over the training images."))
        self.train_images = QSpinBox(objectName="trainImages", minimum=0, maximum=TRAIN_IMAGES)
        self.train_images.setSingleStep(5000)
        self.train_images.setSpecialValueText(self.tr("all {0:,}").format(TRAIN_IMAGES))
        self.train_images.setValue(config.train_subset or 0)
        self.train_images.setToolTip(self.tr("Train on only the first N images, for a quick look."))
        self.seed = QSpinBox(objectName="seed", minimum=0, maximum=2**31 - 1)
        self.seed.setValue(config.seed)
        self.seed.setToolTip(self.tr("Same seed and settings: the same network, bit for bit."))
        form = QFormLayout()
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Training images"), self.train_images)
        form.addRow(self.tr("Seed"), self.seed)
        settings_box = QGroupBox(self.tr("Settings"))
        settings_box.setLayout(form)
        location = self.context.data_location
        self.data_folder = DataFolderRow(location.mnist_dir())
        self.data_folder.follow(location)
        self.data_folder.message.connect(self.show_message)
        data_box = QGroupBox(self.tr("MNIST data folder"))
        QVBoxLayout(data_box).addWidget(self.data_folder)
        self.pen_folder = PenFolderRow(None)
        self.pen_folder.follow(location, pen=True)
        self.pen_folder.message.connect(self.show_message)
        pen_box = QGroupBox(self.tr("Real pen digits (optional)"))
        QVBoxLayout(pen_box).addWidget(self.pen_folder)
        self.preview = QCheckBox(self.tr("Watch the drawing's feature maps\nevolve as it learns"))
        self.preview.setObjectName("previewCheck")
        self.preview.toggled.connect(self.run.set_preview)
        hint = QLabel(
            self.tr(
                "Default: %n epoch(s) on MNIST and the real pen digits, about a minute on two "
                "cores for a LeNet-5-sized design; an epoch takes longer the more multiply-adds "
                "the design has.",
                "",
                config.epochs,
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        left = QVBoxLayout()
        for widget in (design_box, settings_box, data_box, pen_box, self.preview):
            left.addWidget(widget)
        left.addStretch(1)
        left.addWidget(hint)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(320)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidget(left_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(320 + scroll.verticalScrollBar().sizeHint().width())
        self.curves = TrainingCurves()
        right = QVBoxLayout()
        right.addWidget(self.stage)
        right.addWidget(self.progress)
        right.addWidget(self.curves, 1)
        columns = QHBoxLayout()
        columns.addWidget(scroll)
        columns.addLayout(right, 1)
        return columns

    # ----- the design -------------------------------------------------------------------------
    @Slot(object)
    def set_design(self, design: Architecture) -> None:
        """Follow the lab's design while no run goes (a running one keeps its own)."""
        if self.run.is_running():
            return
        self.design = design
        table = shape_table(design)
        text = f"<b>{html.escape(design_name(design))}</b>"
        if table.ok:
            text += "<br>" + self.tr("{0} parameters · {1} multiply-adds per image").format(
                number(table.total_params), number(table.total_macs)
            )
        else:
            reason = html.escape(reason_text(table.problems[0]))
            text += f"<br><span style='color:{palette.WORSE}'>{reason}</span>"
        self.design_label.setText(text)
        if not self.run.is_running():
            self.start_button.setEnabled(table.ok)

    # ----- what the base asks -----------------------------------------------------------------
    def texts(self) -> RunTexts:
        outcome = self.run.outcome
        accuracy = f"{100 * outcome.test_accuracy:.2f}".replace(".", "_") if outcome else "new"
        return RunTexts(
            start=self.tr("Train"),
            start_again=self.tr("Train again"),
            cancelled=self.tr("Training cancelled. The active model and files are unchanged."),
            failed_title=self.tr("Training failed"),
            save_caption=self.tr("Save the lab's network"),
            suggested_file=f"lenet-lab-{accuracy}.pt",
            now_active=self.tr("The lab's network ({0}) is now active: every view shows it."),
        )

    def lock_inputs(self, running: bool) -> None:
        for widget in (self.epochs, self.train_images, self.seed):
            widget.setEnabled(not running)
        self.data_folder.set_locked(running)
        self.pen_folder.set_locked(running)

    def _set_running(self, running: bool) -> None:
        super()._set_running(running)
        if not running and not shape_table(self.design).ok:
            self.start_button.setEnabled(False)

    # ----- running ----------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Train the design with the settings; False (and a message) if it cannot start."""
        if self.run.is_running():
            return False
        problems = self.design.problems()
        if problems:
            self.show_message(
                "error",
                self.tr("This design cannot be built: {0}").format(reason_text(problems[0])),
            )
            return False
        if not training_data_ready(self.data_folder, self.pen_folder, self.show_message):
            return False
        data_dir = self.data_folder.folder()
        config = dataclasses.replace(
            self._config,
            epochs=self.epochs.value(),
            train_subset=self.train_images.value() or None,
            seed=self.seed.value(),
        )
        request = self.run.request(
            data_dir, config, ModelConfig(), pen_file=self.pen_folder.pen_file()
        )
        request = dataclasses.replace(request, architecture=self.design)
        self.trained_design = self.design
        self.curves.clear()
        self.curves.set_epochs(config.epochs)
        self._batches_seen = False
        self.progress.setVisible(False)
        self.stage.setText(self.tr("Loading the data and building the design…"))
        self.run_started()
        self.run.start(request)
        return True

    @Slot(str)
    def _on_stage(self, text: str) -> None:
        self.stage.setText(text)
        if not self._batches_seen:
            self.progress.setVisible(False)

    @Slot(object)
    def _on_batches(self, batches: list) -> None:
        self._batches_seen = True
        self.progress.setVisible(True)
        self.curves.add_batches(batches)
        p = batches[-1]
        self.set_progress(
            p.fraction,
            self.tr("Epoch {0}/{1} · batch {2}/{3} · {4:.0%}").format(
                p.epoch, p.epochs, p.batch, p.batches, p.fraction
            ),
        )

    @Slot(str)
    def _on_run_ended(self, state: str) -> None:
        outcome = self.run.outcome
        if state == FINISHED and outcome is not None:
            self.state.set_trained(outcome.checkpoint)
        self.set_design(self.state.design)

    def show_result(self) -> None:
        outcome: RetrainOutcome = self.run.outcome
        new, old = outcome.test_accuracy, outcome.baseline_accuracy
        text = "<span style='font-size:14pt; font-weight:600'>{}</span>".format(
            self.tr("This design: {0:.2%}").format(new)
        )
        if old is not None:
            delta = 100 * (new - old)
            color = palette.GOOD if delta >= 0 else palette.WORSE
            text += " &nbsp; {} <span style='color:{}'>{}</span>".format(
                self.tr("vs &nbsp; active model: {0:.2%}").format(old),
                color,
                self.tr("({0:+.2f} points)").format(delta),
            )
        text += "<br><small>{}</small>".format(
            self.tr("test accuracy on the same {0:,} MNIST images").format(outcome.test_images)
        )
        text += f"<br><small>{html.escape(trained_on(outcome))}</small>"
        self.result_label.setText(text)
        self.stage.setText(self.tr("Finished."))
        self.show_message(
            "success",
            self.tr(
                "Training finished. “Use this model” makes it the active network (every view "
                "shows it); “Save…” keeps it in a file with its design; the Compare tab measures "
                "it beside another network."
            ),
        )

    # ----- closing ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        self.data_folder.stop()
        self.pen_folder.stop()
        super().shutdown()

    def reset_view(self) -> None:
        self.curves.clear()
        DATA_CACHE.clear(data_cache.TRAINING, data_cache.PEN_POOL)
