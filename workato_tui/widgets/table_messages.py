"""The messages `ResourceTable` posts (reached as `ResourceTable.RowHighlighted` and so on).

Their `namespace` keeps the handler names of messages nested in the table class:
`on_resource_table_row_highlighted`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from ..columns import Column
from .table_model import Row

if TYPE_CHECKING:
    from .table_core import TableCore


@dataclass
class RowHighlighted(Message, namespace="resource_table"):
    """The cursor moved to another row (`row` is None when the table is empty)."""

    table: TableCore
    row: Row | None
    key: Hashable | None

    @property
    def control(self) -> TableCore:
        return self.table

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RowHighlighted) and (message.table is self.table)


@dataclass
class CellHighlighted(Message, namespace="resource_table"):
    """In cell mode, the cursor moved to another cell."""

    table: TableCore
    row: Row | None
    key: Hashable | None
    column: Column | None

    @property
    def control(self) -> TableCore:
        return self.table


@dataclass
class RowActivated(Message, namespace="resource_table"):
    """Enter (or a double click) on a row."""

    table: TableCore
    row: Row
    key: Hashable

    @property
    def control(self) -> TableCore:
        return self.table


@dataclass
class FilterCounted(Message, namespace="resource_table"):
    """A filter that was finished in steps has looked at every row: `count` match."""

    table: TableCore
    count: int

    @property
    def control(self) -> TableCore:
        return self.table


@dataclass
class MarksChanged(Message, namespace="resource_table"):
    """Rows were marked or unmarked; `count` is how many are marked now."""

    table: TableCore
    count: int

    @property
    def control(self) -> TableCore:
        return self.table
