"""Training ▸ Fine-tune on my drawings…: run, watch, compare, then use, save or drop.

A thin view of `FinetuneRun` (app/teach/finetune_run.py). Non-modal: the user keeps drawing
while it runs. When it finishes, the fine-tuned network previews on the canvas, and the dialog
shows accuracy before and after on the user's own drawings (held out when there are enough)
and on the MNIST test set. The active model changes only on "Use this model"; a file is
written only by "Save…". Cancel or closing leaves both unchanged.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.teach.finetune_run import CANCELLED, FAILED, FINISHED, FinetuneRequest, FinetuneRun
from app.widgets import palette
from model.config import FinetuneConfig
from model.errors import CheckpointError, SaveError
from model.training.finetune import FinetuneProgress


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


class FinetuneDialog(QDialog):
    """Fine-tune the active network on the user's collection."""

    run_ended = Signal(str)

    def __init__(self, teacher, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("finetuneDialog")
        self.setWindowTitle(self.tr("Fine-tune on my drawings"))
        self.setModal(False)
        self.teacher = teacher
        self.session = teacher.window.session
        self.run = FinetuneRun(self.session, self)
        #: what the next run uses (tests shorten it; the defaults take seconds on two cores)
        self.config = FinetuneConfig()
        self.mnist_subset: tuple[int | None, int | None] = (None, None)
        self.data_dir: Path | None = None
        self.use_pen = True
        self._build()
        self.run.progress.connect(self._on_progress)
        self.run.ended.connect(self._on_ended)
        teacher.collection_changed.connect(self._update_count)
        self._update_count()
        self._set_running(False)
        self.resize(520, 300)

    def _build(self) -> None:
        self.count_label = QLabel()
        self.count_label.setObjectName("finetuneCount")
        self.count_label.setWordWrap(True)
        self.stage = QLabel(self.tr("Ready."))
        self.stage.setObjectName("finetuneStage")
        self.progress = QProgressBar()
        self.progress.setObjectName("finetuneProgress")
        self.progress.setRange(0, 1000)
        self.result_label = QLabel()
        self.result_label.setObjectName("finetuneResult")
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("finetuneBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.start_button = QPushButton(self.tr("Fine-tune"))
        self.start_button.setObjectName("finetuneStart")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("finetuneCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button = QPushButton(self.tr("Use this model"))
        self.use_button.setObjectName("useButton")
        self.use_button.clicked.connect(self.use_model)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save_model)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("finetuneClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.use_button, self.save_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)

    # ----- state --------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.run.is_running()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        has_result = self.run.result is not None and not running
        self.use_button.setEnabled(has_result)
        self.save_button.setEnabled(has_result)

    def _update_count(self) -> None:
        n = len(self.teacher.collection)
        self.count_label.setText(
            self.tr(
                "Your collection has {0} drawings. Fine-tuning starts from the active network "
                "and mixes them, redrawn at other sizes, places and pen widths, with MNIST and "
                "real pen digits so that it does not forget other writing."
            ).format(n)
        )

    def show_message(self, kind: str, text: str) -> None:
        colors = {"error": palette.WORSE, "success": palette.GOOD, "info": palette.MUTED_TEXT}
        self.banner.setStyleSheet(f"color: {colors.get(kind, palette.MUTED_TEXT)};")
        self.banner.setProperty("kind", kind)
        self.banner.setText(text)
        self.banner.show()

    # ----- running ------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Start fine-tuning the active network; False (and why) if it cannot start."""
        if self.run.is_running():
            return False
        drawings = tuple(self.teacher.collection.drawings)
        if not drawings:
            self.show_message(
                "error",
                self.tr(
                    "Your collection is empty: draw a digit and press one of the “That was a…” "
                    "buttons (or Ctrl+digit) to keep it, then fine-tune."
                ),
            )
            return False
        request = FinetuneRequest(
            self.session.predictor.checkpoint,
            drawings,
            self.data_dir,
            self.config,
            self.mnist_subset,
            use_pen=self.use_pen,
        )
        self.result_label.clear()
        self.banner.hide()
        self.progress.setValue(0)
        self.stage.setText(self.tr("Loading MNIST and the pen digits…"))
        self.run.start(request)
        self._set_running(True)
        return True

    @Slot()
    def cancel(self) -> None:
        if self.run.is_running():
            self.run.cancel()
            self.stage.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    @Slot(object)
    def _on_progress(self, p: FinetuneProgress) -> None:
        self.progress.setValue(round(1000 * p.fraction))
        if p.stage == "training":
            self.stage.setText(
                self.tr("Training: step {0} of {1}, loss {2:.3f}").format(
                    p.step, p.steps, p.loss or 0.0
                )
            )
        elif p.stage == "measuring":
            self.stage.setText(self.tr("Measuring before and after…"))
        else:
            self.stage.setText(self.tr("Redrawing your drawings…"))

    @Slot(str)
    def _on_ended(self, state: str) -> None:
        if state == FINISHED and self.run.result is not None:
            self._show_result()
        elif state == FAILED:
            self.stage.setText(self.tr("Failed."))
            error = self.run.error
            self.show_message(
                "error",
                self.tr("{0} The active model is unchanged.").format(
                    error if error is not None else ""
                ),
            )
        elif state == CANCELLED:
            self.stage.setText(self.tr("Cancelled."))
            self.progress.setValue(0)
            self.show_message(
                "info", self.tr("Fine-tuning cancelled. The active model and files are unchanged.")
            )
        self._set_running(False)
        self.run_ended.emit(state)

    def _show_result(self) -> None:
        r = self.run.result
        which = (
            self.tr("held out: {0} drawings it was not taught").format(r.user_eval_count)
            if r.held_out
            else self.tr("the {0} drawings it was taught (too few to hold some out)").format(
                r.user_eval_count
            )
        )
        rows = [
            (self.tr("Your drawings"), r.user_before, r.user_after, which),
            (
                self.tr("MNIST test"),
                r.mnist_before,
                r.mnist_after,
                self.tr("{0} images").format(r.mnist_count)
                if r.mnist_before is not None
                else self.tr("MNIST not found: not measured"),
            ),
        ]
        cells = "".join(
            f"<tr><td>{html.escape(name)}</td><td align='right'>{_pct(a)}</td>"
            f"<td>&nbsp;→&nbsp;</td><td align='right'><b>{_pct(b)}</b></td>"
            f"<td>&nbsp;<small>{html.escape(note)}</small></td></tr>"
            for name, a, b, note in rows
        )
        head = html.escape(self.tr("Accuracy before → after"))
        text = f"<b>{head}</b><table>{cells}</table>"
        if r.note:
            text += f"<p><small>{html.escape(r.note)}</small></p>"
        self.result_label.setText(text)
        self.progress.setValue(1000)
        self.stage.setText(self.tr("Finished: {0} steps in {1:.1f} s.").format(r.steps, r.seconds))
        self.show_message(
            "success",
            self.tr(
                "The fine-tuned network now reads the canvas as a preview. “Use this model” "
                "makes it the active one; “Save…” writes it to a file."
            ),
        )

    # ----- the result ---------------------------------------------------------------------
    @Slot()
    def use_model(self) -> str | None:
        label = self.run.use()
        if label is None:
            return None
        self.use_button.setEnabled(False)
        self.use_button.setText(self.tr("In use ✓"))
        self.show_message(
            "success", self.tr("The fine-tuned model ({0}) is now active.").format(label)
        )
        return label

    @Slot()
    def save_model(self) -> Path | None:
        if self.run.result is None:
            return None
        suggested = Path.home() / "lenet5-finetuned.pt"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the fine-tuned weights"),
            str(suggested),
            self.tr("LeNet Lens weights (*.pt)"),
        )
        return self.save_to(path) if path else None

    def save_to(self, path: str | Path) -> Path | None:
        """Save the result; on failure the error box says why and that it was not saved."""
        if self.run.result is None:
            return None
        try:
            saved = self.run.save(path)
        except (CheckpointError, SaveError) as exc:
            text = self.tr("{0}\nThe fine-tuned model was not saved.").format(exc)
            self.show_message("error", text)
            self.teacher.window.show_error(self.tr("Not saved"), text, exc)
            return None
        self.show_message("success", self.tr("Saved to {0}.").format(saved))
        return saved

    # ----- closing ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop any run and its preview; drop an unused result."""
        self.run.stop()
        self.run.discard()
        self._set_running(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)

    def reject(self) -> None:
        self.shutdown()
        super().reject()
