"""Training ▸ Retrain…: settings, live progress and curves, then keep, save or discard.

The dialog is non-modal, so the user keeps drawing and the active model keeps answering while a
new network trains on a worker thread. The active model changes only when the user presses
"Use this model"; a file is written only by "Save…" (atomically, via `save_checkpoint`). Closing
the dialog, or the window, cancels a run and waits for its thread, so nothing is left half-done.
Messages appear in a banner inside the dialog rather than in modal boxes, so a failure never
blocks the window.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.data_cache import DATA_CACHE
from app.core.error_text import error_text
from app.core.session import LiveSession
from app.data.folder_row import DataFolderRow
from app.data.pen_row import PenFolderRow
from app.retrain.curves import TrainingCurves
from app.retrain.form import ConfigForm
from app.retrain.run import FAILED, FINISHED, RetrainRun
from app.retrain.worker import RetrainOutcome
from app.shell.error_boxes import show_error
from app.teach.retrain_option import IncludeDrawingsCheck
from app.widgets import palette
from model.config import QUICK_RETRAIN, ModelConfig, TrainConfig
from model.data.mnist import missing_data_message, resolve_data_dir
from model.errors import CheckpointError

#: torch threads for training; None: the idle cores at the start of a run (see
#: `worker.training_threads`). The GUI itself runs torch single-threaded (app/shell/runtime.py).
TRAINING_THREADS: int | None = None

BANNER_STYLE = {
    kind: f"background:{bg}; color:{fg}; border:1px solid {border};"
    for kind, (bg, fg, border) in palette.BANNER.items()
}


def TRAIN_VS_TEST() -> str:  # noqa: N802 (a translated constant)
    return QCoreApplication.translate(
        "RetrainDialog",
        "Train acc. is measured during the epoch on distorted (augmented) training images while "
        "the network is still learning; test acc. on clean test images after the epoch. So in "
        "the first epochs train acc. is usually the lower one.",
    )


class RetrainDialog(QDialog):
    """Retrain LeNet-5 from the GUI; see the module docstring for the guarantees."""

    #: Emitted once per run after its thread has ended: "finished", "failed" or "cancelled".
    run_ended = Signal(str)

    def __init__(
        self,
        session: LiveSession,
        parent: QWidget | None = None,
        data_dir: str | Path | None = None,
        config: TrainConfig = QUICK_RETRAIN,
        model_config: ModelConfig | None = None,
        pen_dir: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("retrainDialog")
        self.setWindowTitle(self.tr("Retrain LeNet-5"))
        self.setModal(False)
        self.run = RetrainRun(session, self)
        self.last_error: str | None = None
        #: torch threads for training (None: idle cores, app.core.cpu)
        self.torch_threads: int | None = TRAINING_THREADS
        self._runs = 0
        self._defaults = (config, model_config or ModelConfig())
        self._build(resolve_data_dir(data_dir), *self._defaults, pen_dir)
        self.run.stage.connect(self.stage.setText)
        self.run.batches.connect(self._on_batches)
        self.run.epoch_result.connect(self._on_epoch)
        self.run.ended.connect(self._on_ended)
        self._set_running(False)
        self.resize(1060, 700)

    # ----- layout -----------------------------------------------------------------------------
    def _build(
        self,
        data_dir: Path,
        config: TrainConfig,
        model_config: ModelConfig,
        pen_dir: str | Path | None = None,
    ) -> None:
        self.form = ConfigForm(config, model_config)
        settings_box = QGroupBox(self.tr("Settings"))
        QVBoxLayout(settings_box).addWidget(self.form)
        self.data_folder = DataFolderRow(data_dir)
        self.data_folder.message.connect(self.show_message)
        self.data_folder.found.connect(self._on_data_found)
        data_box = QGroupBox(self.tr("MNIST data folder"))
        QVBoxLayout(data_box).addWidget(self.data_folder)
        self.pen_folder = PenFolderRow(pen_dir)
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
        self.include_drawings = IncludeDrawingsCheck(self.parent())
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
        left_widget.setFixedWidth(340)

        self.stage = QLabel(self.tr("Ready."))
        self.stage.setObjectName("stageLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("trainProgress")
        self.progress.setTextVisible(True)
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
        self.epochs_table.setFixedHeight(150)  # header and five epochs: the default run
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
        columns.addWidget(left_widget)
        columns.addLayout(right, 1)

        self.banner = QLabel()
        self.banner.setObjectName("messageBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.use_button = QPushButton(self.tr("Use this model"))
        self.use_button.setObjectName("useButton")
        self.use_button.clicked.connect(self.use_model)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save_model)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.use_button)
        result_row.addWidget(self.save_button)
        self.result_box = QGroupBox(self.tr("Result"))
        self.result_box.setLayout(result_row)
        self.result_box.hide()

        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("trainButton")
        self.train_button.setDefault(True)
        self.train_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel training"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.setObjectName("errorDetails")
        self.details_button.setAutoDefault(False)
        self.details_button.setToolTip(self.tr("What went wrong, with the traceback"))
        self.details_button.clicked.connect(self.show_error_details)
        self.details_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.result_box)
        layout.addLayout(buttons)

    # ----- state ------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.run.is_running()

    def _set_running(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.defaults_button.setEnabled(not running)
        self.data_folder.set_locked(running)
        self.pen_folder.set_locked(running)
        self.train_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.train_button.setText(self.tr("Train again") if self._runs else "Train")

    @Slot()
    def show_error_details(self) -> QMessageBox | None:
        """The last failure's error box, traceback under "Show Details…" (for a bug report)."""
        if self.run.error is None:
            return None
        return show_error(self, self.tr("Training failed"), self.last_error or "", self.run.error)

    @Slot(str, str)
    def show_message(self, kind: str, text: str) -> None:
        """The banner: every outcome and error is said here, in words, without a modal box."""
        self.details_button.setVisible(kind == "error" and self.run.error is not None)
        self.banner.setStyleSheet(f"QLabel {{ {BANNER_STYLE[kind]} padding:6px; }}")
        self.banner.setText(html.escape(text))
        self.banner.setProperty("kind", kind)
        self.banner.show()

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
        self.data_folder.refresh()
        self.pen_folder.refresh()
        if self.data_folder.is_downloading() or self.pen_folder.is_downloading():
            self.show_message("info", self.tr("Wait for the download to finish, or cancel it."))
            return False
        if not self.data_folder.is_ready():
            self.last_error = missing_data_message(data_dir)
            self.show_message(
                "error",
                self.tr(
                    "MNIST is not in {0}. Download it there with the button above, "
                    "or choose a folder that has the four files."
                ).format(data_dir),
            )
            return False
        self._discard()
        self.last_error = None
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
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        self.stage.setText(
            self.tr(
                "Loading MNIST and preparing the network… (a few seconds; the bar moves "
                "once the first batches are done)"
            )
        )
        self.banner.hide()
        self.details_button.hide()
        self._runs += 1
        self._set_running(True)
        self.run.start(request)
        return True

    @Slot()
    def cancel(self) -> None:
        """Ask the run to stop; it ends (signal `run_ended`) within a batch or so."""
        if self.run.is_running():
            self.run.cancel()
            self.stage.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    @Slot(object)
    def _on_batches(self, batches: list) -> None:
        self.curves.add_batches(batches)
        p = batches[-1]
        self.progress.setRange(0, 1000)
        self.progress.setValue(round(1000 * p.fraction))
        self.progress.setFormat(
            self.tr("Epoch {0}/{1} · batch {2}/{3} · {4:.0%} · {5} left").format(
                p.epoch, p.epochs, p.batch, p.batches, p.fraction, _clock(p.eta)
            )
        )

    @Slot(object)
    def _on_epoch(self, result) -> None:  # noqa: ANN001 (EpochResult)
        self.curves.add_epoch(result)
        row = self.epochs_table.rowCount()
        self.epochs_table.insertRow(row)
        cells = (
            str(result.epoch),
            f"{result.train_loss:.4f}",
            f"{result.train_accuracy:.2%}",
            f"{result.test_accuracy:.2%}",
            f"{result.seconds:.1f} s",
        )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.epochs_table.setItem(row, col, item)
        self.epochs_table.scrollToBottom()

    @Slot(str)
    def _on_ended(self, state: str) -> None:
        """Show how the run ended, unlock the form, and tell `run_ended` listeners."""
        if state == FINISHED and self.run.outcome is not None:
            self._show_outcome(self.run.outcome)
        elif state == FAILED:
            text = self.run.error_message or self.tr("Training failed.")
            self.last_error = text
            self.stage.setText(self.tr("Failed."))
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
            self.progress.setFormat("")
            self.show_message("error", self.tr("{0} The active model is unchanged.").format(text))
        else:
            self.stage.setText(self.tr("Cancelled."))
            self.progress.setRange(0, 1000)
            self.progress.setFormat(self.tr("Cancelled"))
            self.show_message(
                "info", self.tr("Training cancelled. The active model and files are unchanged.")
            )
        self._set_running(False)
        self.run_ended.emit(state)

    def _show_outcome(self, outcome: RetrainOutcome) -> None:
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
        self.use_button.setEnabled(True)
        self.use_button.setText(self.tr("Use this model"))
        self.save_button.setEnabled(True)
        self.result_box.show()
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("Done in {0}").format(_clock(outcome.seconds)))
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
    def use_model(self) -> None:
        """Hot-swap the new network into the window: prediction and every panel update."""
        label = self.run.use()
        if label is None:
            return
        self.use_button.setEnabled(False)
        self.use_button.setText(self.tr("In use ✓"))
        outcome = self.run.outcome
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
        self.show_message("success", self.tr("The new model ({0}) is now active.").format(label))

    @Slot()
    def save_model(self) -> Path | None:
        """Ask for a file name and save there (atomically, keeping a `.bak` of a replaced file)."""
        if self.outcome is None:
            return None
        accuracy = f"{100 * self.outcome.test_accuracy:.2f}".replace(".", "_")
        suggested = Path.home() / f"lenet5-retrained-{accuracy}.pt"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the retrained weights"),
            str(suggested),
            self.tr("LeNet Lens weights (*.pt)"),
        )
        return self.save_to(path) if path else None

    def save_to(self, path: str | Path) -> Path | None:
        if self.outcome is None:
            return None
        try:
            saved = self.run.save(path)
        except CheckpointError as exc:
            self.show_message("error", self.tr("Not saved: {0}").format(error_text(exc)))
            return None
        self.show_message("success", self.tr("Saved to {0}.").format(saved))
        return saved

    def _discard(self) -> None:
        """Forget an unused result (its network stays alive only if the window is using it)."""
        self.run.discard()
        self.result_box.hide()

    # ----- closing ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel any run or download and wait for their threads: safe to destroy afterwards."""
        self.data_folder.stop()
        self.pen_folder.stop()
        self.run.stop()  # emits ended("cancelled") if a run was going

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Closing (or the window closing) stops any run first; an unsaved result is dropped."""
        self._close_down()
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape and the Close button: the same as closing."""
        self._close_down()
        super().reject()

    def _close_down(self) -> None:
        self.shutdown()
        self._discard()
        self.banner.hide()
        self.details_button.hide()
        self.curves.clear()  # reopened, the dialog starts afresh (the settings are kept)
        self.epochs_table.setRowCount(0)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.stage.setText(self.tr("Ready."))
        DATA_CACHE.clear()  # the ~300 MB of loaded MNIST are only worth keeping while open


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
