"""Reading on-line handwritten digits in the UNIPEN format of the UCI pen-digits set.

Real people's pen strokes are what the app's canvas sees, so this reader keeps them as strokes
(point lists), not as images: the renderer in `model/drawing/strokes.py` can then draw them at any
size,
position and pen width. The file looks like this (see ../shared/data/pendigits/README.md):

    .SEGMENT DIGIT    0 ? "8"        one digit begins; the quoted text is its label
    .COMMENT 8 12  224               label, writer, the writer's sample number
    .PEN_DOWN                        a stroke: one "x y" pair of integers per line
     267  333
    .PEN_UP
    .DT 100                          pause before the next stroke (ms)

Coordinates are tablet units with y increasing upward. Every malformed file is a `PenDigitsError`
naming the file, the line and the problem, never a half-read set.
"""

from __future__ import annotations

import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from model.errors import PenDigitsError
from model.files.bounded import open_regular

#: Refuse files that decompress to more than this: the real set is 3.6 MB.
MAX_BYTES = 64 * 1024 * 1024
#: Keywords allowed before the first digit (header) and inside a digit.
HEADER_KEYWORDS = {".INCLUDE", ".LEXICON", ".HIERARCHY", ".COMMENT", ".DT"}


@dataclass(frozen=True)
class PenDigit:
    """One handwritten digit: its strokes in tablet units (y up), its label and writer."""

    label: int
    writer: int
    sample: int
    strokes: tuple[np.ndarray, ...]  # each (n, 2) float32 (x, y)


def read_text(path: str | os.PathLike, limit: int = MAX_BYTES) -> str:
    """The decoded content of a raw or `.gz` file, refusing more than `limit` bytes.

    Opened by the bounded regular-file reader: a FIFO, a device or a folder is refused at once
    (a plain open() of a FIFO blocks until something writes to it: forever)."""
    path = Path(path)
    try:
        with open_regular(path, PenDigitsError) as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=fh) as gz:
                    data = gz.read(limit + 1)
            else:
                data = fh.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise PenDigitsError(f"{path}: corrupt or truncated gzip data ({exc})") from None
    except OSError as exc:
        raise PenDigitsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise PenDigitsError(f"{path}: larger than {limit:,} bytes: not a pen-digit file")
    try:
        return data.decode("ascii")
    except UnicodeDecodeError as exc:
        raise PenDigitsError(
            f"{path}: not a UNIPEN text file (byte {exc.start} is not ASCII)"
        ) from None


def read_unipen(path: str | os.PathLike) -> list[PenDigit]:
    """Read every digit of a UNIPEN pen-digits file (raw or gzip). Raises `PenDigitsError`."""
    return parse_unipen(read_text(path), str(path))


def parse_unipen(text: str, source: str = "<text>") -> list[PenDigit]:
    """Parse UNIPEN text into digits, checking structure, labels and coordinates."""
    digits: list[PenDigit] = []
    current: dict | None = None  # the digit being read
    stroke: list[tuple[int, int]] | None = None  # the open stroke, between PEN_DOWN and PEN_UP
    seen_segment = False

    def fail(line_no: int, problem: str) -> PenDigitsError:
        return PenDigitsError(f"{source}, line {line_no}: {problem}", path=source)

    def finish(line_no: int) -> None:
        if current is None:
            return
        if stroke is not None:
            raise fail(line_no, "a stroke is not closed by .PEN_UP")
        if current["writer"] is None:
            raise fail(current["line"], "digit without a .COMMENT line giving label and writer")
        if not current["strokes"]:
            raise fail(current["line"], "digit without any stroke")
        digits.append(
            PenDigit(current["label"], current["writer"], current["sample"], current["strokes"])
        )

    lines = text.splitlines()
    for line_no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("."):
            if stroke is None:
                raise fail(line_no, f"coordinates outside a stroke: {line[:40]!r}")
            parts = line.split()
            if len(parts) != 2:
                raise fail(line_no, f"expected two integers 'x y', got {line[:40]!r}")
            try:
                stroke.append((int(parts[0]), int(parts[1])))
            except ValueError:
                raise fail(line_no, f"coordinates are not integers: {line[:40]!r}") from None
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == ".SEGMENT":
            finish(line_no)
            seen_segment = True
            parts = rest.split()
            label_text = parts[-1].strip('"') if parts else ""
            if len(parts) < 2 or parts[0] != "DIGIT" or not parts[-1].startswith('"'):
                raise fail(line_no, f"malformed .SEGMENT line: {line[:60]!r}")
            if len(label_text) != 1 or not label_text.isdigit():
                raise fail(line_no, f"label {parts[-1]!r} is not a digit 0-9")
            current = {
                "label": int(label_text),
                "writer": None,
                "sample": -1,
                "strokes": (),
                "line": line_no,
            }
            stroke = None
        elif keyword == ".PEN_DOWN":
            if current is None:
                raise fail(line_no, ".PEN_DOWN before any .SEGMENT")
            if stroke is not None:
                raise fail(line_no, ".PEN_DOWN inside a stroke (missing .PEN_UP)")
            stroke = []
        elif keyword == ".PEN_UP":
            if stroke is None:
                raise fail(line_no, ".PEN_UP without .PEN_DOWN")
            if not stroke:
                raise fail(line_no, "empty stroke (no points between .PEN_DOWN and .PEN_UP)")
            assert current is not None
            current["strokes"] = (*current["strokes"], np.array(stroke, dtype=np.float32))
            stroke = None
        elif keyword == ".COMMENT" and current is not None:
            if current["writer"] is not None:
                continue  # free-text comments after the first are allowed
            parts = rest.split()
            try:
                label, writer, sample = (int(p) for p in parts)
            except ValueError:
                raise fail(
                    line_no, f"expected '.COMMENT label writer sample', got {line[:60]!r}"
                ) from None
            if label != current["label"]:
                raise fail(
                    line_no, f".COMMENT label {label} differs from the segment's {current['label']}"
                )
            if writer < 1:
                raise fail(line_no, f"writer {writer} is not a positive number")
            current.update(writer=writer, sample=sample)
        elif keyword in HEADER_KEYWORDS:
            continue
        else:
            where = "in a digit" if seen_segment else "in the header"
            raise fail(line_no, f"unknown keyword {keyword!r} {where}")
    finish(len(lines))
    if not digits:
        raise PenDigitsError(f"{source}: no digits found (not a UNIPEN pen-digits file?)")
    return digits


def write_unipen(path: str | Path, digits: list[PenDigit]) -> None:
    """Write digits in the same format (tests, and subsets for sharing)."""
    out = [".INCLUDE        dene.doc", "", '.LEXICON "0" "1" "2" "3" "4" "5" "6" "7" "8" "9"']
    out.append(".HIERARCHY      DIGIT")
    out.append("")
    for i, d in enumerate(digits):
        out.append(f'.SEGMENT DIGIT    {i} ? "{d.label}"')
        out.append(f".COMMENT {d.label} {d.writer}  {d.sample}")
        for s in d.strokes:
            out.append(".PEN_DOWN")
            out.extend(f" {int(x):>3}  {int(y):>3}" for x, y in s)
            out.append(".PEN_UP")
            out.append(".DT 100")
        out.append("")
    data = ("\n".join(out) + "\n").encode("ascii")
    path = Path(path)
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
