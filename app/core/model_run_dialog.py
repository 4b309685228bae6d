"""The dialog around a `ModelRun`: banner, progress, result row, start / cancel / close.

Retrain and Fine-tune (and the architecture lab next) are non-modal dialogs of the same shape:
the user keeps drawing while a network is made on a worker thread, then uses, saves or drops
it. This base holds what they share, so it cannot drift apart again:

* the banner says every outcome in words, never in a modal box; its text is HTML-escaped, so a
  file name or an exception with `<` or `&` in it shows literally; a failure's sentence comes
  from the run (`app.core.error_text` for model errors), the traceback goes to the log and to
  "Details…";
* the progress bar and its text move together (`set_progress`), and both reset or complete
  with the run's end;
* "Use this model" and "Save…" act on the run's result; a save failure is said in the banner;
* closing (the Close button, Escape, the window closing) stops the run and waits for its thread,
  drops an unused result and ends any preview, so nothing is left half-done.

A subclass builds its own body (`body()`), checks and starts a run (`start`), shows a finished
result (`show_result`) and names its texts (`texts`).
"""

from __future__ import annotations

import html
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.error_text import error_text
from app.core.model_run import CANCELLED, FAILED, FINISHED, ModelRun
from app.widgets import palette
from app.widgets.save_dialog import ask_save_path
from model.errors import CheckpointError, SaveError

BANNER_STYLE = {
    kind: f"background:{bg}; color:{fg}; border:1px solid {border};"
    for kind, (bg, fg, border) in palette.BANNER.items()
}

PROGRESS_STEPS = 1000


@dataclass(frozen=True)
class RunTexts:
    """What differs in words between the dialogs (translated by the subclass)."""

    start: str  # the start button, first run
    start_again: str  # the start button after a run
    cancelled: str  # the banner after a cancel
    failed_title: str  # the Details box's title
    save_caption: str  # the save dialog's caption
    suggested_file: str  # the file name the save dialog suggests
    now_active: str  # "… ({0}) is now active.", {0}: the label


class ModelRunDialog(QDialog):
    """The shared half of a model-producing run's dialog; see the module docstring."""

    #: Emitted once per run after its thread has ended: "finished", "failed" or "cancelled".
    run_ended = Signal(str)

    #: object names of (start, cancel, close, stage, progress, result label, banner)
    OBJECT_NAMES = (
        "startButton",
        "cancelButton",
        "closeButton",
        "stageLabel",
        "runProgress",
        "resultLabel",
        "messageBanner",
    )

    def __init__(self, run: ModelRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.run = run
        self.last_error: str | None = None
        self._runs = 0
        self._build_shared()
        run.progress.connect(self.on_progress)
        run.ended.connect(self._on_ended)

    # ----- what subclasses say ------------------------------------------------------------
    def texts(self) -> RunTexts:
        raise NotImplementedError

    def show_result(self) -> None:
        """Show the finished run's result (the result row is visible, Use/Save enabled)."""
        raise NotImplementedError

    def on_progress(self, value: object) -> None:
        """The run's progress values (subclasses move the bar with `set_progress`)."""

    def lock_inputs(self, running: bool) -> None:
        """Disable what must not change while a run goes (settings, folders)."""

    def reset_view(self) -> None:
        """Closing: the dialog's own views start afresh when it is reopened."""

    def save_failed(self, exc: BaseException) -> None:
        """A save failed (already said in the banner); e.g. an error box as well."""

    # ----- layout -------------------------------------------------------------------------
    def _build_shared(self) -> None:
        names = self.OBJECT_NAMES
        self.stage = QLabel(QCoreApplication.translate("ModelRunDialog", "Ready."))
        self.stage.setObjectName(names[3])
        self.stage.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName(names[4])
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden while a stage line says its own progress
        self.progress.setSizePolicy(policy)

        self.banner = QLabel()
        self.banner.setObjectName(names[6])
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.result_label = QLabel()
        self.result_label.setObjectName(names[5])
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setWordWrap(True)
        self.use_button = QPushButton(
            QCoreApplication.translate("ModelRunDialog", "Use this model")
        )
        self.use_button.setObjectName("useButton")
        self.use_button.clicked.connect(self.use_model)
        self.save_button = QPushButton(QCoreApplication.translate("ModelRunDialog", "Save…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save_model)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.use_button)
        result_row.addWidget(self.save_button)
        self.result_box = QGroupBox(QCoreApplication.translate("ModelRunDialog", "Result"))
        self.result_box.setLayout(result_row)
        self.result_box.hide()

        self.start_button = QPushButton()
        self.start_button.setObjectName(names[0])
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(QCoreApplication.translate("ModelRunDialog", "Cancel"))
        self.cancel_button.setObjectName(names[1])
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(QCoreApplication.translate("ModelRunDialog", "Close"))
        self.close_button.setObjectName(names[2])
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.details_button = QPushButton(QCoreApplication.translate("ModelRunDialog", "Details…"))
        self.details_button.setObjectName("errorDetails")
        self.details_button.setAutoDefault(False)
        self.details_button.setToolTip(
            QCoreApplication.translate("ModelRunDialog", "What went wrong, with the traceback")
        )
        self.details_button.clicked.connect(self.show_error_details)
        self.details_button.hide()

    def assemble(self, body: QLayout) -> None:
        """The dialog's layout: the subclass's body, then banner, result row and buttons."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.result_box)
        layout.addLayout(buttons)
        self._set_running(False)

    # ----- state --------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.run.is_running()

    def _set_running(self, running: bool) -> None:
        self.lock_inputs(running)
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        texts = self.texts()
        self.start_button.setText(texts.start_again if self._runs else texts.start)
        has_result = self.run.result is not None and not running
        self.save_button.setEnabled(has_result)
        if not has_result:
            self.use_button.setEnabled(False)

    def set_progress(self, fraction: float | None, text: str = "") -> None:
        """The bar and its text together; None: busy (no fraction known yet)."""
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, PROGRESS_STEPS)
            self.progress.setValue(round(PROGRESS_STEPS * min(max(fraction, 0.0), 1.0)))
        self.progress.setFormat(text)
        self.progress.setVisible(True)

    @Slot(str, str)
    def show_message(self, kind: str, text: str) -> None:
        """The banner: every outcome and error is said here, in words, without a modal box."""
        self.details_button.setVisible(kind == "error" and self.run.error is not None)
        self.banner.setStyleSheet(f"QLabel {{ {BANNER_STYLE[kind]} padding:6px; }}")
        self.banner.setText(html.escape(text, quote=False).replace("\n", "<br>"))
        self.banner.setProperty("kind", kind)
        self.banner.show()

    @Slot()
    def show_error_details(self) -> QMessageBox | None:
        """The last failure in a box, its traceback under "Show Details…" (for a bug report)."""
        exc = self.run.error
        if exc is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.texts().failed_title, self.last_error or "", parent=self
        )
        box.setObjectName("errorBox")
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        box.open()
        return box

    # ----- running ------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Check the inputs and start a run; False (and a message) if it cannot start."""
        raise NotImplementedError

    def run_started(self) -> None:
        """A subclass has just started the run: clear the last one's traces."""
        self.last_error = None
        self.banner.hide()
        self.details_button.hide()
        self.result_box.hide()
        self.result_label.clear()
        self._runs += 1
        self._set_running(True)

    @Slot()
    def cancel(self) -> None:
        """Ask the run to stop; it ends (signal `run_ended`) within a batch or so."""
        if self.run.is_running():
            self.run.cancel()
            self.stage.setText(QCoreApplication.translate("ModelRunDialog", "Cancelling…"))
            self.cancel_button.setEnabled(False)

    @Slot(str)
    def _on_ended(self, state: str) -> None:
        """Show how the run ended, unlock the inputs, and tell `run_ended` listeners."""
        if state == FINISHED and self.run.result is not None:
            self.use_button.setEnabled(True)
            self.use_button.setText(QCoreApplication.translate("ModelRunDialog", "Use this model"))
            self.save_button.setEnabled(True)
            self.result_box.show()
            self.set_progress(1.0, self.progress.format())
            self.show_result()
        elif state == FAILED:
            text = self.run.error_message or QCoreApplication.translate(
                "ModelRunDialog", "Training failed."
            )
            self.last_error = text
            self.stage.setText(QCoreApplication.translate("ModelRunDialog", "Failed."))
            self.set_progress(0.0, "")
            self.show_message(
                "error",
                QCoreApplication.translate(
                    "ModelRunDialog", "{0} The active model is unchanged."
                ).format(text),
            )
        elif state == CANCELLED:
            self.stage.setText(QCoreApplication.translate("ModelRunDialog", "Cancelled."))
            self.set_progress(0.0, QCoreApplication.translate("ModelRunDialog", "Cancelled"))
            self.show_message("info", self.texts().cancelled)
        self._set_running(False)
        self.run_ended.emit(state)

    # ----- the result ---------------------------------------------------------------------
    @Slot()
    def use_model(self) -> str | None:
        """Make the result the active model: prediction and every view update once."""
        label = self.run.use()
        if label is None:
            return None
        self.use_button.setEnabled(False)
        self.use_button.setText(QCoreApplication.translate("ModelRunDialog", "In use ✓"))
        self.show_message("success", self.texts().now_active.format(label))
        return label

    @Slot()
    def save_model(self) -> Path | None:
        """Ask for a file name and save there (atomically, keeping a `.bak` of a replaced file)."""
        if self.run.result is None:
            return None
        texts = self.texts()
        path = ask_save_path(
            self,
            texts.save_caption,
            str(Path.home() / texts.suggested_file),
            QCoreApplication.translate("ModelRunDialog", "LeNet Lens weights (*.pt)"),
        )
        return self.save_to(path) if path else None

    def save_to(self, path: str | Path) -> Path | None:
        """Save the result; on failure the banner says why and that nothing was saved."""
        if self.run.result is None:
            return None
        try:
            saved = self.run.save(path)
        except (CheckpointError, SaveError) as exc:
            self.show_message(
                "error",
                QCoreApplication.translate("ModelRunDialog", "Not saved: {0}").format(
                    error_text(exc)
                ),
            )
            self.save_failed(exc)
            return None
        self.show_message(
            "success", QCoreApplication.translate("ModelRunDialog", "Saved to {0}.").format(saved)
        )
        return saved

    # ----- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the run and wait for its thread: safe to destroy afterwards."""
        self.run.stop()  # emits ended("cancelled") if a run was going

    def _close_down(self) -> None:
        self.shutdown()
        self.run.discard()
        self._set_running(False)
        self.banner.hide()
        self.details_button.hide()
        self.result_box.hide()
        self.set_progress(0.0, "")
        self.stage.setText(QCoreApplication.translate("ModelRunDialog", "Ready."))
        self.reset_view()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing (or the window closing) stops any run first; an unsaved result is dropped."""
        self._close_down()
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape and the Close button: the same as closing."""
        self._close_down()
        super().reject()
