"""Where `ResourceTable` scrolls to show its cursor: plain functions of its geometry."""

from __future__ import annotations

from .table_layout import Layout


def row_scroll_y(cursor_row: int, top: int, page: int) -> int | None:
    """The scroll position that shows `cursor_row` (None: it is on screen already)."""
    if cursor_row < top:
        return cursor_row
    if cursor_row >= top + page:
        return cursor_row - page + 1
    return None


def cell_scroll_x(layout: Layout, column: int, left: int, width: int) -> int | None:
    """The horizontal scroll that shows cell `column` (None: it is on screen already)."""
    cell = layout.cell_span(column)
    if cell is None:
        return None
    start, end = cell
    if column == 0 and left > 0:
        return 0
    if start < left:
        return start
    if end > left + width:
        return end - width
    return None
