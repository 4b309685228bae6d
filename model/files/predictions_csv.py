"""Per-sample predictions of an evaluation as CSV: index, label, prediction, confidence, p0..p9.

Written through the shared atomic save (`model.files.atomic`), so an interrupted export never leaves
half a file where a good one was.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from model.analysis.predictions import Evaluation
from model.files.atomic import atomic_write_bytes

HEADER = ["index", "label", "prediction", "confidence", *(f"p{d}" for d in range(10))]


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
    """Write `predictions_csv` through the shared atomic save (`model.files.atomic`). Raises
    `SaveError` naming the file and the cause; the target then keeps its previous content."""
    data = predictions_csv(evaluation, sources).encode("utf-8")
    return atomic_write_bytes(path, data)
