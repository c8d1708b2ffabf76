"""`RowStore`: a table's rows kept compactly.

Typed rows (frozen models, slotted row classes) are kept as they are, one object each, and
their columns read through each `Column`'s getter. Dict rows are packed:

A dict per row costs about three times what a tuple of its values does, and 100,000 rows
are 100,000 of them. The store keeps one list of keys (the union of every row's keys, in
first-seen order) and each row as the tuple of its values in that order. Reading a row
gives a fresh dict (only rows on screen are read, so that is cheap); whole columns are
read straight from the tuples for filtering and sorting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

Row = Any  # a typed row object, or a Mapping (packed, see above)

_MISSING: Any = object()  # a key this row does not have (another row does)


class RowStore(Sequence[Row]):
    """The rows of a table: `store[i]` is the typed row that was stored, or for dict rows a
    new dict equal to it."""

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        self._keys: tuple[str, ...] = ()
        self._slots: dict[str, int] = {}
        self._data: list[Any] = []  # typed rows, or the packed tuples of dict rows
        self._packed: bool | None = None  # dict rows? decided by the first row stored
        self._ragged = False  # some tuples are shorter than the keys, or hold _MISSING
        self.extend(rows)

    def __len__(self) -> int:
        return len(self._data)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            if not self._packed:
                return self._data[index]
            return [self._unpack(values) for values in self._data[index]]
        if not self._packed:
            return self._data[index]
        return self._unpack(self._data[index])

    def __iter__(self) -> Iterator[Row]:
        if not self._packed:
            return iter(self._data)
        return (self._unpack(values) for values in self._data)

    def extend(self, rows: Iterable[Row]) -> None:
        rows = rows if isinstance(rows, Sequence) else list(rows)
        if self._packed is None and rows:
            self._packed = isinstance(rows[0], Mapping)
        if self._packed:
            pack = self._pack
            self._data.extend(pack(row) for row in rows)
        else:
            self._data.extend(rows)

    def replace(self, index: int, row: Row) -> None:
        self._data[index] = self._pack(row) if self._packed else row

    def column(
        self,
        key: str,
        start: int = 0,
        end: int | None = None,
        get: Callable[[Any], Any] | None = None,
    ) -> list[Any]:
        """The values of `key` in rows [start, end), None where a row lacks it. Typed rows
        are read with `get` (a column's getter), else by the attribute `key`."""
        data = self._data[start:end]
        if not self._packed:
            if get is not None:
                return [get(row) for row in data]
            return [getattr(row, key, None) for row in data]
        slot = self._slots.get(key)
        if slot is None:
            return [None] * len(data)
        if not self._ragged:
            return [values[slot] for values in data]
        column = [values[slot] if slot < len(values) else None for values in data]
        return [None if value is _MISSING else value for value in column]

    # -- packing -----------------------------------------------------------------------

    def _pack(self, row: Row) -> tuple[Any, ...]:
        keys = tuple(row)
        if keys == self._keys:
            return tuple(row.values())
        return self._pack_other(row, keys)

    def _pack_other(self, row: Row, keys: tuple[str, ...]) -> tuple[Any, ...]:
        if keys == self._keys[: len(keys)]:  # a prefix of the known keys
            self._ragged = self._ragged or len(keys) < len(self._keys)
            return tuple(row.values())
        new = [key for key in keys if key not in self._slots]
        if new:
            if self._data:
                self._ragged = True  # rows stored so far are now shorter than the keys
            for key in new:
                self._slots[key] = len(self._keys)
                self._keys += (key,)
        if keys == self._keys:
            return tuple(row.values())
        if len(keys) < len(self._keys):
            self._ragged = True
        return tuple(row.get(key, _MISSING) for key in self._keys)

    def _unpack(self, values: tuple[Any, ...]) -> dict[str, Any]:
        if not self._ragged:
            return dict(zip(self._keys, values, strict=True))
        return {
            key: value
            for key, value in zip(self._keys, values, strict=False)
            if value is not _MISSING
        }
