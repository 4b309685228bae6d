"""Reading and writing IDX files (the MNIST container), raw or gzip-compressed.

The reader checks the magic number, the dimensions against the file's size, and optionally the
sha256 of the decompressed bytes, so a truncated or tampered file is reported, never half-read.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from model.errors import DataError

# IDX type codes -> numpy dtypes (big-endian where it matters)
_DTYPES = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_CODES = {np.dtype(v).str: k for k, v in _DTYPES.items()}


def read_bytes(path: Path) -> bytes:
    """The decompressed content of a raw or `.gz` file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise DataError(f"{path}: corrupt or truncated gzip data ({exc})") from None
    return raw


def parse_idx(data: bytes, source: str = "<bytes>") -> np.ndarray:
    """Parse IDX bytes into an array, checking the header against the payload size."""
    if len(data) < 4:
        raise DataError(f"{source}: too short to be an IDX file ({len(data)} bytes)")
    zero, type_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or type_code not in _DTYPES or ndim == 0:
        raise DataError(
            f"{source}: wrong magic number 0x{data[:4].hex()} (not an IDX file, or corrupt)"
        )
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(f"{source}: truncated header")
    dims = struct.unpack(f">{ndim}I", data[4:header])
    dtype = _DTYPES[type_code]
    expected = int(np.prod(dims, dtype=np.int64)) * dtype.itemsize
    actual = len(data) - header
    if actual != expected:
        raise DataError(
            f"{source}: header says {'x'.join(map(str, dims))} items ({expected} bytes) "
            f"but the file holds {actual} bytes (truncated or wrong size)"
        )
    return np.frombuffer(data, dtype=dtype, offset=header).reshape(dims)


def read_idx(path: Path, sha256: str | None = None) -> np.ndarray:
    """Read an IDX file; if `sha256` is given, the decompressed bytes must match it."""
    data = read_bytes(path)
    if sha256 is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha256:
            raise DataError(
                f"{path}: checksum mismatch (sha256 {digest[:12]}…, expected {sha256[:12]}…); "
                "the file is corrupt or not the canonical MNIST file — delete it and fetch it again"
            )
    return parse_idx(data, str(path))


def write_idx(path: Path, array: np.ndarray, compress: bool | None = None) -> None:
    """Write `array` as IDX (gzip if the name ends in .gz), atomically."""
    path = Path(path)
    array = np.asarray(array)
    key = array.dtype.newbyteorder(">").str if array.dtype.itemsize > 1 else array.dtype.str
    if key not in _CODES:
        raise ValueError(f"dtype {array.dtype} has no IDX type code")
    header = struct.pack(">HBB", 0, _CODES[key], array.ndim)
    header += struct.pack(f">{array.ndim}I", *array.shape)
    payload = header + array.astype(np.dtype(key), copy=False).tobytes()
    if compress is None:
        compress = path.suffix == ".gz"
    if compress:
        payload = gzip.compress(payload, compresslevel=6)
    atomic_write_bytes(path, payload)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write to a temporary sibling, flush to disk, then rename over `path`."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
