"""Training ▸ Fine-tune on my drawings…: run, watch, compare, then use, save or drop.

A thin view of `FinetuneRun` (app/teach/finetune_run.py) on the shared `ModelRunDialog`
(app/core/model_run_dialog.py: banner, progress, result row, buttons, closing). Non-modal: the
user keeps drawing while it runs. When it finishes, the fine-tuned network previews on the
canvas, and the dialog shows accuracy before and after on the user's own drawings (held out
when there are enough) and on the MNIST test set. The active model changes only on "Use this
model"; a file is written only by "Save…". Cancel or closing leaves both unchanged.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.context import AppContext
from app.core.error_text import error_text
from app.core.model_run_dialog import ModelRunDialog, RunTexts
from app.teach.finetune_run import FinetuneRequest, FinetuneRun, result_notes
from model.config import FinetuneConfig
from model.training.finetune import FinetuneProgress, FinetuneResult


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


class FinetuneDialog(ModelRunDialog):
    """Fine-tune the active network on the user's collection."""

    OBJECT_NAMES = (
        "finetuneStart",
        "finetuneCancel",
        "finetuneClose",
        "finetuneStage",
        "finetuneProgress",
        "finetuneResult",
        "finetuneBanner",
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        self.session = context.session
        self.user_collection = context.collection
        super().__init__(FinetuneRun(self.session), parent)
        self.run.setParent(self)
        self.setObjectName("finetuneDialog")
        self.setWindowTitle(self.tr("Fine-tune on my drawings"))
        #: what the next run uses (tests shorten it; the defaults take seconds on two cores)
        self.config = FinetuneConfig()
        self.mnist_subset: tuple[int | None, int | None] = (None, None)
        self.data_dir: Path | None = None
        self.use_pen = True
        self.count_label = QLabel()
        self.count_label.setObjectName("finetuneCount")
        self.count_label.setWordWrap(True)
        body = QVBoxLayout()
        body.addWidget(self.count_label)
        body.addWidget(self.stage)
        body.addWidget(self.progress)
        body.addStretch(1)
        self.assemble(body)
        self.user_collection.collection_changed.connect(self._update_count)
        self._update_count()
        self.resize(560, 340)

    # ----- what the base asks -------------------------------------------------------------
    def texts(self) -> RunTexts:
        return RunTexts(
            start=self.tr("Fine-tune"),
            start_again=self.tr("Fine-tune again"),
            cancelled=self.tr("Fine-tuning cancelled. The active model and files are unchanged."),
            failed_title=self.tr("Fine-tuning failed"),
            save_caption=self.tr("Save the fine-tuned weights"),
            suggested_file="lenet5-finetuned.pt",
            now_active=self.tr("The fine-tuned model ({0}) is now active."),
        )

    def save_failed(self, exc: BaseException) -> None:
        text = self.tr("{0}\nThe fine-tuned model was not saved.").format(error_text(exc))
        self.context.show_error(self.tr("Not saved"), text, exc)

    def _update_count(self) -> None:
        n = len(self.user_collection.collection)
        self.count_label.setText(
            self.tr(
                "Your collection has {0} drawings. Fine-tuning starts from the active network "
                "and mixes them, redrawn at other sizes, places and pen widths, with MNIST and "
                "real pen digits so that it does not forget other writing."
            ).format(n)
        )

    # ----- running ------------------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Start fine-tuning the active network; False (and why) if it cannot start."""
        if self.run.is_running():
            return False
        drawings = tuple(self.user_collection.collection.drawings)
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
        self.set_progress(0.0, "")
        self.stage.setText(self.tr("Loading MNIST and the pen digits…"))
        self.run_started()
        self.run.start(request)
        return True

    def on_progress(self, p: FinetuneProgress) -> None:
        if p.stage == "training":
            text = self.tr("Training: step {0} of {1}, loss {2:.3f}").format(
                p.step, p.steps, p.loss or 0.0
            )
        elif p.stage == "measuring":
            text = self.tr("Measuring before and after…")
        else:
            text = self.tr("Redrawing your drawings…")
        self.stage.setText(text)
        self.set_progress(p.fraction, f"{p.fraction:.0%}")

    def show_result(self) -> None:
        r: FinetuneResult = self.run.result
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
        notes = result_notes(r)
        if notes:
            text += f"<p><small>{html.escape(' '.join(notes))}</small></p>"
        self.result_label.setText(text)
        self.stage.setText(self.tr("Finished: {0} steps in {1:.1f} s.").format(r.steps, r.seconds))
        self.show_message(
            "success",
            self.tr(
                "The fine-tuned network now reads the canvas as a preview. “Use this model” "
                "makes it the active one; “Save…” writes it to a file."
            ),
        )
