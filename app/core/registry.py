"""One registry type for everything the app is extended with: panels, workspaces, data sets.

A `Registry[T]` holds items by their `key`, in the order they were added (that order is the
dock order, the workspace switch's order, the data set chooser's order). Nothing registers
itself on import: `app/features.py` fills the registries once, explicitly, and tests add an
item for the length of a block with `added(item)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, Protocol, TypeVar


class Keyed(Protocol):
    @property
    def key(self) -> str: ...


T = TypeVar("T", bound=Keyed)


class Registry(Generic[T]):
    """Items by key, in registration order; a key may be registered once."""

    def __init__(self, what: str) -> None:
        self.what = what  # for error messages: "panel", "workspace", "data set"
        self._items: dict[str, T] = {}

    def add(self, item: T) -> T:
        if item.key in self._items:
            raise ValueError(f"{self.what} {item.key!r} is already registered")
        self._items[item.key] = item
        return item

    def remove(self, key: str) -> None:
        self._items.pop(key, None)

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def items(self, where: Callable[[T], bool] | None = None) -> list[T]:
        """The items in registration order, optionally only those `where(item)` holds for."""
        return [i for i in self._items.values() if where is None or where(i)]

    def keys(self) -> list[str]:
        return list(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    @contextmanager
    def added(self, item: T) -> Iterator[T]:
        """Register `item` for the duration of a block (tests, plug-ins tried out)."""
        self.add(item)
        try:
            yield item
        finally:
            self.remove(item.key)
