"""The personal collection: drawings the user kept, with the label they said it was.

Each drawing is kept as vectors (its strokes in the 280 px canvas's raster coordinates), so it
can be drawn again at any size, position or pen width, which is what fine-tuning needs
(model/training/finetune.py). The file format is documented in docs/collection-format.md: one JSON
file,
`{"format": "lenet-lens-collection", "version": 1, "drawings": [...]}`, in the per-user data
folder (`$XDG_DATA_HOME/lenet-lens/collection.json` on Linux).

Why it is careful:
- every save goes through `model.files.atomic`: a kill at any moment leaves the old or the new file;
- a file that is corrupt (a gzip bomb or an oversized file included) or of a newer version is
  never overwritten: `Collection.open` renames it to `collection.json.corrupt-<time>` (or
  `.newer-<time>`), says so in `notice`, and starts an empty collection; a file it cannot
  even open (no permission) is left in place and the collection is read-only, since saving
  would replace it;
- a drawing's id is a hash of its strokes, so keeping, importing or merging the same drawing
  twice never makes a duplicate, on any machine;
- two writers (two windows, a window and a script) never lose each other's drawings: every
  change holds the lock beside the file (`model.files.lock`), re-reads the file, applies itself
  to what is there now and writes the result, so the last writer no longer wins alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from model.drawing.strokes import CANVAS, DEFAULT_PEN_WIDTH
from model.errors import CollectionError, CollectionVersionError, LeNetLensError, SaveError
from model.files.atomic import atomic_write_bytes, folder_problem
from model.files.bounded import open_regular, read_file
from model.files.lock import DEFAULT_TIMEOUT, FileLock
from model.files.user_dirs import user_data_dir

FORMAT = "lenet-lens-collection"
VERSION = 1
FILE_NAME = "collection.json"
MAX_BYTES = 64 * 1024 * 1024  # about 100 000 drawings; far more than anyone keeps
MAX_DRAWINGS = 100_000

#: What opening a bad collection file did about it (`Collection.outcome`).
NOTICE_SET_ASIDE = "set_aside"  # renamed to `moved_to`; a new collection was started
NOTICE_NOT_MOVED = "not_moved"  # could not be renamed: nothing is saved until it is
NOTICE_READ_ONLY = "read_only"  # could not be read: nothing is saved until it is fixed
MAX_STROKES = 1_000  # per drawing
MAX_POINTS = 100_000  # per drawing
COORD_LIMIT = 100 * CANVAS  # points may leave the canvas a little, never by this much
DECIMALS = 2  # coordinates are kept to 1/100 px: the id hashes exactly what is stored


def default_collection_path() -> Path:
    """The user's collection: `<user data folder>/collection.json` (XDG_DATA_HOME moves it)."""
    return user_data_dir() / FILE_NAME


@dataclass(frozen=True, eq=False)
class Drawing:
    """One kept drawing. `strokes`: (n, 2) float arrays of (x, y) canvas raster pixels."""

    id: str
    label: int
    strokes: tuple[np.ndarray, ...]
    pen_width: float = DEFAULT_PEN_WIDTH
    created: str = ""  # ISO 8601 UTC, e.g. 2026-11-28T17:05:00Z
    predicted: int | None = None  # what the network read when it was kept

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drawing) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash((self.id, self.label))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "predicted": self.predicted,
            "created": self.created,
            "pen_width": self.pen_width,
            "strokes": [[[float(x), float(y)] for x, y in s.tolist()] for s in self.strokes],
        }


def _round_strokes(strokes: Sequence) -> tuple[np.ndarray, ...]:
    out = []
    for s in strokes:
        a = np.round(np.asarray(s, dtype=np.float64).reshape(-1, 2), DECIMALS)
        if len(a):
            out.append(a)
    return tuple(out)


def drawing_id(strokes: Sequence) -> str:
    """A stable id from the strokes alone (rounded as stored): the same drawing has the same
    id in every file and after a relabel, so merges recognise it."""
    h = hashlib.sha256()
    for s in _round_strokes(strokes):
        h.update(b"S")
        for x, y in s.tolist():
            h.update(f"{x:.{DECIMALS}f},{y:.{DECIMALS}f};".encode())
    return h.hexdigest()[:16]


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_drawing(
    strokes: Sequence,
    label: int,
    pen_width: float = DEFAULT_PEN_WIDTH,
    predicted: int | None = None,
    created: str | None = None,
) -> Drawing:
    """A checked `Drawing` (ValueError on a bad label, no ink, or out-of-range numbers)."""
    rounded = _round_strokes(strokes)
    _check_drawing(rounded, label, pen_width, predicted)
    return Drawing(
        drawing_id(rounded),
        int(label),
        rounded,
        float(pen_width),
        created or now_utc(),
        None if predicted is None else int(predicted),
    )


def _is_digit(value: object) -> bool:
    return type(value) is int and 0 <= value <= 9


def _check_drawing(strokes: tuple, label: object, pen_width: object, predicted: object) -> None:
    if not _is_digit(label) and not (isinstance(label, np.integer) and 0 <= label <= 9):
        raise ValueError(f"label {label!r} is not a digit 0-9")
    if predicted is not None and not (
        _is_digit(predicted) or (isinstance(predicted, np.integer) and 0 <= predicted <= 9)
    ):
        raise ValueError(f"prediction {predicted!r} is not a digit 0-9")
    if not isinstance(pen_width, (int, float)) or isinstance(pen_width, bool):
        raise ValueError(f"pen width {pen_width!r} is not a number")
    if not (math.isfinite(pen_width) and 0 < pen_width <= CANVAS):
        raise ValueError(f"pen width {pen_width!r} is not in (0, {CANVAS}]")
    if not strokes:
        raise ValueError("the drawing has no strokes")
    if len(strokes) > MAX_STROKES:
        raise ValueError(f"{len(strokes)} strokes (at most {MAX_STROKES})")
    if sum(len(s) for s in strokes) > MAX_POINTS:
        raise ValueError(f"more than {MAX_POINTS} points")
    for s in strokes:
        if not np.all(np.isfinite(s)) or np.abs(s).max() > COORD_LIMIT:
            raise ValueError("a coordinate is not a number or far outside the canvas")


# --- reading and writing files -------------------------------------------------------------


def parse_collection(data: bytes, source: str = "<collection>") -> list[Drawing]:
    """Drawings from the bytes of a collection file. `CollectionVersionError` for a newer
    version, `CollectionError` (naming `source` and the problem) for anything else wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CollectionError(
            f"{source}: not a collection file (not UTF-8 text)",
            reason="collection.not_text",
            path=source,
        ) from None
    except (ValueError, RecursionError) as exc:
        raise CollectionError(
            f"{source}: corrupt collection file (not valid JSON: {exc})",
            reason="collection.not_json",
            path=source,
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CollectionError(
            f"{source}: not a LeNet Lens collection (no '{FORMAT}' header)",
            reason="collection.not_collection",
            path=source,
        )
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise CollectionError(
            f"{source}: corrupt collection file (version {version!r})",
            reason="collection.corrupt",
            path=source,
        )
    if version > VERSION:
        raise CollectionVersionError(
            f"{source}: collection format version {version} was written by a newer LeNet Lens "
            f"(this one reads version {VERSION})",
            reason="collection.newer",
            path=source,
            values=(version, VERSION),
        )
    items = doc.get("drawings")
    if not isinstance(items, list):
        raise CollectionError(
            f"{source}: corrupt collection file ('drawings' is not a list)",
            reason="collection.corrupt",
            path=source,
        )
    if len(items) > MAX_DRAWINGS:
        raise CollectionError(
            f"{source}: more than {MAX_DRAWINGS} drawings; refused",
            reason="collection.too_many",
            path=source,
            values=(MAX_DRAWINGS,),
        )
    drawings: dict[str, Drawing] = {}
    for i, item in enumerate(items):
        try:
            d = _parse_drawing(item, f"{source}: drawing {i + 1}")
        except CollectionError as exc:  # which drawing, for the translated message too
            raise CollectionError(
                str(exc), reason="collection.bad_drawing", path=source, values=(i + 1,)
            ) from None
        drawings.setdefault(d.id, d)  # a duplicate in a hand-edited file: the first wins
    return list(drawings.values())


def _parse_drawing(item: object, where: str) -> Drawing:
    if not isinstance(item, dict):
        raise CollectionError(f"{where} is not an object")
    raw = item.get("strokes")
    if not isinstance(raw, list) or not all(isinstance(s, list) for s in raw):
        raise CollectionError(f"{where}: 'strokes' is not a list of point lists")
    strokes = []
    for s in raw:
        if not all(
            isinstance(p, list)
            and len(p) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
            for p in s
        ):
            raise CollectionError(f"{where}: a stroke point is not a pair of numbers [x, y]")
        strokes.append(np.array(s, dtype=np.float64).reshape(-1, 2))
    created = item.get("created", "")
    if not isinstance(created, str) or len(created) > 64:
        raise CollectionError(f"{where}: 'created' is not a date text")
    try:
        return make_drawing(
            strokes,
            item.get("label"),
            item.get("pen_width", DEFAULT_PEN_WIDTH),
            item.get("predicted"),
            created,
        )
    except ValueError as exc:
        raise CollectionError(f"{where}: {exc}") from None


def read_collection(path: str | os.PathLike) -> list[Drawing]:
    """The drawings of a collection file, with no side effect (for --collection and import).
    Raises `CollectionError` naming the file and the problem."""
    path = Path(path)
    data = read_file(path, MAX_BYTES, CollectionError)
    return parse_collection(data, str(path))


def serialize(drawings: Sequence[Drawing]) -> bytes:
    """The file's bytes: a header, then one drawing per line (diff- and grep-friendly)."""
    lines = [json.dumps(d.to_json(), separators=(",", ":")) for d in drawings]
    body = ",\n".join(lines)
    head = f'{{"format": "{FORMAT}", "version": {VERSION}, "drawings": [\n'
    return (head + body + ("\n" if lines else "") + "]}\n").encode("utf-8")


def write_collection(path: str | os.PathLike, drawings: Sequence[Drawing]) -> Path:
    """Save atomically (`model.files.atomic`); `SaveError` naming the file, the old file intact."""
    return atomic_write_bytes(path, serialize(drawings), make_parents=True)


def _opens(path: Path) -> bool:
    """Whether `path` is a regular file this process can open: when it is but reading it
    failed, its content is at fault (the file can be set aside), not the access to it."""
    try:
        with open_regular(path, CollectionError):
            return True
    except CollectionError:
        return False


def make_folder(path: Path) -> None:
    """Create the folder of `path` (and its parents) if missing; `SaveError` saying why not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(f"{path}: not saved: {folder_problem(exc, path.parent)}") from None


def set_aside(path: Path, reason: str) -> Path:
    """Rename an unusable file to `<name>.<reason>-YYYYmmdd-HHMMSS` (never over another)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    os.rename(path, target)
    return target


# --- the collection a session works with -----------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already in the collection (same strokes)


class Collection:
    """The user's kept drawings and the file they live in; every change is saved at once.

    A failed save raises `SaveError` and leaves both the file and this object unchanged.
    """

    def __init__(
        self, path: str | os.PathLike, drawings: Sequence[Drawing] = (), notice: str = ""
    ) -> None:
        self.path = Path(path)
        self._drawings: list[Drawing] = list(drawings)
        #: a message for the user about what happened when the file was opened ('' if none)
        self.notice = notice
        #: the same for a translating GUI: what went wrong (an error with a reason id), what
        #: was done about it (NOTICE_SET_ASIDE, NOTICE_NOT_MOVED, NOTICE_READ_ONLY) and the
        #: name the file was set aside under
        self.problem: LeNetLensError | None = None
        self.outcome = ""
        self.moved_to = ""
        #: True when the file exists but could not be read: saving would replace it
        self.read_only = False
        self._kept: list[str] = []  # ids kept in this session, for undo
        #: how long a change waits for another writer's lock before failing with `SaveError`
        self.lock_timeout = DEFAULT_TIMEOUT

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> Collection:
        """Open (or start) the collection at `path` (default: the user's). Never raises for a
        bad file: a corrupt or newer one is set aside and named in `notice`."""
        path = Path(path) if path is not None else default_collection_path()
        if not path.exists() and not path.is_symlink():
            return cls(path)
        try:
            data = read_file(path, MAX_BYTES, CollectionError)
        except CollectionError as exc:
            if _opens(path):  # readable, but its content was refused (too large, a gzip bomb,
                return cls._set_aside(path, "corrupt", exc)  # corrupt gzip): set aside
            collection = cls(path, notice=f"{exc}; your collection is not saved until it is fixed")
            collection.read_only = True
            collection.problem, collection.outcome = exc, NOTICE_READ_ONLY
            return collection
        try:
            return cls(path, parse_collection(data, str(path)))
        except CollectionVersionError as exc:
            return cls._set_aside(path, "newer", exc)
        except CollectionError as exc:
            return cls._set_aside(path, "corrupt", exc)

    @classmethod
    def _set_aside(cls, path: Path, reason: str, problem: LeNetLensError) -> Collection:
        try:
            moved = set_aside(path, reason)
        except OSError as exc:
            collection = cls(
                path,
                notice=f"{problem}; it could not be set aside ({exc.strerror or exc}), so your "
                "collection is not saved until it is moved or fixed",
            )
            collection.read_only = True
            collection.problem, collection.outcome = problem, NOTICE_NOT_MOVED
            return collection
        collection = cls(
            path,
            notice=f"{problem}. It was kept unchanged as {moved.name}; "
            "a new collection was started.",
        )
        collection.problem, collection.outcome = problem, NOTICE_SET_ASIDE
        collection.moved_to = moved.name
        return collection

    # reading
    def __len__(self) -> int:
        return len(self._drawings)

    def __iter__(self) -> Iterator[Drawing]:
        return iter(list(self._drawings))

    @property
    def drawings(self) -> list[Drawing]:
        return list(self._drawings)

    def get(self, drawing_id: str) -> Drawing | None:
        return next((d for d in self._drawings if d.id == drawing_id), None)

    def by_label(self) -> dict[int, list[Drawing]]:
        """Drawings grouped by label 0-9 (every label present, maybe empty), in keep order."""
        groups: dict[int, list[Drawing]] = {k: [] for k in range(10)}
        for d in self._drawings:
            groups[d.label].append(d)
        return groups

    # changing
    def keep(
        self,
        strokes: Sequence,
        label: int,
        pen_width: float = DEFAULT_PEN_WIDTH,
        predicted: int | None = None,
    ) -> Drawing:
        """Keep a drawing with its label (ValueError if it is not a valid drawing). Keeping the
        same strokes again does not duplicate them: the kept one takes the new label."""
        drawing = make_drawing(strokes, label, pen_width, predicted)
        kept = drawing

        def change(current: list[Drawing]) -> list[Drawing]:
            nonlocal kept
            existing = next((d for d in current if d.id == drawing.id), None)
            if existing is None:
                kept = drawing
                return [*current, drawing]
            kept = replace(existing, label=drawing.label)
            return [kept if d.id == existing.id else d for d in current]

        self._commit(change)
        self._kept.append(drawing.id)
        return kept

    def relabel(self, drawing_id: str, label: int) -> Drawing:
        """Give a kept drawing another label (KeyError if unknown, ValueError if not 0-9)."""
        old = self._require(drawing_id)
        if not _is_digit(label):
            raise ValueError(f"label {label!r} is not a digit 0-9")
        new = replace(old, label=label)

        def change(current: list[Drawing]) -> list[Drawing]:
            if all(d.id != drawing_id for d in current):  # deleted elsewhere meanwhile: the
                return [*current, new]  # user just gave it a label here, so it stays kept
            return [new if d.id == drawing_id else d for d in current]

        self._commit(change)
        return new

    def delete(self, drawing_id: str) -> Drawing:
        """Remove a drawing (KeyError if unknown); returns it."""
        old = self._require(drawing_id)
        self._commit(lambda current: [d for d in current if d.id != drawing_id])
        return old

    def delete_many(self, drawing_ids: Sequence[str]) -> list[tuple[int, Drawing]]:
        """Remove several drawings in one saved change (KeyError if one is unknown; nothing is
        then removed). Returns (index it had, drawing) in deletion order: what `restore` needs
        to put them back where they were."""
        for drawing_id in drawing_ids:
            self._require(drawing_id)
        wanted = set(drawing_ids)
        removed: list[tuple[int, Drawing]] = []

        def change(current: list[Drawing]) -> list[Drawing]:
            removed.clear()
            kept = []
            for d in current:
                if d.id in wanted:
                    removed.append((len(kept), d))
                else:
                    kept.append(d)
            return kept

        self._commit(change)
        return removed

    def restore(self, removed: Sequence[tuple[int, Drawing]]) -> int:
        """Put back drawings deleted earlier (an undo). `removed` holds (its place among the
        drawings its deletion left, drawing) in deletion order, as `delete_many` returns them:
        put back in reverse order, they stand where they stood. One saved change under the
        lock; a drawing kept again meanwhile is not duplicated. How many came back."""
        restored = 0

        def change(current: list[Drawing]) -> list[Drawing]:
            nonlocal restored
            restored = 0
            for index, drawing in reversed(removed):
                if all(d.id != drawing.id for d in current):
                    current.insert(min(index, len(current)), drawing)
                    restored += 1
            return current

        self._commit(change)
        return restored

    def undo_last_keep(self) -> Drawing | None:
        """Remove the drawing most recently kept in this session (None if there is none)."""
        while self._kept:
            drawing_id = self._kept[-1]
            if self.get(drawing_id) is None:  # deleted since
                self._kept.pop()
                continue
            removed = self.delete(drawing_id)
            self._kept.pop()
            return removed
        return None

    def export(self, path: str | os.PathLike) -> Path:
        """Write the whole collection to another file, in the same format."""
        return write_collection(path, self._drawings)

    def import_file(self, path: str | os.PathLike) -> ImportResult:
        """Merge the drawings of another collection file; those already here are skipped.
        `CollectionError` for a bad file (nothing is then changed)."""
        return self.merge(read_collection(path))

    def merge(self, drawings: Sequence[Drawing]) -> ImportResult:
        added = 0

        def change(current: list[Drawing]) -> list[Drawing]:
            nonlocal added
            known = {d.id for d in current}
            new = []
            for d in drawings:
                if d.id not in known:
                    known.add(d.id)
                    new.append(d)
            added = len(new)
            return [*current, *new]

        self._commit(change)
        return ImportResult(added, len(drawings) - added)

    def _require(self, drawing_id: str) -> Drawing:
        drawing = self.get(drawing_id)
        if drawing is None:
            raise KeyError(f"no drawing {drawing_id!r} in the collection")
        return drawing

    def _commit(self, change: Callable[[list[Drawing]], list[Drawing]]) -> None:
        """Apply `change` to the drawings in the file as it is now and save the result, holding
        the file's lock throughout, so that a drawing another writer kept meanwhile stays kept.
        This object then shows what the file holds. `SaveError` leaves both unchanged."""
        if self.read_only:
            raise SaveError(
                f"{self.path}: not saved: {self.notice}",
                reason="collection.read_only",
                path=self.path,
            )
        make_folder(self.path)
        with FileLock(self.path, self.lock_timeout):
            current = self._reread()
            drawings = change(list(current))
            if drawings != current:
                write_collection(self.path, drawings)
        self._drawings = drawings

    def _reread(self) -> list[Drawing]:
        """The drawings in the file now (under the lock); none if there is no file yet. A file
        that became unreadable meanwhile is never overwritten: `SaveError`."""
        if not self.path.exists():
            return []
        try:
            return parse_collection(
                read_file(self.path, MAX_BYTES, CollectionError), str(self.path)
            )
        except CollectionError as exc:
            raise SaveError(
                f"{self.path}: not saved: the file changed on disk and cannot be read now ({exc})"
            ) from None
