"""The cursor of `ResourceTable` (mixed into it): moving it, keeping it on screen, finding rows.

The methods take `self: ResourceTable`, so they use the table's own API and state.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .table import ResourceTable


class TableCursor:
    """Cursor movement by position or row key, and scrolling to it."""

    def move_cursor(
        self: ResourceTable,
        row: int | None = None,
        column: int | None = None,
        *,
        scroll: bool = True,
    ) -> None:
        """Move the cursor to visible `row` / `column` index (clamped)."""
        old_row, old_column = self._cursor_row, self._cursor_column
        if row is not None:
            self._cursor_row = max(0, min(row, self._last_row_up_to(row)))
        if column is not None:
            self._cursor_column = max(0, min(column, len(self.columns) - 1))
        if scroll:
            self.scroll_to_cursor()
        if (old_row, old_column) == (self._cursor_row, self._cursor_column):
            return
        self._refresh_row(old_row)
        self._refresh_row(self._cursor_row)
        if old_row != self._cursor_row:
            self._post_highlighted()
        if self._cursor_mode == "cell":
            self._post_cell_highlighted()

    def scroll_to_cursor(self: ResourceTable, animate: bool = False) -> None:
        """Scroll so the cursor row (and in cell mode the cell) is on screen."""
        if not self.is_mounted:
            return
        if self._virtual_size_timer is not None:
            self._update_virtual_size()  # the cursor may be on rows the scroll range lacks
        page = self._page_height()
        top = round(self.scroll_y)
        y: int | None = None
        if self._cursor_row < top:
            y = self._cursor_row
        elif self._cursor_row >= top + page:
            y = self._cursor_row - page + 1
        x = self._cell_scroll_x() if self._cursor_mode == "cell" else None
        if x is not None or y is not None:
            self.scroll_to(x=x, y=y, animate=animate, force=True, immediate=True)

    def _cell_scroll_x(self: ResourceTable) -> int | None:
        if not self.columns:
            return None
        start, end = self._layout.cell_span(self._cursor_column)
        left, width = round(self.scroll_x), self.scrollable_content_region.width
        if self._cursor_column == 0 and left > 0:
            return 0
        if start < left:
            return start
        if end > left + width:
            return end - width
        return None

    def _page_height(self: ResourceTable) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_to_key(self: ResourceTable, key: Hashable) -> bool:
        """Put the cursor on the row with `key`, if it is shown; True when it moved there."""
        position = self._position_of_key(key)
        if position is None:
            return False
        self.move_cursor(row=position)
        return True

    def _position_of_key(
        self: ResourceTable, key: Hashable | None, *, matched_so_far: bool = False
    ) -> int | None:
        if key is None:
            return None
        if key == self.current_key:  # the common case (a page appended): no key index needed
            return self._cursor_row
        index = self._model.index_of_key(key)
        if index is None:
            return None
        return self._model.position_of_index(index, matched_so_far=matched_so_far)
