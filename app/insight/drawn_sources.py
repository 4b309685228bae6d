"""Two more data sets for the Insight workspace: real pen digits and the user's own drawings.

Both are strokes drawn the way the canvas draws them (`model.drawing.strokes`), then put through the
canvas's preprocessing, so the workspace shows what the network makes of real drawings. The
pen digits are the six test writers the shipped weights never trained on (`model.data.pen_digits`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.insight.providers import DataSetProvider, DataSetSource
from model.data.collection import default_collection_path, read_collection
from model.data.datasets import DataSet, from_rasters
from model.data.pen_digits import (
    TEST_WRITERS,
    by_writers,
    find_pen_file,
    load_pen_digits,
    render_eval_set,
)
from model.drawing.strokes import CANVAS, render_strokes
from model.errors import DataError
from model.jobs import CancelCheck, ProgressCallback


def _load_pen(progress: ProgressCallback | None, cancel: CancelCheck | None) -> DataSet:
    path = find_pen_file()
    if path is None:
        raise DataError(
            QCoreApplication.translate(
                "insight",
                "No real pen digits found (pendigits-orig.tra.gz): download them from the "
                "Retrain dialog or set LENET_LENS_PEN_DATA.",
            )
        )
    digits = by_writers(load_pen_digits(path), TEST_WRITERS)
    rendered = render_eval_set(digits, seed=0)
    images = rendered.unit_tensor()[:, 0].numpy().astype(np.float32)
    return DataSet("pen", f"pen-test:{path}", images, rendered.labels)


def pen_source() -> DataSetSource:
    """The held-out writers' pen digits, drawn at the default pen width (seed 0)."""
    return DataSetSource(
        "pen-test",
        QCoreApplication.translate("insight", "Real pen digits (6 unseen writers)"),
        _load_pen,
        "pen",
    )


def collection_source() -> DataSetSource:
    """The user's kept drawings, as they are now (the key changes with the file's contents)."""
    path = default_collection_path()
    stamp = path.stat().st_mtime_ns if path.is_file() else 0

    def load(progress: ProgressCallback | None, cancel: CancelCheck | None) -> DataSet:
        drawings = read_collection(path) if path.is_file() else []
        if not drawings:
            raise DataError(
                QCoreApplication.translate(
                    "insight", "{0}: no drawings kept yet (use the “That was a…” buttons)"
                ).format(path)
            )
        rasters = [render_strokes(d.strokes, CANVAS, d.pen_width) for d in drawings]
        return from_rasters(
            "mine",
            f"mine:{path}:{stamp}",
            rasters,
            [d.label for d in drawings],
            [d.id for d in drawings],
        )

    return DataSetSource(
        f"mine:{stamp}", QCoreApplication.translate("insight", "My drawings"), load, "mine"
    )


def pen_provider() -> DataSetProvider:
    return DataSetProvider(
        "pen",
        QCoreApplication.translate("insight", "Real pen digits (6 unseen writers)"),
        lambda _p: pen_source(),
    )


def collection_provider() -> DataSetProvider:
    return DataSetProvider(
        "mine", QCoreApplication.translate("insight", "My drawings"), lambda _p: collection_source()
    )
