"""Per-sample predictions of an evaluation as CSV: index, label, prediction, confidence, p0..p9.

Written to a temporary sibling and renamed over the target, so an interrupted export never
leaves half a file where a good one was.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from model.dataset_eval import Evaluation
from model.errors import LeNetLensError

HEADER = ["index", "label", "prediction", "confidence", *(f"p{d}" for d in range(10))]


class ExportError(LeNetLensError):
    """An export could not be written (folder missing, no permission, disk full)."""


def predictions_csv(evaluation: Evaluation, sources: Sequence[str] | None = None) -> str:
    """The CSV text; unknown labels are left empty, `sources` adds a `file` column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER + (["file"] if sources is not None else []))
    confidences = evaluation.confidences
    for i in range(len(evaluation)):
        label = int(evaluation.labels[i])
        row = [
            i,
            label if label >= 0 else "",
            int(evaluation.predictions[i]),
            f"{confidences[i]:.6f}",
            *(f"{p:.6f}" for p in evaluation.probabilities[i]),
        ]
        writer.writerow(row + ([sources[i]] if sources is not None else []))
    return out.getvalue()


def write_predictions_csv(
    evaluation: Evaluation, path: str | os.PathLike, sources: Sequence[str] | None = None
) -> Path:
    """Write `predictions_csv` atomically. Raises `ExportError` naming the file."""
    path = Path(path)
    text = predictions_csv(evaluation, sources)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path
