"""One writer-disjoint split of every pen source: train, validation and test writers.

A network that has seen a writer reads that writer's other characters far better than a
stranger's, so every figure about "new writers" needs writers on exactly one side. The rule,
per source:

- **UCI pen digits** (30 writers): `TEST_WRITERS` (5, 10, 15, 20, 25, 30) are the test writers
  and `CALIBRATION_WRITERS` (3, 13, 23) the validation writers, as they have been since the
  shipped weights were first trained (so earlier figures stay comparable); the 21 others train.
- **UNIPEN** (both files together, one writer id = one side for its digits *and* its letters):
  inside each contributor, writers are ordered by the sha256 of their id (`"aga/amywldrp"`),
  a stable order that no code change or file order can move. A contributor with at least
  `MIN_WRITERS` (3) digit writers gives the first `held_count(n)` of its n digit writers to test
  and the next `held_count(n)` to validation (`held_count(n) = max(1, round(0.15 n))`), so every
  such contributor is represented on both held-out sides, stratified; val (2 digit writers)
  trains. Writers that appear only in the letters/symbols file (all of kai, lav, mot and sie,
  who wrote no digits) are ordered and split the same way among their contributor's
  letter-only writers.

The two UNIPEN files share 53 writer ids (a person's digits and letters). syn's digit-only
writers are named differently (`syn/bek-dig2`) from its letter writers (`syn/cam`), so whether
they are the same people cannot be told from the ids; they are split as different writers.
The test writers are never used for choosing anything: they are the README's final figure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.data.pen_sample import SOURCES, UCI, UNIPEN, PenSample, uci_writer, writer_of

TRAIN = "train"
VALIDATION = "validation"
TEST = "test"
SIDES = (TRAIN, VALIDATION, TEST)

#: UCI writers never trained on by the shipped weights: the figure the README reports.
UCI_TEST_WRITERS = (5, 10, 15, 20, 25, 30)
#: UCI writers held out to choose and calibrate on (never the test writers).
UCI_VALIDATION_WRITERS = (3, 13, 23)
#: A UNIPEN contributor needs this many writers to give one to each held-out side.
MIN_WRITERS = 3
#: Share of a contributor's writers on each held-out side (at least one).
HELD_SHARE = 0.15


def held_count(writers: int) -> int:
    """How many of a contributor's `writers` go to test, and as many to validation."""
    return max(1, round(HELD_SHARE * writers)) if writers >= MIN_WRITERS else 0


def writer_hash(writer: str) -> str:
    """The stable order key of a writer id (independent of Python's hash seed)."""
    return hashlib.sha256(writer.encode("utf-8")).hexdigest()


def _split_group(writers: Iterable[str]) -> dict[str, str]:
    ordered = sorted(set(writers), key=writer_hash)
    k = held_count(len(ordered))
    return {w: TEST if i < k else VALIDATION if i < 2 * k else TRAIN for i, w in enumerate(ordered)}


def uci_sides(writers: Iterable[int] = range(1, 31)) -> dict[str, str]:
    """UCI writer ids ("uci/5") to their side."""
    out = {}
    for w in writers:
        held = TEST if w in UCI_TEST_WRITERS else VALIDATION
        out[uci_writer(w)] = held if w in UCI_TEST_WRITERS + UCI_VALIDATION_WRITERS else TRAIN
    return out


def unipen_sides(digit_writers: Iterable[str], other_writers: Iterable[str] = ()) -> dict[str, str]:
    """UNIPEN writer ids to their side: digit writers split per contributor, then writers
    who appear only among the letters and symbols, per contributor among themselves."""
    digit_writers = set(digit_writers)
    letter_only = set(other_writers) - digit_writers
    out: dict[str, str] = {}
    for group in (digit_writers, letter_only):
        by_contributor: dict[str, list[str]] = {}
        for w in group:
            by_contributor.setdefault(w.split("/", 1)[0], []).append(w)
        for members in by_contributor.values():
            out.update(_split_group(members))
    return out


@dataclass(frozen=True)
class PenSplit:
    """Writer id (source-qualified) to side, for every writer of the sources it was made from."""

    sides: dict[str, str]

    def side(self, sample: PenSample) -> str:
        """The sample's side; a writer the split was not made with is refused (KeyError)."""
        return self.sides[writer_of(sample)]

    def select(self, samples: Sequence[PenSample], side: str) -> list[PenSample]:
        """The samples whose writer is on `side`, in their order."""
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        return [s for s in samples if self.sides[writer_of(s)] == side]

    def writers(self, side: str, source: str | None = None) -> list[str]:
        """The writer ids on `side` (of one source: ids start with "uci/" for UCI)."""
        return sorted(
            w
            for w, s in self.sides.items()
            if s == side and (source is None or (w.startswith(f"{UCI}/")) == (source == UCI))
        )


def make_split(samples: Iterable[PenSample]) -> PenSplit:
    """The split of every writer in `samples` (any mix of sources and files)."""
    uci: set[int] = set()
    unipen_digits: set[str] = set()
    unipen_other: set[str] = set()
    for s in samples:
        if s.source == UCI:
            uci.add(int(s.writer.split("/", 1)[1]))
        elif s.source == UNIPEN:
            (unipen_digits if s.is_digit else unipen_other).add(s.writer)
        else:
            raise ValueError(f"unknown pen source {s.source!r} (known: {SOURCES})")
    return PenSplit({**uci_sides(uci), **unipen_sides(unipen_digits, unipen_other)})
