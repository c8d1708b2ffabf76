"""What importing a CSV file would do to a table: rows to add, change and (optionally) delete.

Rows are matched by the file's `id` column when it has one (an empty id means a new row), or
else by a key column (the table's first column by default). Only the columns in the file are
compared and changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from .csvio import CsvProblem, CsvRecord, CsvTable, parse_row_id
from .diff import cells, quote
from .rows import ID, Row, Values, is_new_key, row_name, values_of

AUTO = "auto"  # match by id if the file has an id column, else by the first column


@dataclass
class ImportPlan:
    key_column: str
    changes: list[tuple[Row, Values]] = field(default_factory=list)  # row, new values
    adds: list[Values] = field(default_factory=list)
    deletes: list[Row] = field(default_factory=list)
    unchanged: int = 0

    @property
    def total(self) -> int:
        return len(self.changes) + len(self.adds) + len(self.deletes)

    def summary(self) -> str:
        return (
            f"{len(self.adds)} to add, {len(self.changes)} to change, "
            f"{len(self.deletes)} to delete, {self.unchanged} unchanged "
            f"(matched by {self.key_column})"
        )

    def lines(self, columns: Sequence[str], limit: int = 200) -> list[str]:
        """The first `limit` changes as text (only those are formatted: a plan can be huge)."""
        found = list(islice(self._all_lines(columns), limit))
        if self.total > limit:
            found.append(f"… and {self.total - limit} more")
        return found

    def _all_lines(self, columns: Sequence[str]) -> Iterator[str]:
        for row, new in self.changes:
            old = values_of(row, columns)
            diff = "; ".join(f"{c}: {quote(old[c])} -> {quote(v)}" for c, v in new.items())
            yield f"~ {row_name(row[ID], old, columns)}: {diff}"
        for values in self.adds:
            yield f"+ new row: {cells(values, columns)}"
        for r in self.deletes:
            yield f"- {row_name(r[ID], values_of(r, columns), columns)}"


def plan_import(
    table: CsvTable,
    rows: Sequence[Row],
    columns: Sequence[str],
    key_column: str = AUTO,
    delete_missing: bool = False,
) -> ImportPlan:
    """Compare the file with `rows` (the grid's rows, staged values included)."""
    key = _key_column(table, columns, key_column)
    plan = ImportPlan(key)
    index = _index(rows, key) if key != ID else {row[ID]: [row] for row in rows}
    matched: set[int] = set()
    seen: dict[str, int] = {}
    for record in table.records:
        row = _match(record, key, index, seen)
        if row is None:
            plan.adds.append(dict(record.values))
            continue
        matched.add(row[ID])
        current = values_of(row, columns)
        new = {c: v for c, v in record.values.items() if current.get(c) != v}
        if new:
            plan.changes.append((row, new))
        else:
            plan.unchanged += 1
    if delete_missing:
        plan.deletes = [r for r in rows if r[ID] not in matched and not is_new_key(r[ID])]
    return plan


def _key_column(table: CsvTable, columns: Sequence[str], chosen: str) -> str:
    if chosen == AUTO:
        chosen = ID if table.has_id else columns[0]
    if chosen == ID and not table.has_id:
        raise CsvProblem("the file has no id column to match rows by", 1)
    if chosen != ID and chosen not in table.columns:
        raise CsvProblem(
            f"the key column {chosen!r} is not in the file; add it, or an id "
            "column, or match by another column",
            1,
        )
    return chosen


def _index(rows: Sequence[Row], key: str) -> dict[object, list[Row]]:
    index: dict[object, list[Row]] = {}
    for row in rows:
        index.setdefault(str(row.get(key, "")), []).append(row)
    return index


def _match(
    record: CsvRecord, key: str, index: dict[object, list[Row]], seen: dict[str, int]
) -> Row | None:
    """The table row this record is about; None for a new row."""
    if key == ID:
        if not record.row_id:
            return None
        value: object = parse_row_id(record.row_id, record.line)
        label = f"id {record.row_id}"
    else:
        value = record.values[key]
        if not value.strip():
            return None  # no key: a new row
        label = f"{key} {quote(str(value))}"
    _check_duplicate(str(value), label, record.line, seen)
    found = index.get(value, [])
    if len(found) > 1:
        raise CsvProblem(
            f"{label} matches {len(found)} rows of the table; match by id "
            "instead (export the table to get its ids)",
            record.line,
        )
    if not found and key == ID:
        raise CsvProblem(f"no row with {label} in this table", record.line)
    return found[0] if found else None


def _check_duplicate(value: str, label: str, line: int, seen: dict[str, int]) -> None:
    if value in seen:
        raise CsvProblem(f"{label} is also on line {seen[value]}; each row may appear once", line)
    seen[value] = line
