"""`Column`: one column of a table, shared by the views that declare columns and the table
widget that shows them. A leaf module (it imports nothing of the project), so `views` and
`widgets` both use it without importing each other.

A row is whatever the view loads: a frozen model, a small slotted row class, or (in screens
that build their own rows) a dict. A column reads its cell with `get`, or by default the
row's `key` attribute (a dict's `key` item).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

Align = Literal["left", "right"]
Getter = Callable[[Any], Any]

# How long a column stays when the table is narrow (`Column.priority`): the lowest hides
# first, the rightmost of equals first; the flexible column (NAME) never hides.
HIDES_FIRST = 0  # ids, edit times, folders, long lists: shown when there is room
NORMAL = 1
KEEPS = 2
ESSENTIAL = 3  # what a glance at the list is for: state, failures, last run

_CONTROL_CHARACTERS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def format_value(value: Any) -> str:
    """Default cell text: empty for None, one line for everything else."""
    if value is None:
        return ""
    return str(value).translate(_CONTROL_CHARACTERS)


def field_value(row: Any, key: str) -> Any:
    """`row[key]` for a dict row, `row.key` for a typed one; None when it has no such field."""
    if isinstance(row, Mapping):
        return row.get(key)
    return getattr(row, key, None)


@dataclass(frozen=True)
class Column:
    """One table column.

    `width=None` means fitted from the header and a sample of rows. `get` reads the cell's raw
    value from a row (default: the row's `key` field); `format` turns the raw value into the
    displayed (and searched) text. Sorting uses the raw value. `priority` says how long the
    column stays when the table is narrow (HIDES_FIRST .. ESSENTIAL above); the column that
    `grows` takes the width the terminal gives and never hides (default: NAME, else the
    widest text column).
    """

    key: str
    label: str
    width: int | None = None
    align: Align = "left"
    format: Callable[[Any], str] | None = None
    get: Getter | None = None
    names: str | None = None  # the cell is an id the workspace names (service.names.NameKind)
    priority: int = NORMAL
    grows: bool = False

    def value(self, row: Any) -> Any:
        """The raw value of this column's cell in `row`."""
        return self.get(row) if self.get is not None else field_value(row, self.key)

    def text(self, row: Any) -> str:
        """The displayed text of this column's cell in `row`."""
        value = self.value(row)
        if self.format is None:
            return format_value(value)
        return self.format(value).translate(_CONTROL_CHARACTERS)
