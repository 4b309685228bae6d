"""A small Unix `compress` (.Z) writer for tests: the same code widths and group padding as
`compress`, so that `model.lzw` is checked on real-format data (`gzip -d` reads its output)."""

from __future__ import annotations


def lzw_compress(data: bytes, max_bits: int = 16, block_mode: bool = True) -> bytes:
    codes = _codes(data, max_bits, 257 if block_mode else 256)
    return _pack(codes, max_bits, block_mode)


def _codes(data: bytes, max_bits: int, first_free: int) -> list[int]:
    table = {bytes([i]): i for i in range(256)}
    free, limit, w, codes = first_free, 1 << max_bits, b"", []
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        codes.append(table[w])
        if free < limit:
            table[wc] = free
            free += 1
        w = bytes([byte])
    if w:
        codes.append(table[w])
    return codes


def _pack(codes: list[int], max_bits: int, block_mode: bool) -> bytes:
    """Follow the reader's view of the table size: the width grows when its table is full,
    and the rest of the current group of eight codes is then padded."""
    body, acc, nacc, mark = bytearray(), 0, 0, 0
    bits, mask, end = 9, 0x1FF, 256 if block_mode else 255
    for i, code in enumerate(codes):
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
        if i and end < mask:
            end += 1
    if nacc:
        body.append(acc & 0xFF)
    return bytes([0x1F, 0x9D, max_bits | (0x80 if block_mode else 0)]) + bytes(body)
