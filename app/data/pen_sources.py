"""Every pen source (UCI pen digits, UNIPEN digits, letters and symbols), read once a session.

Reading and splitting all of them (`model.data.pen_sources.load_pen_sources`) takes a few
seconds, and Retrain, Insight's non-digit data sets and the pen row all want the same thing;
the shared data cache keeps one copy, keyed by the files found and their sizes and times, so
replacing or adding a file is a fresh read.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.data_cache import DATA_CACHE, file_identity
from app.core.long_lived import settle_long_lived
from model.data.pen_digits import find_pen_file
from model.data.pen_sources import PenSources, load_pen_sources
from model.data.unipen_json import DIGITS_FILE, NONDIGITS_FILE, find_unipen_file

#: The data cache's kind for these (one entry: the sources of the folders last asked for).
PEN_SOURCES = "pen-sources"


def found_files(
    pen_dir: str | os.PathLike | None = None, unipen_dir: str | os.PathLike | None = None
) -> dict[str, Path | None]:
    """The pen files that would be read, by name (None where absent)."""
    return {
        "pendigits-orig.tra.gz": find_pen_file(pen_dir),
        DIGITS_FILE: find_unipen_file(DIGITS_FILE, unipen_dir),
        NONDIGITS_FILE: find_unipen_file(NONDIGITS_FILE, unipen_dir),
    }


def cached_pen_sources(
    pen_dir: str | os.PathLike | None = None, unipen_dir: str | os.PathLike | None = None
) -> PenSources:
    """Every pen source found, split by writer, read once. Raises `DataError` for a file that
    is there but unreadable; absent files are named in `PenSources.missing`."""
    files = found_files(pen_dir, unipen_dir)
    key = tuple(file_identity(path) for path in files.values())

    def load() -> PenSources:
        sources = load_pen_sources(files["pendigits-orig.tra.gz"], unipen_dir)
        settle_long_lived()  # kept for the session: out of later full collections' scans
        return sources

    return DATA_CACHE.get_or_load(PEN_SOURCES, key, load)
