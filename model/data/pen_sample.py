"""One pen-drawn sample, whatever file it came from: the type every pen source is read into.

The project reads real pen writing from two sources, the UCI pen digits (a UNIPEN text file,
y up, writers numbered 1-30) and UNIPEN's own isolated characters (JSON, y down, writers named
`"<contributor>/<id>"`). Training, splitting, drawing and evaluating treat them alike only if they
share one shape, so both readers end in `PenSample`: strokes in screen orientation (y down),
a writer id that is unique across sources (`"uci/12"`, `"aga/amywldrp"`), and the source and
contributor for reporting per source.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.config import PEN_SOURCES
from model.data.unipen_text import PenDigit

UCI = "uci"
UNIPEN = "unipen"
#: Every pen source the project knows, in reporting order.
SOURCES = PEN_SOURCES
assert SOURCES == (UCI, UNIPEN)

DIGIT = "digit"
LETTER = "letter"
SYMBOL = "symbol"


@dataclass(frozen=True)
class PenSample:
    """A pen-drawn character: strokes (each an (n, 2) float32 array of x, y with y DOWN, in the
    source's own units), what was written and who wrote it.

    `label` is an int 0-9 for a digit, else the one-character string that was written;
    `digit_like` says whether a careful reader could take it for a digit (always True for
    digits)."""

    label: int | str
    writer: str  # unique across sources: "uci/12", "aga/amywldrp"
    source: str  # UCI or UNIPEN
    contributor: str  # the UNIPEN contributor ("aga", …); UCI for the UCI set
    strokes: tuple[np.ndarray, ...]
    digit_like: bool = True
    kind: str = DIGIT  # DIGIT, LETTER or SYMBOL

    @property
    def is_digit(self) -> bool:
        return self.kind == DIGIT

    @property
    def digit_label(self) -> int:
        """The digit 0-9, or -1 for a letter or symbol (the label rendered sets carry)."""
        return int(self.label) if self.kind == DIGIT else -1


def uci_writer(writer: int) -> str:
    """The source-qualified id of a UCI pen-digit writer (1-30)."""
    return f"{UCI}/{int(writer)}"


def from_pen_digit(digit: PenDigit) -> PenSample:
    """A UCI pen digit (tablet units, y up) as a `PenSample` (y flipped to point down)."""
    strokes = tuple(
        np.column_stack([s[:, 0], -s[:, 1]]).astype(np.float32, copy=False) for s in digit.strokes
    )
    return PenSample(digit.label, uci_writer(digit.writer), UCI, UCI, strokes)


def screen_strokes(sample: PenSample | PenDigit) -> list[np.ndarray]:
    """A sample's strokes with y pointing down, as on a screen (still in the source's units).

    Accepts the UCI reader's `PenDigit` too (y up, flipped here), so code written for it keeps
    working while every source goes through the same drawing path."""
    if isinstance(sample, PenDigit):
        return [np.column_stack([s[:, 0], -s[:, 1]]).astype(np.float64) for s in sample.strokes]
    return [np.asarray(s, dtype=np.float64) for s in sample.strokes]


def writer_of(sample: PenSample | PenDigit) -> str:
    """The source-qualified writer id of either type."""
    return uci_writer(sample.writer) if isinstance(sample, PenDigit) else sample.writer


def digit_label_of(sample: PenSample | PenDigit) -> int:
    return sample.label if isinstance(sample, PenDigit) else sample.digit_label
