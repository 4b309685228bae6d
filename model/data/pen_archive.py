"""Fetching the real pen digits from the UCI archive: `python -m model.cli.get_pen_digits`.

The UCI Machine Learning Repository (data set 81, "Pen-Based Recognition of Handwritten
Digits", CC BY 4.0) serves one zip archive; the original on-line strokes the app trains on are
the member `pendigits-orig.tra.Z`, compressed with Unix `compress` (`model.data.lzw`). The download
is checked against the sha256 of the decompressed file (the archive's own bytes may change when
UCI repackages it; the data must not) and stored as `pendigits-orig.tra.gz` in the per-user
cache, where `model.data.pen_digits.find_pen_file` looks. Every size is bounded before it is read in
full, the file is written atomically (a cancelled or failed download leaves nothing), and every
failure is a `PenDigitsDownloadError` naming the address or file and the problem.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from model.data import pen_digits as pendata
from model.data.fetch import fetch_bytes
from model.data.lzw import is_lzw, lzw_decompress
from model.errors import Cancelled, DownloadError, PenDigitsDownloadError, SaveError
from model.files.atomic import atomic_write_bytes
from model.files.bounded import GZIP_MAGIC, decompress_gzip
from model.files.user_dirs import user_cache_dir

URL = "https://archive.ics.uci.edu/static/public/81/pen+based+recognition+of+handwritten+digits.zip"
#: The member holding the original on-line strokes (`.Z`); a `.gz` or raw one is accepted too.
MEMBER = "pendigits-orig.tra"
#: Bytes of the decompressed file; its sha256 is `model.data.pen_digits.SHA256`.
SIZE = 3_641_673
#: The archive is about 1-2 MB: anything far larger is not it.
MAX_DOWNLOAD = 32 * 1024 * 1024
TARGET = "pendigits-orig.tra.gz"

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes in all or 0)
CancelFn = Callable[[], bool]


def default_pen_dir() -> Path:
    """Where a download goes unless told otherwise (searched by `find_pen_file`)."""
    return user_cache_dir() / "pendigits"


def download(
    pen_dir: str | os.PathLike | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    url: str | None = None,
    sha256: str | None = None,
    size: int | None = None,
    timeout: float = 30.0,
) -> Path:
    """Fetch, decompress and verify the pen digits; write them into `pen_dir` (default: the
    user cache); the path written. `url`, `sha256` and `size` default to this module's `URL`,
    `SIZE` and `model.data.pen_digits.SHA256`, looked up at call time (tests point them
    elsewhere)."""
    url = url or URL
    sha256 = sha256 or pendata.SHA256
    size = size or SIZE
    folder = Path(pen_dir).expanduser() if pen_dir else default_pen_dir()
    payload = fetch(url, progress, should_cancel, timeout)
    data = extract(payload, url, size)
    digest = hashlib.sha256(data).hexdigest()
    if len(data) != size or digest != sha256:
        raise PenDigitsDownloadError(
            f"{url}: checksum mismatch ({len(data)} bytes, sha256 {digest[:12]}…; expected "
            f"{size} bytes, sha256 {sha256[:12]}…): not the UCI pen-digits file",
            reason="download.checksum",
            path=url,
        )
    if should_cancel and should_cancel():
        raise Cancelled("pen digits: download cancelled")
    try:
        return atomic_write_bytes(
            folder / TARGET, gzip.compress(data, compresslevel=9, mtime=0), make_parents=True
        )
    except SaveError as exc:
        raise PenDigitsDownloadError(str(exc), **exc.details()) from None


def fetch(
    url: str,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
    timeout: float = 30.0,
    max_bytes: int = MAX_DOWNLOAD,
) -> bytes:
    """The bytes at `url`, read in 64 KiB chunks (cancel is checked between them)."""
    try:
        return fetch_bytes(
            url, max_bytes, progress, should_cancel, timeout, " (is the computer online?)"
        )
    except DownloadError as exc:  # the shared fetch knows no data set: say which one failed
        raise PenDigitsDownloadError(str(exc), **exc.details()) from None


def extract(payload: bytes, source: str, size: int = SIZE) -> bytes:
    """The decompressed pen-digit file from a zip archive (member `.Z`, `.gz` or raw), or
    from a bare `.Z` / `.gz` / raw file; never more than `size` bytes (else
    `PenDigitsDownloadError`)."""
    if payload[:2] == b"PK":
        return _from_zip(payload, source, size)
    return _decompress(payload, source, size)


def _from_zip(payload: bytes, source: str, size: int) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            members = {Path(info.filename).name: info for info in archive.infolist()}
            for name in (f"{MEMBER}.Z", f"{MEMBER}.gz", MEMBER):
                info = members.get(name)
                if info is None:
                    continue
                where = f"{source} ▸ {info.filename}"
                if info.file_size > size + (1 << 20):
                    raise PenDigitsDownloadError(
                        f"{where}: {info.file_size} bytes; refused",
                        reason="download.bad_archive",
                        path=source,
                    )
                with archive.open(info) as fh:
                    member = fh.read(size + (1 << 20) + 1)
                return _decompress(member, where, size)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise PenDigitsDownloadError(
            f"{source}: corrupt zip archive ({exc})", reason="download.bad_archive", path=source
        ) from None
    raise PenDigitsDownloadError(
        f"{source}: no {MEMBER}.Z in the archive (not the UCI pen-digits zip)",
        reason="download.bad_archive",
        path=source,
    )


def _decompress(data: bytes, source: str, size: int) -> bytes:
    if is_lzw(data):
        return lzw_decompress(data, size, source, PenDigitsDownloadError)
    if data[:2] == GZIP_MAGIC:
        return decompress_gzip(data, size, source, PenDigitsDownloadError)
    if len(data) > size:
        raise PenDigitsDownloadError(
            f"{source}: larger than the pen-digit file; refused",
            reason="download.too_large",
            path=source,
        )
    return data
