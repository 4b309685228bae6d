"""Reading data files with a cap on memory: decompression stops at the expected size + 1 byte.

The sizes of the files the app reads are known in advance (MNIST's IDX headers, the UNIPEN
pen-digit files), so a `.gz` that expands beyond that is refused as soon as it does, instead of
being inflated whole first (a 6 MB gzip bomb expands to 6 GB) and rejected by its checksum after.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from pathlib import Path
from typing import BinaryIO

from model.errors import DataError, LeNetLensError
from model.files.atomic import file_kind

GZIP_MAGIC = b"\x1f\x8b"


def open_regular(
    path: str | os.PathLike, error: type[LeNetLensError] = DataError, what: str = "file"
) -> BinaryIO:
    """Open a file for reading, refusing what is not a regular file before opening it (a FIFO
    would block) and naming the problem: not found, permission denied, a directory, …"""
    path = Path(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise error(
                f"{path}: not a regular file ({file_kind(st.st_mode)})",
                reason="file.not_regular",
                path=path,
            )
        return open(path, "rb")
    except LeNetLensError:
        raise
    except FileNotFoundError:
        raise error(f"{path}: {what} not found", reason="file.not_found", path=path) from None
    except PermissionError:
        raise error(
            f"{path}: permission denied (cannot read the {what})",
            reason="file.permission",
            path=path,
        ) from None
    except NotADirectoryError:
        raise error(
            f"{path}: {what} not found (a part of the path is a file)",
            reason="file.not_found",
            path=path,
        ) from None
    except OSError as exc:
        raise error(
            f"{path}: cannot read ({exc.strerror or exc})", reason="file.unreadable", path=path
        ) from None
    except ValueError:  # os.stat refuses a path with a NUL byte before asking the system
        raise error(
            f"{str(path)!r}: not a valid file name (it contains a NUL byte)",
            reason="file.not_found",
            path=path,
        ) from None


def read_file(
    path: str | os.PathLike, max_bytes: int, error: type[LeNetLensError] = DataError
) -> bytes:
    """The content of a raw or gzip file (detected by its magic bytes), at most `max_bytes`
    once decompressed; more is refused with `error` without reading further."""
    path = Path(path)
    with open_regular(path, error) as fh:
        try:
            magic = fh.read(2)
            fh.seek(0)
            if magic == GZIP_MAGIC:
                return _inflate(fh, max_bytes, str(path), error)
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise error(
                f"{path}: cannot read ({exc.strerror or exc})", reason="file.unreadable", path=path
            ) from None
    if len(data) > max_bytes:
        raise error(
            f"{path}: larger than {_size(max_bytes)}: not the expected file",
            reason="file.too_large",
            path=path,
        )
    return data


def read_gzip(
    path: str | os.PathLike, max_bytes: int, error: type[LeNetLensError] = DataError
) -> bytes:
    """The decompressed content of a `.gz` file, refused (`error`) beyond `max_bytes`.

    Memory stays within about `max_bytes` whatever the file expands to.
    """
    path = Path(path)
    with open_regular(path, error) as fh:
        return _inflate(fh, max_bytes, str(path), error)


def decompress_gzip(
    data: bytes, max_bytes: int, source: str = "<bytes>", error: type[LeNetLensError] = DataError
) -> bytes:
    """`gzip.decompress` with the same cap, for data already in memory (a download)."""
    return _inflate(io.BytesIO(data), max_bytes, source, error)


def _inflate(fh: BinaryIO, max_bytes: int, source: str, error: type[LeNetLensError]) -> bytes:
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            data = gz.read(max_bytes + 1)  # reads in bounded chunks, stops here
    except (OSError, EOFError, zlib.error) as exc:
        raise error(
            f"{source}: corrupt or truncated gzip data ({exc})",
            reason="file.corrupt_compressed",
            path=source,
        ) from None
    if len(data) > max_bytes:
        raise error(
            f"{source}: decompresses to more than {_size(max_bytes)}, more than the expected "
            "file holds (not the expected file, or a decompression bomb); refused",
            reason="file.bomb",
            path=source,
        )
    return data


def _size(n: int) -> str:
    return f"{n} bytes" if n < 10_000 else f"{n / 1e6:.1f} MB"
