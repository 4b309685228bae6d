"""Every pen source the project has, read into `PenSample`s and split by writer in one go.

Training, the evaluation CLI and the benchmarks all need the same thing: the UCI pen digits
and UNIPEN's digits (and, for "not a digit", its letters and symbols), split by the one
writer-disjoint rule of `model.data.pen_split`. A source whose files are absent is left out
and named in `missing`, so a checkout without the shared data still trains on what it has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from model.data.pen_digits import find_pen_file, load_pen_digits
from model.data.pen_sample import SOURCES, UCI, UNIPEN, PenSample, from_pen_digit
from model.data.pen_split import SIDES, PenSplit, make_split
from model.data.unipen_json import DIGITS_FILE, NONDIGITS_FILE, find_unipen_file, read_unipen_json
from model.files.json_pieces import collection_paused


@dataclass(frozen=True)
class PenSources:
    """The samples of every source found, and the split of their writers."""

    samples: tuple[PenSample, ...]
    split: PenSplit
    files: dict[str, Path] = field(default_factory=dict)  # what was read, by name
    missing: tuple[str, ...] = ()  # names of the files looked for and not found

    def digits(self, side: str, sources: tuple[str, ...] = SOURCES) -> list[PenSample]:
        """The digits of writers on `side` (TRAIN, VALIDATION, TEST) from `sources`."""
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        return [
            s
            for s in self.samples
            if s.is_digit and s.source in sources and self.split.side(s) == side
        ]

    def nondigits(self, side: str) -> list[PenSample]:
        """The letters and symbols of writers on `side`."""
        return [s for s in self.samples if not s.is_digit and self.split.side(s) == side]


def load_pen_sources(
    pen_dir: str | os.PathLike | None = None,
    unipen_dir: str | os.PathLike | None = None,
    sources: tuple[str, ...] = SOURCES,
    nondigits: bool = True,
) -> PenSources:
    """Read every file of `sources` that can be found (see each reader's folder rules).
    Raises `DataError` for a file that is there but unreadable.

    Read with cyclic garbage collection paused (`collection_paused`): the tens of thousands of
    samples set off full collections, each a pause of every thread (a GUI's too)."""
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown pen sources {sorted(unknown)} (known: {SOURCES})")
    with collection_paused():
        return _read_sources(pen_dir, unipen_dir, sources, nondigits)


def _read_sources(
    pen_dir: str | os.PathLike | None,
    unipen_dir: str | os.PathLike | None,
    sources: tuple[str, ...],
    nondigits: bool,
) -> PenSources:
    samples: list[PenSample] = []
    files: dict[str, Path] = {}
    missing: list[str] = []
    if UCI in sources:
        path = find_pen_file(pen_dir)
        if path is None:
            missing.append("pendigits-orig.tra.gz")
        else:
            files[UCI] = path
            samples.extend(from_pen_digit(d) for d in load_pen_digits(path))
    if UNIPEN in sources:
        for name in (DIGITS_FILE, NONDIGITS_FILE) if nondigits else (DIGITS_FILE,):
            path = find_unipen_file(name, unipen_dir)
            if path is None:
                missing.append(name)
            else:
                files[name] = path
                samples.extend(read_unipen_json(path))
    return PenSources(tuple(samples), make_split(samples), files, tuple(missing))
