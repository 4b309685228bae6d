"""Decompressing Unix `compress` (`.Z`, LZW) data, with a cap on the output size.

The UCI archive ships the original on-line pen digits as `pendigits-orig.tra.Z`; Python's
standard library has no reader for it, and the app should not need an external `uncompress`.
The format (as written by `compress` and read by `gzip -d`): the magic bytes 1F 9D, a flags
byte (maximum code width in bits 0-4, "block mode" with a CLEAR code 256 in bit 7), then LZW
codes packed least-significant bit first, starting 9 bits wide and growing to the maximum.
One quirk is kept from the original VAX implementation: codes are read in groups of eight, so
whenever the width changes (or the table is cleared) the rest of the current group is skipped.

Table entries are kept as whole byte strings rather than prefix links: a code's output is then
one lookup, which makes this pure-Python decoder fast enough (~0.3 s for the 3.6 MB
pen-digit file) and simple to check.
"""

from __future__ import annotations

from model.errors import DataError, LeNetLensError

MAGIC = b"\x1f\x9d"
CLEAR = 256


def is_lzw(data: bytes) -> bool:
    return data[:2] == MAGIC


def lzw_decompress(
    data: bytes,
    max_bytes: int,
    source: str = "<bytes>",
    error: type[LeNetLensError] = DataError,
) -> bytes:
    """The decompressed content of `.Z` data; `error` for anything else, for corrupt codes, or
    as soon as the output would exceed `max_bytes` (so a bomb never fills the memory)."""
    if len(data) < 3 or not is_lzw(data):
        raise error(
            f"{source}: not Unix compress (.Z) data", reason="file.corrupt_compressed", path=source
        )
    flags = data[2]
    max_bits = flags & 0x1F
    block_mode = bool(flags & 0x80)
    if flags & 0x60 or not 9 <= max_bits <= 16:
        raise error(
            f"{source}: unsupported .Z settings (flags 0x{flags:02x})",
            reason="file.corrupt_compressed",
            path=source,
        )
    literals = [bytes([i]) for i in range(256)]
    table = literals + [b""] if block_mode else list(literals)
    end = len(table) - 1  # the highest code in the table
    out = bytearray()
    pos, mark, n = 3, 3, len(data)
    bits, mask = 9, 0x1FF
    buf = left = 0
    prev: bytes | None = None
    while True:
        if end >= mask and bits < max_bits:
            pos += -(pos - mark) % bits  # skip the rest of this group of eight codes
            buf = left = 0
            mark = pos
            bits += 1
            mask = (mask << 1) | 1
        while left < bits and pos < n:
            buf |= data[pos] << left
            pos += 1
            left += 8
        if left < bits:
            break  # the end (the last bits are padding)
        code = buf & mask
        buf >>= bits
        left -= bits
        if block_mode and code == CLEAR:
            pos += -(pos - mark) % bits
            buf = left = 0
            mark = pos
            bits, mask = 9, 0x1FF
            del table[CLEAR + 1 :]
            end = CLEAR
            prev = None
            continue
        if prev is None:  # the first code (of the data or after a clear) is a literal
            if code > 255:
                raise error(
                    f"{source}: corrupt .Z data (code {code} at byte {pos})",
                    reason="file.corrupt_compressed",
                    path=source,
                )
            entry = table[code]
        elif code <= end:
            entry = table[code]
        elif code == end + 1:  # the entry this very code is about to define
            entry = prev + prev[:1]
        else:
            raise error(
                f"{source}: corrupt .Z data (code {code} at byte {pos})",
                reason="file.corrupt_compressed",
                path=source,
            )
        out += entry
        if len(out) > max_bytes:
            raise error(
                f"{source}: decompresses to more than {max_bytes} bytes, more than the expected "
                "file holds (not the expected file, or a decompression bomb); refused",
                reason="file.bomb",
                path=source,
            )
        if prev is not None and end < mask:
            table.append(prev + entry[:1])
            end += 1
        prev = entry
    return bytes(out)
