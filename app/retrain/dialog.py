"""Training ▸ Retrain…: settings, live progress and curves, then keep, save or discard.

The dialog is non-modal, so the user keeps drawing and the active model keeps answering while a
new network trains on a worker thread. The active model changes only when the user presses
"Use this model"; a file is written only by "Save…" (atomically, via `save_checkpoint`). Closing
the dialog, or the window, cancels a run and waits for its thread, so nothing is left half-done.
Messages appear in a banner inside the dialog rather than in modal boxes, so a failure never
blocks the window. The banner, progress, result row, buttons and closing are the shared
`ModelRunDialog`'s (app/core/model_run_dialog.py); this adds the settings, the data folders,
the curves and the epoch table.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import data_cache
from app.core.context import AppContext
from app.core.data_cache import DATA_CACHE
from app.core.model_run_dialog import ModelRunDialog, RunTexts
from app.data.folder_row import DataFolderRow
from app.data.pen_row import PenFolderRow
from app.data.training_rows import training_data_ready
from app.retrain.curves import TrainingCurves
from app.retrain.form import ConfigForm
from app.retrain.include_drawings import IncludeDrawingsCheck, KeptDrawings
from app.retrain.run import RetrainRun
from app.retrain.worker import RetrainOutcome
from app.widgets import palette
from model.config import QUICK_RETRAIN, QUICK_RETRAIN_MODEL, ModelConfig, TrainConfig
from model.data.mnist import missing_data_message
from model.training.loop import EpochResult

#: torch threads for training; None: the idle cores at the start of a run (see
#: `worker.training_threads`). The GUI itself runs torch single-threaded (app/shell/runtime.py).
TRAINING_THREADS: int | None = None


def TRAIN_VS_TEST() -> str:  # a translated constant
    return QCoreApplication.translate(
        "RetrainDialog",
        "Train acc. is measured during the epoch on distorted (augmented) training images while "
        "the network is still learning; test acc. on clean test images after the epoch. So in "
        "the first epochs train acc. is usually the lower one.",
    )


class RetrainDialog(ModelRunDialog):
    """Retrain LeNet-5 from the GUI; see the module docstring for the guarantees."""

    OBJECT_NAMES = (
        "trainButton",
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
        parent: QWidget | None = None,
        data_dir: str | Path | None = None,
        config: TrainConfig = QUICK_RETRAIN,
        model_config: ModelConfig | None = None,
        pen_dir: str | Path | None = None,
    ) -> None:
        """ "Include my drawings" offers the user's collection (`context.collection`)."""
        session = context.session
        super().__init__(RetrainRun(session), parent)
        self.run.setParent(self)
        self.context = context
        self.session = session
        kept = context.collection
        self.setObjectName("retrainDialog")
        self.setWindowTitle(self.tr("Retrain LeNet-5"))
        #: torch threads for training (None: idle cores, app.core.cpu)
        self.torch_threads: int | None = TRAINING_THREADS
        self._batches_seen = False
        self._stage_text = ""
        self._defaults = (config, model_config or QUICK_RETRAIN_MODEL)
        self.train_button = self.start_button
        self.cancel_button.setText(self.tr("Cancel training"))
        self.assemble(self._build(data_dir, *self._defaults, pen_dir, kept))
        self.run.stage.connect(self._on_stage)
        self.run.preparing.connect(self._on_preparing)
        self.run.batches.connect(self._on_batches)
        self.run.epoch_result.connect(self._on_epoch)
        self.resize(1060, 700)

    # ----- layout -----------------------------------------------------------------------------
    def _build(
        self,
        data_dir: str | Path | None,
        config: TrainConfig,
        model_config: ModelConfig,
        pen_dir: str | Path | None,
        kept: KeptDrawings | None,
    ) -> QHBoxLayout:
        self.form = ConfigForm(config, model_config)
        settings_box = QGroupBox(self.tr("Settings"))
        QVBoxLayout(settings_box).addWidget(self.form)
        location = self.context.data_location
        self.data_folder = DataFolderRow(location.mnist_dir())
        if data_dir is None:  # the app's one data folder, found like the pen digits' (#19)
            self.data_folder.follow(location)
        else:
            self.data_folder.set_folder(data_dir)
        self.data_folder.message.connect(self.show_message)
        self.data_folder.found.connect(self._on_data_found)
        data_box = QGroupBox(self.tr("MNIST data folder"))
        QVBoxLayout(data_box).addWidget(self.data_folder)
        self.pen_folder = PenFolderRow(pen_dir)
        if pen_dir is None:
            self.pen_folder.follow(location, pen=True)
        self.pen_folder.message.connect(self.show_message)
        pen_box = QGroupBox(self.tr("Real pen digits (optional)"))
        QVBoxLayout(pen_box).addWidget(self.pen_folder)
        self.preview = QCheckBox(
            self.tr("Watch the drawing's feature maps\nevolve as the network learns")
        )
        self.preview.setObjectName("previewCheck")
        self.preview.setToolTip(
            self.tr(
                "The main window shows what the network in training sees in your drawing: after "
                "each epoch and about once a second while it trains, and reads what you draw "
                "meanwhile; the active model is not changed."
            )
        )
        self.preview.toggled.connect(self._on_preview_toggled)
        self.include_drawings = IncludeDrawingsCheck(kept)
        self.defaults_button = QPushButton(self.tr("Restore defaults"))
        self.defaults_button.setObjectName("defaultsButton")
        self.defaults_button.setAutoDefault(False)
        self.defaults_button.clicked.connect(
            lambda: self.form.set_config(self._defaults[0], self._defaults[1])
        )
        hint = QLabel(
            self.tr(
                "Defaults: the shipped recipe cut to %n epoch(s), under a minute on two cores "
                "for ≥ 99% test accuracy. Average pooling with tanh is the 1998 original; "
                "compare it with max pooling and relu.",
                "",
                self._defaults[0].epochs,
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        hint.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addWidget(data_box)
        left.addWidget(pen_box)
        left.addWidget(self.preview)
        left.addWidget(self.include_drawings)
        left.addStretch(1)
        left.addWidget(hint)
        left.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_widget = QWidget()
        left_widget.setLayout(left)
        # the settings scroll rather than squeeze when the banner or the result takes height
        left_scroll = QScrollArea()
        left_scroll.setObjectName("settingsScroll")
        left_scroll.setWidget(left_widget)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFixedWidth(340 + left_scroll.verticalScrollBar().sizeHint().width())
        left_widget.setMinimumWidth(340)

        self.curves = TrainingCurves()
        self.epochs_table = QTableWidget(0, 5)
        self.epochs_table.setObjectName("epochsTable")
        self.epochs_table.setHorizontalHeaderLabels(
            [
                self.tr("Epoch"),
                self.tr("Train loss"),
                self.tr("Train acc."),
                self.tr("Test acc."),
                self.tr("Time"),
            ]
        )
        self.epochs_table.verticalHeader().hide()
        self.epochs_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.epochs_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.epochs_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.epochs_table.verticalHeader().setDefaultSectionSize(22)
        # header and five epochs (the default run), shrinking before the curves do
        self.epochs_table.setMinimumHeight(80)
        self.epochs_table.setMaximumHeight(150)
        right = QVBoxLayout()
        right.addWidget(self.stage)
        right.addWidget(self.progress)
        right.addWidget(self.curves, 1)
        right.addWidget(self.epochs_table)
        self.accuracy_note = QLabel(TRAIN_VS_TEST())
        self.accuracy_note.setObjectName("accuracyNote")
        self.accuracy_note.setWordWrap(True)
        self.accuracy_note.setStyleSheet(f"color: {palette.MUTED_TEXT};")
        for column in (2, 3):
            self.epochs_table.horizontalHeaderItem(column).setToolTip(TRAIN_VS_TEST())
        right.addWidget(self.accuracy_note)

        columns = QHBoxLayout()
        columns.addWidget(left_scroll)
        columns.addLayout(right, 1)
        return columns

    # ----- what the base asks -----------------------------------------------------------------
    def texts(self) -> RunTexts:
        outcome = self.run.outcome
        accuracy = f"{100 * outcome.test_accuracy:.2f}".replace(".", "_") if outcome else "new"
        return RunTexts(
            start=self.tr("Train"),
            start_again=self.tr("Train again"),
            cancelled=self.tr("Training cancelled. The active model and files are unchanged."),
            failed_title=self.tr("Training failed"),
            save_caption=self.tr("Save the retrained weights"),
            suggested_file=f"lenet5-retrained-{accuracy}.pt",
            now_active=self.tr("The new model ({0}) is now active."),
        )

    def lock_inputs(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.defaults_button.setEnabled(not running)
        self.data_folder.set_locked(running)
        self.pen_folder.set_locked(running)

    @Slot()
    def _on_data_found(self) -> None:
        """MNIST is there now: an error about the data (a failed download) no longer applies."""
        if self.banner.property("kind") == "error" and not self.run.is_running():
            if self.run.error is None:  # a training failure keeps its message
                self.banner.hide()

    # ----- running ----------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Start a run with the form's settings; False (and a message) if it cannot start."""
        if self.run.is_running():
            return False
        try:
            config, model_config = self.form.train_config(), self.form.model_config()
        except ValueError as exc:
            self.show_message("error", self.tr("Invalid settings: {0}").format(exc))
            return False
        data_dir = self.data_folder.folder()
        if not training_data_ready(self.data_folder, self.pen_folder, self.show_message):
            if not self.data_folder.is_ready() and not self.data_folder.is_downloading():
                self.last_error = missing_data_message(data_dir)
            return False
        request = self.run.request(
            data_dir,
            config,
            model_config,
            self.torch_threads,
            drawings=self.include_drawings.drawings(),
            pen_file=self.pen_folder.pen_file(),
            device=self.form.device.device(),
        )
        self.curves.clear()
        self.curves.set_epochs(config.epochs)
        self.epochs_table.setRowCount(0)
        self._batches_seen = False
        self.progress.setVisible(False)
        self.stage.setText(
            self.tr(
                "Loading MNIST and preparing the network… (a few seconds; the bar moves "
                "once the first batches are done)"
            )
        )
        self.run_started()
        self.run.start(request)
        return True

    @Slot(str)
    def _on_stage(self, text: str) -> None:
        """Before the first batch a stage without a count of its own hides the bar rather than
        showing it busy (a busy bar looked full beside "89%")."""
        self._stage_text = text
        self.stage.setText(text)
        if not self._batches_seen:
            self.progress.setVisible(False)

    @Slot(float)
    def _on_preparing(self, fraction: float) -> None:
        """A pen pool being drawn before the first batch: the stage line and the bar say the
        same percentage ("Drawing 7,494 real pen digits like the canvas… 40%", bar at 40%)."""
        if self._batches_seen:
            return
        self.stage.setText(f"{self._stage_text} {fraction:.0%}")
        self.set_progress(fraction, self.tr("{0:.0%} drawn").format(fraction))

    @Slot(object)
    def _on_batches(self, batches: list) -> None:
        self._batches_seen = True
        self.progress.setVisible(True)
        self.curves.add_batches(batches)
        p = batches[-1]
        self.set_progress(
            p.fraction,
            self.tr("Epoch {0}/{1} · batch {2}/{3} · {4:.0%} · {5} left").format(
                p.epoch, p.epochs, p.batch, p.batches, p.fraction, _clock(p.eta)
            ),
        )

    @Slot(object)
    def _on_epoch(self, result: EpochResult) -> None:
        self.curves.add_epoch(result)
        row = self.epochs_table.rowCount()
        self.epochs_table.insertRow(row)
        cells = (
            str(result.epoch),
            f"{result.train_loss:.4f}",
            f"{result.train_accuracy:.2%}",
            f"{result.test_accuracy:.2%}",
            self.tr("{0:.1f} s").format(result.seconds),
        )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.epochs_table.setItem(row, col, item)
        self.epochs_table.scrollToBottom()

    def show_result(self) -> None:
        outcome = self.run.outcome
        new, old = outcome.test_accuracy, outcome.baseline_accuracy
        text = "<span style='font-size:15pt; font-weight:600'>{}</span>".format(
            self.tr("New model: {0:.2%}").format(new)
        )
        if old is not None:
            delta = 100 * (new - old)
            color = palette.GOOD if delta >= 0 else palette.WORSE
            points = self.tr("({0:+.2f} points)").format(delta)
            text += " &nbsp; {} <span style='color:{}'>{}</span>".format(
                self.tr("vs &nbsp; active model: {0:.2%}").format(old), color, points
            )
        text += "<br><small>{}</small>".format(
            self.tr("test accuracy on the same {0:,} MNIST images").format(outcome.test_images)
        )
        text += f"<br><small>{html.escape(trained_on(outcome))}</small>"
        self.result_label.setText(text)
        self.set_progress(1.0, self.tr("Done in {0}").format(_clock(outcome.seconds)))
        self.stage.setText(self.tr("Finished."))
        self.show_message(
            "success",
            self.tr(
                "Training finished. “Use this model” puts it in the live view; “Save…” keeps "
                "it in a file. Otherwise it is discarded when you close this dialog or train again."
            ),
        )

    @Slot(bool)
    def _on_preview_toggled(self, enabled: bool) -> None:
        self.run.set_preview(enabled)

    # ----- the result -------------------------------------------------------------------------
    @property
    def outcome(self) -> RetrainOutcome | None:
        """The finished, not yet discarded run's result."""
        return self.run.outcome

    @Slot()
    def use_model(self) -> str | None:
        """Hot-swap the new network into the window: prediction and every panel update once."""
        outcome = self.run.outcome
        label = super().use_model()
        if label is None:
            return None
        text = self.tr(
            "<span style='font-size:15pt; font-weight:600'>In use: {0:.2%}</span>"
        ).format(outcome.test_accuracy)
        if outcome.baseline_accuracy is not None:
            text += self.tr(" &nbsp; (the model it replaced: {0:.2%})").format(
                outcome.baseline_accuracy
            )
        text += self.tr("<br><small>test accuracy on the same {0:,} MNIST images</small>").format(
            outcome.test_images
        )
        self.result_label.setText(text)
        return label

    # ----- closing ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel any run or download and wait for their threads: safe to destroy afterwards."""
        self.data_folder.stop()
        self.pen_folder.stop()
        super().shutdown()

    def reset_view(self) -> None:
        self.curves.clear()  # reopened, the dialog starts afresh (the settings are kept)
        self.epochs_table.setRowCount(0)
        # the ~300 MB of training tensors are only worth keeping while the dialog is open
        DATA_CACHE.clear(data_cache.TRAINING, data_cache.PEN_POOL)


def trained_on(outcome: RetrainOutcome) -> str:
    """What the new network learnt from, in words."""
    if outcome.pen_digits:
        return QCoreApplication.translate(
            "RetrainDialog", "Trained on MNIST and {0:,} real pen digits."
        ).format(outcome.pen_digits)
    return QCoreApplication.translate(
        "RetrainDialog", "No real pen digits found: trained on MNIST alone."
    )


def _clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
