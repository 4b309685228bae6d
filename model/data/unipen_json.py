"""Reading UNIPEN's isolated digits and letters/symbols from their JSON files.

Two files (../shared/data/unipen/README.md): `unipen-digits-train.json.gz` (9,166 digits by 62
writers of 7 contributors) and `unipen-nondigits-train.json.gz` (25,000 letters and symbols by 82
writers of 11 contributors). Real pen writing from other tablets and people than the UCI set, and
the project's only real examples of what is *not* a digit.

A file is read with a cap on its decompressed size (model/files/bounded.py: a FIFO, a directory
or a gzip bomb is refused before it costs memory), checked against the README's sha256 when it
carries one of the known names, and every sample is checked: types, labels, finite coordinates of
a sane size, no empty stroke. A malformed file is a `DataError` naming the file, the sample and
the problem, never a half-read set. y already points down in these files: it is not flipped.

Folder rules, like the UCI pen digits': an explicit folder, else `$LENET_LENS_UNIPEN_DATA`,
else the per-user cache (`~/.cache/lenet-lens/unipen`), else `../shared/data/unipen`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from model.data.pen_sample import DIGIT, LETTER, SYMBOL, UNIPEN, PenSample
from model.errors import DataError
from model.files.atomic import atomic_write_bytes
from model.files.bounded import read_file
from model.files.json_pieces import loads_in_pieces
from model.files.user_dirs import user_cache_dir

ENV_VAR = "LENET_LENS_UNIPEN_DATA"
DIGITS_FILE = "unipen-digits-train.json.gz"
NONDIGITS_FILE = "unipen-nondigits-train.json.gz"
#: sha256 of the decompressed JSON of the known files (README "Checksums"), by file name; the
#: decompressed copy (`.json`) is checked too.
SHA256 = {
    DIGITS_FILE: "38c90bcfb17d976dec202479346faa8a86277fa1c90a05f3fa33de783ab42db7",
    NONDIGITS_FILE: "588f4f40ac91ed670df3ec2aed7f860ddf35cab82d8ee910a1f7ddba33cf98c1",
}
#: Refuse files that decompress to more than this: the larger real file is 15.3 MB.
MAX_BYTES = 64 * 1024 * 1024
#: Tablet coordinates beyond this are not pen positions (the real files stay within 13,200).
MAX_COORDINATE = 1e6
#: Points in one sample beyond this are not one character (the real files have at most ~1,100).
MAX_POINTS = 100_000
KINDS = (LETTER, SYMBOL)
#: Samples whose points are converted to an array at a time (`_all_points`).
POINTS_CHUNK = 500


def candidate_dirs(unipen_dir: str | os.PathLike | None = None) -> list[Path]:
    """Where the UNIPEN files are looked for, in order."""
    if unipen_dir:
        return [Path(unipen_dir).expanduser()]
    out = []
    if os.environ.get(ENV_VAR):
        out.append(Path(os.environ[ENV_VAR]).expanduser())
    out.append(user_cache_dir() / "unipen")
    out.append(Path.cwd().parent / "shared" / "data" / "unipen")
    out.append(Path(__file__).resolve().parents[3] / "shared" / "data" / "unipen")
    return out


def find_unipen_file(name: str, unipen_dir: str | os.PathLike | None = None) -> Path | None:
    """`name` (DIGITS_FILE or NONDIGITS_FILE, or its decompressed `.json`) in the first folder
    that has it, or None."""
    names = (name, name.removesuffix(".gz"))
    for folder in candidate_dirs(unipen_dir):
        for candidate in names:
            if (folder / candidate).is_file():
                return folder / candidate
    return None


def read_unipen_json(path: str | os.PathLike, verify: bool = True) -> list[PenSample]:
    """Every sample of a UNIPEN JSON file (raw or gzip). Raises `DataError`.

    With `verify`, a file named like one of the known files must have its checksum."""
    path = Path(path)
    data = read_file(path, MAX_BYTES)
    known = SHA256.get(path.name) or SHA256.get(path.name + ".gz")
    if verify and known is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != known:
            raise DataError(
                f"{path}: checksum mismatch (sha256 {digest[:12]}…, expected {known[:12]}…); "
                "the file is corrupt or not the UNIPEN file of this name"
            )
    return parse_unipen_json(data, str(path))


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a pen position can have")


def parse_unipen_json(data: bytes, source: str = "<bytes>") -> list[PenSample]:
    """Samples from the JSON bytes of a UNIPEN file, every field checked."""
    try:
        top = loads_in_pieces(data.decode("utf-8"), ("samples",), _refuse_constant)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{source}: not a UNIPEN JSON file (byte {exc.start} is not UTF-8)"
        ) from None
    except RecursionError:
        raise DataError(f"{source}: not a UNIPEN JSON file (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, over-long integers
        raise DataError(f"{source}: not a UNIPEN JSON file ({exc})") from None
    if not isinstance(top, dict) or not isinstance(top.get("samples"), list):
        raise DataError(f'{source}: not a UNIPEN JSON file (no list of "samples")')
    axis = top.get("y_axis", "down")
    if axis != "down":
        raise DataError(f'{source}: y axis {axis!r} is not supported (expected "down")')
    headers = [_header(item, i, source) for i, item in enumerate(top["samples"])]
    if not headers:
        raise DataError(f"{source}: no samples in the file")
    points = _all_points(top["samples"], source)
    samples = []
    start = 0
    for (label, writer, contributor, digit_like, kind), item in zip(headers, top["samples"]):
        strokes = []
        for stroke in item["strokes"]:
            strokes.append(points[start : start + len(stroke)])
            start += len(stroke)
        samples.append(
            PenSample(label, writer, UNIPEN, contributor, tuple(strokes), digit_like, kind)
        )
    return samples


def _header(item: object, index: int, source: str) -> tuple:
    """Everything of a sample but its coordinates, checked; the strokes' structure checked."""

    def fail(problem: str) -> DataError:
        return DataError(f"{source}, sample {index}: {problem}")

    if not isinstance(item, dict):
        raise fail(f"expected an object, got {type(item).__name__}")
    writer = item.get("writer")
    if not isinstance(writer, str) or not writer.strip() or "/" not in writer:
        raise fail(f"writer {writer!r} is not '<contributor>/<id>'")
    contributor = writer.split("/", 1)[0]
    label = item.get("label")
    if isinstance(label, int) and not isinstance(label, bool):
        if not 0 <= label <= 9:
            raise fail(f"digit label {label} is not 0-9")
        kind, digit_like = DIGIT, True
    elif isinstance(label, str) and len(label) == 1:
        kind = item.get("kind", LETTER if label.isalpha() else SYMBOL)
        if kind not in KINDS:
            raise fail(f"kind {kind!r} is not one of {KINDS}")
        digit_like = item.get("digit_like", False)
        if not isinstance(digit_like, bool):
            raise fail(f"digit_like {digit_like!r} is not true or false")
    else:
        raise fail(f"label {label!r} is neither a digit 0-9 nor one character")
    strokes = item.get("strokes")
    if not isinstance(strokes, list) or not strokes:
        raise fail("no strokes (expected a non-empty list of strokes)")
    total = 0
    for j, stroke in enumerate(strokes):
        if not isinstance(stroke, list) or not stroke:
            raise fail(f"stroke {j} is empty or not a list of points")
        total += len(stroke)
    if total > MAX_POINTS:
        raise fail(f"more than {MAX_POINTS:,} points: not one character")
    return label, writer, contributor, digit_like, kind


def _all_points(items: list, source: str) -> np.ndarray:
    """Every point of every sample as one (P, 2) float32 array, converted in chunks of samples
    (a per-stroke conversion takes seconds on the real files; one conversion of everything holds
    the interpreter for most of a second, freezing a GUI thread while a worker reads); on any
    problem, the strokes are converted one by one to name the first bad one."""
    chunks = []
    for first in range(0, len(items), POINTS_CHUNK):
        chunk = _points_of(items[first : first + POINTS_CHUNK])
        if chunk is None:
            break
        chunks.append(chunk)
    else:
        return np.concatenate(chunks) if chunks else np.zeros((0, 2), np.float32)
    for i, item in enumerate(items):
        for j, stroke in enumerate(item["strokes"]):
            _check_stroke(
                stroke, j, lambda problem, i=i: DataError(f"{source}, sample {i}: {problem}")
            )
    raise DataError(f"{source}: coordinates are not all [x, y] pairs of numbers")


def _points_of(items: list) -> np.ndarray | None:
    """The points of `items` as (P, 2) float32, or None when any is not a sane [x, y] pair."""
    flat = [p for item in items for stroke in item["strokes"] for p in stroke]
    try:
        points = np.asarray(flat)
        ok = points.ndim == 2 and points.shape[1] == 2 and points.dtype.kind in "iuf"
        if ok:
            points = points.astype(np.float64)
            ok = bool(np.isfinite(points).all()) and float(np.abs(points).max()) <= MAX_COORDINATE
    except (ValueError, OverflowError, TypeError):
        ok = False
    return points.astype(np.float32) if ok else None


def _check_stroke(raw: list, index: int, fail: Callable[[str], DataError]) -> None:
    try:
        points = np.asarray(raw)
    except (ValueError, OverflowError, TypeError):
        points = None
    if points is None or points.ndim != 2 or points.shape[1] != 2:
        raise fail(f"stroke {index} is not a list of [x, y] points")
    if points.dtype.kind not in "iuf":
        raise fail(f"stroke {index} has coordinates that are not numbers ({points.dtype})")
    points = points.astype(np.float64)
    if not np.isfinite(points).all():
        raise fail(f"stroke {index} has a coordinate that is not finite")
    largest = float(np.abs(points).max())
    if largest > MAX_COORDINATE:
        raise fail(
            f"stroke {index} has a coordinate of {largest:.3g}, beyond "
            f"{MAX_COORDINATE:.0g}: not a pen position"
        )


def write_unipen_json(path: str | os.PathLike, samples: list[PenSample]) -> None:
    """Write samples in the same format (tests, and subsets for sharing); `.gz` compresses."""
    items = []
    for s in samples:
        item: dict = {"label": s.label, "writer": s.writer, "split": "train"}
        if not s.is_digit:
            item.update(kind=s.kind, digit_like=s.digit_like)
        item["strokes"] = [
            [[_number(x), _number(y)] for x, y in stroke.tolist()] for stroke in s.strokes
        ]
        items.append(item)
    data = json.dumps({"source": "LeNet Lens", "y_axis": "down", "samples": items}).encode()
    path = Path(path)
    atomic_write_bytes(path, gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)


def _number(v: float) -> int | float:
    return int(v) if math.isfinite(v) and float(v).is_integer() else v
