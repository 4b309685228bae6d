"""More data sets for the Insight workspace: real pen digits, the user's own drawings, and two
sets of things that are *not* digits.

All are strokes drawn the way the canvas draws them (`model.drawing.strokes`), then put through
the canvas's preprocessing, so the workspace shows what the network makes of real drawings. The
pen digits are the six test writers the shipped weights never trained on (`model.data.pen_digits`).
The non-digit sets have no digit label: their figure is the share the network flags "not a
digit" (model/network/verdict.py). One is UNIPEN's letters and symbols that do not look like a
digit, by the validation and test writers of the one split (model/data/pen_split.py: never
trained on); the other the fixed evaluation set of generated marks (model/data/marks.py: dots,
lines, scribbles, zig-zags, crosses, crossed-out marks, crossed circles).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from app.data.pen_sources import cached_pen_sources
from app.insight.providers import DataSetProvider, DataSetSource
from model.analysis.not_a_digit import render_samples_as_drawn
from model.data import marks
from model.data.collection import default_collection_path, read_collection
from model.data.datasets import UNKNOWN, DataSet, from_rasters
from model.data.pen_digits import (
    TEST_WRITERS,
    by_writers,
    find_pen_file,
    load_pen_digits,
    render_eval_set,
)
from model.data.pen_sample import screen_strokes
from model.data.pen_split import TEST, VALIDATION
from model.drawing.preprocess import PAD
from model.drawing.strokes import CANVAS, render_strokes
from model.errors import DataError
from model.jobs import CancelCheck, ProgressCallback, check_cancel, report
from model.network.verdict import flagged_by_strokes

#: Samples drawn between two progress reports (and cancel checks) of a non-digit set.
CHUNK = 200


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


def _unlabelled(
    name: str, key: str, image28: np.ndarray, sources: list[str], stroke_flags: np.ndarray
) -> DataSet:
    images = np.pad(image28, ((0, 0), (PAD, PAD), (PAD, PAD))).astype(np.float32)
    labels = np.full(len(images), UNKNOWN, np.int64)
    return DataSet(name, key, images, labels, sources, stroke_flags=stroke_flags)


def _load_letters(progress: ProgressCallback | None, cancel: CancelCheck | None) -> DataSet:
    pens = cached_pen_sources()
    chosen = [s for side in (VALIDATION, TEST) for s in pens.nondigits(side) if not s.digit_like]
    if not chosen:
        raise DataError(
            QCoreApplication.translate(
                "insight",
                "No UNIPEN letters and symbols found (unipen-nondigits-train.json.gz): set "
                "LENET_LENS_UNIPEN_DATA to the folder that has them.",
            )
        )
    image28 = np.zeros((len(chosen), 28, 28), np.float32)
    for start in range(0, len(chosen), CHUNK):  # drawn like the canvas, seeded per chunk
        check_cancel(cancel, "drawing the letters and symbols")
        part = chosen[start : start + CHUNK]
        image28[start : start + len(part)] = render_samples_as_drawn(part, seed=start)
        report(progress, start + len(part), len(chosen))
    sources = [f"“{s.label}” · {s.writer}" for s in chosen]
    strokes = flagged_by_strokes(screen_strokes(s) for s in chosen)
    return _unlabelled("UNIPEN letters and symbols", "unipen-nondigits", image28, sources, strokes)


def letters_source() -> DataSetSource:
    """UNIPEN's non-digit-like letters and symbols by writers never trained on."""
    return DataSetSource(
        "unipen-nondigits",
        QCoreApplication.translate(
            "insight", "UNIPEN letters and symbols (validation/test writers, not digit-like)"
        ),
        _load_letters,
        "letters",
    )


def _load_marks(progress: ProgressCallback | None, cancel: CancelCheck | None) -> DataSet:
    chosen = marks.evaluation_marks()
    image28 = np.zeros((len(chosen), 28, 28), np.float32)
    for start in range(0, len(chosen), CHUNK):
        check_cancel(cancel, "drawing the marks")
        part = chosen[start : start + CHUNK]
        image28[start : start + len(part)] = marks.render_marks(part)
        report(progress, start + len(part), len(chosen))
    sources = [f"{m.kind} #{i}" for i, m in enumerate(chosen)]
    strokes = flagged_by_strokes(m.strokes for m in chosen)
    return _unlabelled("Generated marks", "generated-marks", image28, sources, strokes)


def marks_source() -> DataSetSource:
    """The fixed evaluation set of generated non-digit marks (seeded: the same every time)."""
    return DataSetSource(
        "generated-marks",
        QCoreApplication.translate("insight", "Generated marks (dots, lines, scribbles…)"),
        _load_marks,
        "marks",
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


def letters_provider() -> DataSetProvider:
    return DataSetProvider(
        "letters",
        QCoreApplication.translate(
            "insight", "UNIPEN letters and symbols (validation/test writers, not digit-like)"
        ),
        lambda _p: letters_source(),
    )


def marks_provider() -> DataSetProvider:
    return DataSetProvider(
        "marks",
        QCoreApplication.translate("insight", "Generated marks (dots, lines, scribbles…)"),
        lambda _p: marks_source(),
    )
