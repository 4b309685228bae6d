"""`json.loads` for a large document, one array element at a time.

Why: `json.loads` is a single C call that holds Python's global interpreter lock until it ends;
on the 15 MB UNIPEN letters file that is over a second in which a GUI thread cannot run, so the
window froze when Retrain read the pen files in its worker thread. Decoding the named top-level
arrays element by element (each a small `raw_decode`) gives the interpreter a chance to switch
threads between elements, and returns exactly what `json.loads` would, errors included (a
`ValueError`, `json.JSONDecodeError` for malformed text).

`collection_paused` keeps Python's cyclic garbage collector out of such a read: the millions of
small lists a pen file decodes into set off full collections, each a pause of 0.1-0.3 s that
grows with the objects alive, during which no other thread runs either.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

_WHITESPACE = " \t\n\r"


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (as before it, after it). The objects a
    decode makes hold no cycles; they are freed by reference counting once converted."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def loads_in_pieces(
    text: str,
    pieces: Iterable[str] = (),
    parse_constant: Callable[[str], Any] | None = None,
) -> Any:
    """The JSON value of `text`; when it is an object, the arrays under the top-level keys in
    `pieces` are decoded one element at a time (any other value as a whole)."""
    decoder = json.JSONDecoder(parse_constant=parse_constant)
    split = set(pieces)
    position = _skip(text, 0)
    if not split or not text.startswith("{", position):
        return decoder.decode(text)
    result: dict[str, Any] = {}
    position = _skip(text, position + 1)
    if text.startswith("}", position):
        return _end(text, position + 1, result)
    while True:
        if not text.startswith('"', position):
            raise json.JSONDecodeError("Expecting a property name in double quotes", text, position)
        key, position = decoder.raw_decode(text, position)
        position = _skip(text, position)
        if not text.startswith(":", position):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, position)
        position = _skip(text, position + 1)
        if key in split and text.startswith("[", position):
            result[key], position = _array(decoder, text, position)
        else:
            result[key], position = decoder.raw_decode(text, position)
        position = _skip(text, position)
        if text.startswith("}", position):
            return _end(text, position + 1, result)
        if not text.startswith(",", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        position = _skip(text, position + 1)


def _array(decoder: json.JSONDecoder, text: str, position: int) -> tuple[list, int]:
    """The array starting at `position` ('['), element by element; and the position after it."""
    items: list[Any] = []
    position = _skip(text, position + 1)
    if text.startswith("]", position):
        return items, position + 1
    while True:
        item, position = decoder.raw_decode(text, position)
        items.append(item)
        position = _skip(text, position)
        if text.startswith("]", position):
            return items, position + 1
        if not text.startswith(",", position):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, position)
        position = _skip(text, position + 1)


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _end(text: str, position: int, value: Any) -> Any:
    if _skip(text, position) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, position))
    return value
