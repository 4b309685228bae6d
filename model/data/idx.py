"""Reading and writing IDX files (the MNIST container), raw or gzip-compressed.

The reader checks the magic number, the dimensions against the file's size, and optionally the
sha256 of the decompressed bytes, so a truncated or tampered file is reported, never half-read.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
from pathlib import Path

import numpy as np

from model.errors import DataError
from model.files.atomic import atomic_write_bytes
from model.files.bounded import read_file

__all__ = ["atomic_write_bytes", "idx_size", "parse_idx", "read_bytes", "read_idx", "write_idx"]

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


#: Cap on an IDX file of unknown size (MNIST's largest is 47 MB): memory stays bounded.
MAX_IDX_BYTES = 128 * 1024 * 1024


def read_bytes(path: Path, max_bytes: int = MAX_IDX_BYTES) -> bytes:
    """The decompressed content of a raw or `.gz` file; refused beyond `max_bytes`."""
    return read_file(path, max_bytes, DataError)


def idx_size(shape: tuple[int, ...], itemsize: int = 1) -> int:
    """The exact byte size of an IDX file holding `shape` items: the cap for reading it."""
    return 4 + 4 * len(shape) + int(np.prod(shape, dtype=np.int64)) * itemsize


def parse_idx(data: bytes, source: str = "<bytes>") -> np.ndarray:
    """Parse IDX bytes into an array, checking the header against the payload size."""
    if len(data) < 4:
        raise DataError(
            f"{source}: too short to be an IDX file ({len(data)} bytes)",
            reason="data.not_idx",
            path=source,
        )
    zero, type_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or type_code not in _DTYPES or ndim == 0:
        raise DataError(
            f"{source}: wrong magic number 0x{data[:4].hex()} (not an IDX file, or corrupt)",
            reason="data.not_idx",
            path=source,
        )
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(f"{source}: truncated header", reason="data.not_idx", path=source)
    dims = struct.unpack(f">{ndim}I", data[4:header])
    dtype = _DTYPES[type_code]
    expected = int(np.prod(dims, dtype=np.int64)) * dtype.itemsize
    actual = len(data) - header
    if actual != expected:
        raise DataError(
            f"{source}: header says {'x'.join(map(str, dims))} items ({expected} bytes) "
            f"but the file holds {actual} bytes (truncated or wrong size)",
            reason="data.wrong_size",
            path=source,
        )
    return np.frombuffer(data, dtype=dtype, offset=header).reshape(dims)


def read_idx(path: Path, sha256: str | None = None, max_bytes: int = MAX_IDX_BYTES) -> np.ndarray:
    """Read an IDX file; if `sha256` is given, the decompressed bytes must match it. A file
    that decompresses beyond `max_bytes` is refused as soon as it does."""
    data = read_bytes(path, max_bytes)
    if sha256 is not None:
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha256:
            raise DataError(
                f"{path}: checksum mismatch (sha256 {digest[:12]}…, expected {sha256[:12]}…); "
                "the file is corrupt or not the canonical MNIST file — delete it and fetch it "
                "again",
                reason="data.checksum",
                path=path,
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
    atomic_write_bytes(path, payload)  # raises SaveError naming the file
