"""Two lookup tables' rows compared by a key column, and copying rows to the other side.

Rows are matched on the chosen key column's value (row ids differ between environments). A
copy is staged on the other side's `Staging` as one undo step (changed rows as edits, missing
rows as adds), so the lookup editor's diff, confirm and save path (`SaveEngine`) send it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .rows import Row, Values, values_of
from .staging import GridChange, Staging

ONLY_HERE, ONLY_THERE, SAME, DIFFERS = "only here", "only there", "same", "differs"


@dataclass(frozen=True)
class RowPair:
    key: str  # the key column's value
    here: Row | None
    there: Row | None
    status: str
    changed: tuple[str, ...] = ()  # columns whose values differ


def row_diff(
    here: Sequence[Row], there: Sequence[Row], columns: Sequence[str], key_column: str
) -> list[RowPair]:
    """Pairs by key value, in key order; the first row wins when a key repeats."""
    mine = _by_key(here, key_column)
    theirs = _by_key(there, key_column)
    pairs = []
    for key in sorted(set(mine) | set(theirs)):
        a, b = mine.get(key), theirs.get(key)
        if b is None:
            pairs.append(RowPair(key, a, None, ONLY_HERE))
        elif a is None:
            pairs.append(RowPair(key, None, b, ONLY_THERE))
        else:
            old, new = values_of(b, columns), values_of(a, columns)
            changed = tuple(c for c in columns if old.get(c) != new.get(c))
            pairs.append(RowPair(key, a, b, DIFFERS if changed else SAME, changed))
    return pairs


def _by_key(rows: Iterable[Row], key_column: str) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for row in rows:
        found.setdefault(str(row.get(key_column, "")), row)
    return found


def stage_copy(pairs: Iterable[RowPair], target: Staging) -> list[GridChange]:
    """Stage `here`'s values of these pairs on the other side (`target`), as one undo step:
    a differing row becomes an edit of the target's row, a missing row an add."""
    changes: list[tuple[Row, Values]] = []
    adds: list[Values] = []
    for pair in pairs:
        if pair.here is None:
            continue
        values = values_of(pair.here, target.columns)
        if pair.there is None:
            adds.append(values)
        elif pair.status == DIFFERS:
            changes.append((pair.there, {**values_of(pair.there, target.columns), **values}))
    if not changes and not adds:
        return []
    return target.apply_import(changes, adds, [])
