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

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.context import AppContext
from app.core.error_text import error_text
from app.core.model_run_dialog import ModelRunDialog, RunTexts
from app.data.missing import DataMissingBox
from app.teach.finetune_run import FinetuneOutcome, FinetuneRequest, FinetuneRun, result_notes
from app.widgets import palette
from model.config import FinetuneConfig
from model.data.mnist import missing_files
from model.data.pen_digits import find_pen_file
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
        #: what will be mixed in, said before starting (MNIST missing: fine-tuning may forget)
        self.mix_label = QLabel()
        self.mix_label.setObjectName("finetuneMix")
        self.mix_label.setWordWrap(True)
        self.data_missing = DataMissingBox(
            self.tr(
                "MNIST is mixed in so that the network does not forget other writing, and "
                "measures what fine-tuning changed. Choose the folder that has it, or download it:"
            ),
            context.data_location,
        )
        self.data_missing.ready.connect(self._update_count)
        context.data_location.changed.connect(self._update_count)
        body = QVBoxLayout()
        body.addWidget(self.count_label)
        body.addWidget(self.mix_label)
        body.addWidget(self.data_missing)
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
                "Your collection has %n drawing(s). Fine-tuning starts from the active network "
                "and teaches it them, redrawn at other sizes, places and pen widths.",
                "",
                n,
            )
        )
        self.mix_label.setText(self.mixture_text())
        if not self.is_running() and not self.data_missing.check():
            self.grow_to_fit()

    def mnist_folder(self) -> Path:
        """The MNIST folder the next run uses: the app's (tests may set `data_dir`)."""
        if self.data_dir is not None:
            return self.data_dir
        return self.context.data_location.mnist_dir()

    def pen_file(self) -> Path | None:
        """The pen-digit file the next run mixes in, None: none (or not wanted)."""
        if not self.use_pen:
            return None
        return find_pen_file(self.context.data_location.pen_dir()) or find_pen_file()

    def mixture_text(self) -> str:
        """What the next run mixes in, in words, before it starts."""
        mnist_ok = not missing_files(self.mnist_folder())
        pen = self.pen_file()
        if mnist_ok and pen is not None:
            return self.tr(
                "Mixed in so that it does not forget other writing: MNIST training images "
                "(from {0}) and real pen digits ({1}). The change is measured on the MNIST test "
                "set, per digit."
            ).format(self.mnist_folder(), pen.name)
        if mnist_ok:
            return self.tr(
                "Mixed in so that it does not forget other writing: MNIST training images "
                "(from {0}); no real pen digits found. The change is measured on the MNIST "
                "test set, per digit."
            ).format(self.mnist_folder())
        if pen is not None:
            return self.tr(
                "⚠ MNIST is not in {0}: only real pen digits ({1}) are mixed in, and the change "
                "on MNIST cannot be measured."
            ).format(self.mnist_folder(), pen.name)
        return self.tr(
            "⚠ Neither MNIST nor real pen digits found: nothing is mixed in, so the network may "
            "forget other writing, and the change on MNIST cannot be measured."
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
        if self.data_missing.row.is_downloading():
            self.show_message("info", self.tr("Wait for the download to finish, or cancel it."))
            return False
        request = FinetuneRequest(
            self.session.predictor.checkpoint,
            drawings,
            self.mnist_folder(),
            self.config,
            self.mnist_subset,
            use_pen=self.use_pen,
            pen_file=self.pen_file(),
        )
        self.mix_label.setText(self.mixture_text())
        self.set_progress(None, "")
        self.stage.setText(self.tr("Loading MNIST and the pen digits…"))
        self.run_started()
        self.run.start(request)
        return True

    def on_progress(self, p: FinetuneProgress) -> None:
        """The bar says what the line says: training steps while training ("step 2 of 120" is
        2/120 of the bar), busy while redrawing and measuring (no step count there)."""
        if p.stage == "training" and p.steps:
            self.stage.setText(
                self.tr("Training: step {0} of {1}, loss {2:.3f}").format(
                    p.step, p.steps, p.loss or 0.0
                )
            )
            self.set_progress(p.step / p.steps, self.tr("step {0} of {1}").format(p.step, p.steps))
            return
        if p.stage == "measuring":
            self.stage.setText(self.tr("Measuring before and after…"))
        else:
            self.stage.setText(self.tr("Redrawing your drawings…"))
        self.set_progress(None, "")

    def grow_to_fit(self) -> None:
        """Taller when the result (or the data box) needs it: nothing is squeezed."""
        self.layout().activate()
        layout = self.layout()
        needed = max(self.sizeHint().height(), layout.totalHeightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    def lock_inputs(self, running: bool) -> None:
        self.data_missing.setEnabled(not running)

    def shutdown(self) -> None:
        self.data_missing.stop()
        super().shutdown()

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
        text += by_class_table(r)
        notes = result_notes(r)
        if notes:
            text += f"<p><small>{html.escape(' '.join(notes))}</small></p>"
        self.result_label.setText(text)
        self.grow_to_fit()
        self.stage.setText(self.tr("Finished: {0} steps in {1:.1f} s.").format(r.steps, r.seconds))
        self.show_message(
            "success",
            self.tr(
                "The fine-tuned network now reads the canvas as a preview. “Use this model” "
                "makes it the active one; “Save…” writes it to a file."
            ),
        )


#: a per-digit change of at least this many points is coloured (smaller ones are noise on a
#: few hundred images)
NOTABLE_POINTS = 1.0


def by_class_table(result: FinetuneOutcome) -> str:
    """MNIST test accuracy per digit before → after, the changes coloured, and the largest drop
    in words (fine-tuning on crossed 7s can make MNIST 2s read as 7); "" without MNIST."""
    by_class = getattr(result, "mnist_by_class", None)
    if by_class is None:
        return ""
    before, after = by_class
    change = 100 * (after - before)
    head = "".join(f"<th>&nbsp;{d}&nbsp;</th>" for d in range(10))
    rows = []
    named = (
        (QCoreApplication.translate("FinetuneDialog", "before"), before),
        (QCoreApplication.translate("FinetuneDialog", "after"), after),
    )
    for name, values in named:
        cells = "".join(f"<td align='right'>{100 * v:.1f}</td>" for v in values)
        rows.append(f"<tr><td style='white-space:nowrap'>{html.escape(name)}</td>{cells}</tr>")
    deltas = []
    for d in change:
        colour = palette.GOOD if d > 0 else palette.WORSE
        text = f"{d:+.1f}"
        deltas.append(
            f"<td align='right' style='color:{colour}'><b>{text}</b></td>"
            if abs(d) >= NOTABLE_POINTS
            else f"<td align='right'>{text}</td>"
        )
    change_name = html.escape(QCoreApplication.translate("FinetuneDialog", "change"))
    rows.append(f"<tr><td style='white-space:nowrap'>{change_name}</td>{''.join(deltas)}</tr>")
    title = html.escape(
        QCoreApplication.translate("FinetuneDialog", "MNIST test accuracy per digit (%)")
    )
    text = f"<p><b>{title}</b></p><table><tr><td></td>{head}</tr>{''.join(rows)}</table>"
    worst = int(change.argmin())
    if change[worst] <= -NOTABLE_POINTS:
        text += "<p><small>{}</small></p>".format(
            html.escape(
                QCoreApplication.translate(
                    "FinetuneDialog",
                    "MNIST {0}s lost the most: {1:+.1f} points. What it learnt from your "
                    "drawings changed how it reads other people's {0}s.",
                ).format(worst, change[worst])
            )
        )
    return text
