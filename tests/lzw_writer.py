"""A small Unix `compress` (.Z) writer for tests: the same code widths and group padding as
`compress`, so that `model.data.lzw` is checked on real-format data (`gzip -d` reads its output)."""

from __future__ import annotations

CLEAR = 256


def lzw_compress(
    data: bytes, max_bits: int = 16, block_mode: bool = True, clear_every: int | None = None
) -> bytes:
    """`clear_every`: emit a CLEAR code (block mode) after that many codes, as `compress` does
    when the compression ratio drops."""
    codes = _codes(data, max_bits, 257 if block_mode else 256, clear_every if block_mode else None)
    return _pack(codes, max_bits, block_mode)


def _codes(data: bytes, max_bits: int, first_free: int, clear_every: int | None) -> list[int]:
    table = {bytes([i]): i for i in range(256)}
    free, limit, w, codes, since = first_free, 1 << max_bits, b"", [], 0
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        codes.append(table[w])
        since += 1
        if free < limit:
            table[wc] = free
            free += 1
        w = bytes([byte])
        if clear_every is not None and since >= clear_every:
            codes.extend((table[w], CLEAR))
            table = {bytes([i]): i for i in range(256)}
            free, w, since = first_free, b"", 0
    if w:
        codes.append(table[w])
    return codes


def _pack(codes: list[int], max_bits: int, block_mode: bool) -> bytes:
    """Follow the reader's view of the table size: the width grows when its table is full,
    and the rest of the current group of eight codes is then padded."""
    body, acc, nacc, mark = bytearray(), 0, 0, 0
    bits, mask, end = 9, 0x1FF, 256 if block_mode else 255
    first = True  # the first code (of the data or after a CLEAR) adds no table entry
    for code in codes:
        if end >= mask and bits < max_bits:
            if nacc:
                body.append(acc & 0xFF)
            acc = nacc = 0
            body.extend(b"\0" * (-(len(body) - mark) % bits))
            mark = len(body)
            bits, mask = bits + 1, (mask << 1) | 1
        acc |= code << nacc
        nacc += bits
        while nacc >= 8:
            body.append(acc & 0xFF)
            acc >>= 8
            nacc -= 8
        if block_mode and code == CLEAR:
            if nacc:
                body.append(acc & 0xFF)
            acc = nacc = 0
            body.extend(b"\0" * (-(len(body) - mark) % bits))
            mark = len(body)
            bits, mask, end, first = 9, 0x1FF, 256, True
            continue
        if not first and end < mask:
            end += 1
        first = False
    if nacc:
        body.append(acc & 0xFF)
    return bytes([0x1F, 0x9D, max_bits | (0x80 if block_mode else 0)]) + bytes(body)
