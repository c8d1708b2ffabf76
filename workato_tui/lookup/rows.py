"""Lookup rows as the grid holds them: flat dicts `{"id": row_id, <label>: value, ...}`.

The API stores every cell as text, so values are compared and staged as `str` ("" for None).
Rows the user added and has not saved yet carry a negative id (`-1`, `-2`, ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the list views name `table_columns` on the first frame, before pydantic
    from ..api.models_admin import LookupTable

Row = dict[str, Any]
Values = dict[str, str]

MAX_COLUMNS = 10  # Workato: a lookup table has at most 10 columns
ID = "id"


def cell(value: Any) -> str:
    """A cell's text as the API stores it."""
    return "" if value is None else str(value)


def flatten(row_id: int, data: Mapping[str, Any], columns: Sequence[str]) -> Row:
    """An API row (`id`, `data`) as a grid row."""
    return {ID: row_id, **{column: cell(data.get(column)) for column in columns}}


def values_of(row: Mapping[str, Any], columns: Sequence[str]) -> Values:
    """The cell values of a grid row (without its id)."""
    return {column: cell(row.get(column)) for column in columns}


def make_row(key: int, values: Mapping[str, str]) -> Row:
    return {ID: key, **values}


def is_new_key(key: int) -> bool:
    return key < 0


def id_text(value: Any) -> str:
    """How the id column shows a row id: new rows read `new-1`, `new-2`, ..."""
    if isinstance(value, int) and value < 0:
        return f"new{value}"
    return cell(value)


def table_columns(table: LookupTable | Mapping[str, Any]) -> list[str]:
    """Column labels of a lookup table (from its schema, else its `columns`), at most 10."""
    from ..api.models_admin import schema_labels

    if not isinstance(table, Mapping):  # a LookupTable
        return schema_labels(table.schema_)[:MAX_COLUMNS]
    for key in ("schema", "schema_"):
        labels = schema_labels(table.get(key))
        if labels:
            return labels[:MAX_COLUMNS]
    columns = table.get("columns")
    if isinstance(columns, str):
        columns = [c.strip() for c in columns.split(",")]
    if isinstance(columns, list):
        return [str(c) for c in columns if str(c)][:MAX_COLUMNS]
    return []


def row_name(key: int, values: Mapping[str, str], columns: Sequence[str]) -> str:
    """How a row is named in messages: `row 123 (CC-1000)` or `new row (CC-9)`."""
    first = values.get(columns[0], "") if columns else ""
    label = f"({first})" if first else "(no key)"
    return f"new row {label}" if is_new_key(key) else f"row {key} {label}"
