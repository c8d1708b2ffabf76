"""Staged changes to one lookup table: edited cells, added rows and deletions, not yet sent.

Each staged row keeps the values it had when it was loaded (`base`), so saving can tell whether
someone else changed it since, and the diff can say old -> new. Every user action is one undo
step; every change returns the grid rows it affects (`GridChange`: key and the row to show, or
None when the row leaves the grid).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .gcpause import collector_paused
from .rows import ID, Row, Values, is_new_key, make_row, values_of

Kind = Literal["add", "update", "delete"]
GridChange = tuple[int, Row | None]

CHANGED = "resource-table--changed"
ADDED = "resource-table--success"
DELETED = "resource-table--danger"
FAILED = "resource-table--warning"
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one, not one per row
IMPORT_CHUNK = 500  # rows staged at a time by `import_chunks`


@dataclass
class StagedRow:
    """One row with a pending change."""

    key: int  # the row id, or a negative key for a row not saved yet
    base: Values | None  # the values when it was loaded (None: a new row)
    values: Values  # the values it will have
    deleted: bool = False
    error: str | None = None  # why the last save of this row failed
    _json: str | None = field(default=None, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        """Any change drops the cached JSON text (see `json_text`)."""
        object.__setattr__(self, name, value)
        if name != "_json":
            object.__setattr__(self, "_json", None)

    @property
    def kind(self) -> Kind:
        if self.base is None:
            return "add"
        return "delete" if self.deleted else "update"

    def changed_columns(self) -> list[str]:
        if self.base is None:
            return list(self.values)
        return [c for c, v in self.values.items() if v != self.base.get(c, "")]

    @property
    def is_noop(self) -> bool:
        return self.base is not None and not self.deleted and not self.changed_columns()

    def clone(self) -> StagedRow:
        return replace(
            self, base=None if self.base is None else dict(self.base), values=dict(self.values)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "base": self.base,
            "values": self.values,
            "deleted": self.deleted,
            "error": self.error,
        }

    def json_text(self) -> str:
        """`to_json()` as compact JSON, kept until the row changes: rewriting the staged file
        after one edit then re-encodes one row, not every row of a big import."""
        if self._json is None:
            self._json = _ENCODER.encode(self.to_json())
        return self._json

    @classmethod
    def from_json(cls, data: Mapping[str, Any], columns: Sequence[str]) -> StagedRow:
        base = data.get("base")
        return cls(
            int(data["key"]),
            None if base is None else _known(base, columns),
            _known(data.get("values") or {}, columns),
            bool(data.get("deleted")),
            data.get("error"),
        )


def _known(values: Mapping[str, Any], columns: Sequence[str]) -> Values:
    return {c: "" if values.get(c) is None else str(values[c]) for c in columns}


@dataclass(frozen=True)
class Counts:
    added: int = 0
    changed: int = 0
    cells: int = 0
    deleted: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.deleted


@dataclass
class Staging:
    """All pending changes of one table, with undo."""

    table_id: int
    columns: list[str]
    rows: dict[int, StagedRow] = field(default_factory=dict)
    history: list[dict[int, StagedRow | None]] = field(default_factory=list)
    _step_before: dict[int, StagedRow | None] | None = field(default=None, init=False, repr=False)
    _lowest_key: int | None = field(default=None, init=False, repr=False)  # last new-row key

    # reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def get(self, key: Any) -> StagedRow | None:
        return self.rows.get(key)

    def of_kind(self, kind: Kind) -> list[StagedRow]:
        return [r for r in self.rows.values() if r.kind == kind]

    def counts(self) -> Counts:
        """One pass over the staged rows (the status line asks on every cursor move)."""
        added = changed = cells = deleted = failed = 0
        for staged in self.rows.values():
            if staged.base is None:
                added += 1
            elif staged.deleted:
                deleted += 1
            else:
                changed += 1
                cells += len(staged.changed_columns())
            if staged.error is not None:
                failed += 1
        return Counts(added, changed, cells, deleted, failed)

    def summary(self) -> str:
        c = self.counts()
        if not c.total:
            return "No pending changes"
        cells = f"{c.cells} cell{'s' if c.cells != 1 else ''}"
        parts = [
            f"{c.changed} changed ({cells})" if c.changed else "",
            f"{c.added} added" if c.added else "",
            f"{c.deleted} deleted" if c.deleted else "",
        ]
        text = f"{c.total} pending change{'s' if c.total != 1 else ''}: " + ", ".join(
            p for p in parts if p
        )
        return text + (f"; {c.failed} not saved (the row says why)" if c.failed else "")

    def display(self, row: Row) -> Row:
        """`row` with its staged values, if it has any."""
        staged = self.rows.get(row[ID])
        return row if staged is None else make_row(staged.key, staged.values)

    def row_class(self, row: Mapping[str, Any]) -> str | None:
        staged = self.rows.get(row[ID]) if self.rows else None
        if staged is None:
            return None
        if staged.deleted:
            return DELETED
        if staged.error:
            return FAILED
        return ADDED if staged.base is None else None

    def cell_class(self, row: Mapping[str, Any], column: str) -> str | None:
        staged = self.rows.get(row[ID]) if self.rows else None
        if staged is None or staged.base is None or staged.deleted or column not in staged.base:
            return None
        return CHANGED if staged.values.get(column) != staged.base[column] else None

    # changing (each call is one undo step) -------------------------------------------------

    def set_cell(self, row: Row, column: str, value: str) -> list[GridChange]:
        current = self._values(row)
        if current.get(column) == value:
            return []
        with self._step():
            return [self._set_values(row, {**current, column: value})]

    def add_row(self, values: Mapping[str, str] | None = None) -> list[GridChange]:
        with self._step():
            return [self._add(values or {})]

    def toggle_delete(self, rows: Sequence[Row]) -> list[GridChange]:
        with self._step():
            return [self._toggle_delete(row) for row in rows]

    def apply_import(
        self, changes: Sequence[tuple[Row, Values]], adds: Sequence[Values], deletes: Sequence[Row]
    ) -> list[GridChange]:
        """Stage a whole file's differences as one undo step."""
        found: list[GridChange] = []
        with collector_paused():
            for chunk in self.import_chunks(changes, adds, deletes):
                found += chunk
        return found

    def import_chunks(
        self,
        changes: Sequence[tuple[Row, Values]],
        adds: Sequence[Values],
        deletes: Sequence[Row],
        size: int | None = None,
    ) -> Generator[list[GridChange]]:
        """Stage a file's differences `size` rows at a time, all as one undo step.

        The caller may show each chunk and let other work run between chunks; edits made in
        between are steps of their own (this step is only in `_step_before` while staging).
        """
        size = size or IMPORT_CHUNK
        step: dict[int, StagedRow | None] = {}
        work: list[tuple[Callable[[Any], GridChange], Any]] = [
            *((self._change_one, item) for item in changes),
            *((self._add, values) for values in adds),
            *((self._mark_deleted, row) for row in deletes),
        ]
        try:
            for start in range(0, len(work), size):
                self._step_before = step
                try:
                    chunk = [stage(item) for stage, item in work[start : start + size]]
                finally:
                    self._step_before = None
                yield chunk
        finally:
            if step:
                self.history.append(step)

    def _change_one(self, item: tuple[Row, Values]) -> GridChange:
        row, new = item
        return self._set_values(row, {**self._values(row), **new})

    def undo(self) -> list[GridChange] | None:
        """Undo the last step; None when there is nothing to undo."""
        if not self.history:
            return None
        step = self.history.pop()
        changes: list[GridChange] = []
        for key, before in step.items():
            now = self.rows.pop(key, None)
            if before is not None:
                self.rows[key] = before
                changes.append((key, make_row(key, before.values)))
            elif is_new_key(key) or now is None or now.base is None:
                changes.append((key, None))
            else:
                changes.append((key, make_row(key, now.base)))
        return changes

    def discard_all(self) -> list[GridChange]:
        with self._step():
            return [self._unstage(key) for key in list(self.rows)]

    # after a save or a conflict ------------------------------------------------------------

    def forget(self, key: int) -> None:
        """The server has this change now: drop it, and from the undo history too."""
        self.rows.pop(key, None)
        for step in self.history:
            step.pop(key, None)
        self.history = [step for step in self.history if step]

    def fail(self, key: int, message: str) -> None:
        staged = self.rows.get(key)
        if staged is not None:
            staged.error = message

    def take_theirs(self, key: int, theirs: Values | None) -> list[GridChange]:
        """Drop the staged change and show the server's version (None: it is gone)."""
        with self._step():
            self._touch(key)
            self.rows.pop(key, None)
        return [(key, None if theirs is None else make_row(key, theirs))]

    def keep_yours(self, key: int, theirs: Values | None) -> tuple[int, list[GridChange]]:
        """Re-stage your change on top of the server's version; returns the key to save."""
        staged = self.rows[key]
        with self._step():
            self._touch(key)
            if theirs is None:  # they deleted it: yours comes back as a new row
                del self.rows[key]
                new_key, row = self._add(staged.values)
                return new_key, [(key, None), (new_key, row)]
            mine = {c: staged.values[c] for c in staged.changed_columns()}
            rebased = StagedRow(key, dict(theirs), {**theirs, **mine}, staged.deleted)
            self.rows[key] = rebased
        return key, [(key, make_row(key, rebased.values))]

    # persistence ---------------------------------------------------------------------------

    def to_json(self, *, rows: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"table_id": self.table_id, "columns": self.columns}
        if rows:
            data["rows"] = [r.to_json() for r in self.rows.values()]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any], columns: Sequence[str]) -> Staging:
        staging = cls(int(data["table_id"]), list(columns))
        for item in data.get("rows") or []:
            row = StagedRow.from_json(item, columns)
            if not row.is_noop:
                staging.rows[row.key] = row
        return staging

    # internals -----------------------------------------------------------------------------

    @contextmanager
    def _step(self) -> Iterator[None]:
        self._step_before = {}
        try:
            yield
        finally:
            if self._step_before:
                self.history.append(self._step_before)
            self._step_before = None

    def _touch(self, key: int) -> None:
        if self._step_before is not None and key not in self._step_before:
            staged = self.rows.get(key)
            self._step_before[key] = None if staged is None else staged.clone()

    def _values(self, row: Row) -> Values:
        staged = self.rows.get(row[ID])
        return dict(staged.values) if staged else values_of(row, self.columns)

    def _new_key(self) -> int:
        """A negative key no staged row has had: a counter, so adding n rows is O(n)."""
        if self._lowest_key is None:
            self._lowest_key = min([0, *self.rows, *(self._step_before or {})])
        self._lowest_key -= 1
        while self._lowest_key in self.rows:  # rows put in place from outside
            self._lowest_key -= 1
        return self._lowest_key

    def _set_values(self, row: Row, values: Values) -> GridChange:
        key = row[ID]
        self._touch(key)
        staged = self.rows.get(key)
        if staged is None:
            staged = self.rows[key] = StagedRow(key, values_of(row, self.columns), {})
        staged.values, staged.error = dict(values), None
        if staged.is_noop:
            del self.rows[key]
        return key, make_row(key, values)

    def _add(self, values: Mapping[str, str]) -> tuple[int, Row]:
        key = self._new_key()
        self._touch(key)
        staged = StagedRow(key, None, {c: str(values.get(c, "")) for c in self.columns})
        self.rows[key] = staged
        return key, make_row(key, staged.values)

    def _toggle_delete(self, row: Row) -> GridChange:
        staged = self.rows.get(row[ID])
        if staged is not None and (staged.base is None or staged.deleted):
            if staged.base is None:
                return self._unstage(staged.key)
            self._touch(staged.key)
            staged.deleted, staged.error = False, None
            if staged.is_noop:
                del self.rows[staged.key]
            return staged.key, make_row(staged.key, staged.values)
        return self._mark_deleted(row)

    def _mark_deleted(self, row: Row) -> GridChange:
        key = row[ID]
        self._touch(key)
        staged = self.rows.get(key)
        if staged is None:
            values = values_of(row, self.columns)
            staged = self.rows[key] = StagedRow(key, values, dict(values))
        staged.deleted, staged.error = True, None
        return key, make_row(key, staged.values)

    def _unstage(self, key: int) -> GridChange:
        self._touch(key)
        staged = self.rows.pop(key)
        return key, None if staged.base is None else make_row(key, staged.base)
