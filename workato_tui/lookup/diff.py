"""Staged changes as diff lines: old -> new per changed cell, rows added, rows deleted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .rows import row_name
from .staging import StagedRow, Staging

MAX_VALUE = 40
ORDER = {"update": 0, "add": 1, "delete": 2}


def quote(value: str) -> str:
    """A cell value for a diff line: quoted, and cut when long."""
    if len(value) > MAX_VALUE:
        value = value[: MAX_VALUE - 1] + "…"
    return repr(value)


def cells(values: Mapping[str, str], columns: Iterable[str]) -> str:
    return ", ".join(f"{c}={quote(values.get(c, ''))}" for c in columns)


def row_line(row: StagedRow, columns: Sequence[str]) -> str:
    """One staged row as a diff line (`~` changed, `+` added, `-` deleted)."""
    name = row_name(row.key, row.base or row.values, columns)
    if row.kind == "add":
        return f"+ {name}: {cells(row.values, columns)}"
    assert row.base is not None
    if row.kind == "delete":
        return f"- {name}: {cells(row.base, columns)}"
    changes = "; ".join(
        f"{c}: {quote(row.base.get(c, ''))} -> {quote(row.values[c])}"
        for c in row.changed_columns()
    )
    return f"~ {name}: {changes}"


def diff_lines(
    staging: Staging, limit: int | None = 200, keys: Iterable[int] | None = None
) -> list[str]:
    """Changed rows first, then added, then deleted; `limit` lines at most (then a count)."""
    rows = (
        list(staging.rows.values())
        if keys is None
        else [staging.rows[k] for k in keys if k in staging.rows]
    )
    rows.sort(key=lambda r: (ORDER[r.kind], r.key if r.key > 0 else -r.key))
    lines = [row_line(row, staging.columns) for row in rows[:limit]]
    if limit is not None and len(rows) > limit:
        lines.append(f"… and {len(rows) - limit} more change(s)")
    return lines


def side_by_side(
    columns: Sequence[str],
    theirs: Mapping[str, str] | None,
    yours: Mapping[str, str],
    original: Mapping[str, str],
) -> list[tuple[str, ...]]:
    """Rows of a conflict table: column, theirs, yours, original (theirs "(deleted)" if gone)."""
    return [
        (
            c,
            "(deleted)" if theirs is None else theirs.get(c, ""),
            yours.get(c, ""),
            original.get(c, ""),
        )
        for c in columns
    ]
