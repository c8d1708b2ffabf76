"""`ResourceTable`: the one windowed table used for every list in the app.

It renders only the lines on screen (Textual's Line API), so 100,000 rows open and
scroll at once, and no key costs more on 100,000 rows than on 10. Data, filter, sort and
marks live in `TableModel` (rows kept compactly in `table_rows`); its state, cursor, layout
and painting in `TableCore` (`table_core`); which columns show and how wide in
`table_layout`; Strip building in `table_render` and the `TablePainter` it owns
(`table_paint`); filtering across frames in the `FilterRun` it owns (`table_filtering`);
where to scroll for the cursor in `table_cursor`; the garbage collector policy for big tables
in `table_heap`; the messages in `table_messages`. This module holds the widget: its data API,
keys and mouse.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import ClassVar, TypeAlias

from textual import events
from textual.actions import SkipAction
from textual.binding import BindingType

from .table_core import TableCore
from .table_defaults import TABLE_BINDINGS, TABLE_COMPONENT_CLASSES, TABLE_CSS
from .table_heap import release_after_bulk, settle_after_bulk
from .table_layout import FIT_SAMPLE_SIZE
from .table_messages import (
    CellHighlighted,
    FilterCounted,
    MarksChanged,
    RowActivated,
    RowHighlighted,
)
from .table_model import Column, Row, TableModel
from .table_refresh import merge_rows

GROW_EVERY_SECONDS = 0.25


class ResourceTable(TableCore, can_focus=True):
    """A keyboard-first, windowed table of typed rows (or dicts) with filter, sort and marks."""

    BINDINGS: ClassVar[list[BindingType]] = TABLE_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = TABLE_COMPONENT_CLASSES
    DEFAULT_CSS = TABLE_CSS

    RowHighlighted: TypeAlias = RowHighlighted
    CellHighlighted: TypeAlias = CellHighlighted
    RowActivated: TypeAlias = RowActivated
    FilterCounted: TypeAlias = FilterCounted
    MarksChanged: TypeAlias = MarksChanged

    _froze_heap = False  # it froze the heap after a bulk load (see table_heap)

    # -- data ----------------------------------------------------------------

    def set_columns(self, columns: Iterable[Column]) -> None:
        columns = tuple(columns)
        if columns != self.columns:
            self._window.step = 0  # another view: its hidden columns from the first
        self._model.set_columns(columns)
        self._cursor_column = min(self._cursor_column, max(0, len(self.columns) - 1))
        self._relayout()
        self._refresh_all()

    def set_rows(self, rows: Iterable[Row], keep_cursor: bool = True) -> None:
        """Replace all rows. The error text is cleared; marks of vanished rows dropped."""
        previous = self.current_key if keep_cursor else None
        self._error_text = None
        self._model.set_rows(rows)
        self._froze_heap = settle_after_bulk(self._model.total_count) or self._froze_heap
        self._relayout()
        if not keep_cursor:
            self._cursor_row = 0
        self.view_changed(previous, always_post=True)

    def append_rows(self, rows: Iterable[Row]) -> None:
        """Add a page of rows; cursor, filter, sort and marks stay as they are."""
        previous, shown_before = self.current_key, self._model.shown_count
        self._model.append_rows(rows)
        self._froze_heap = settle_after_bulk(self._model.total_count) or self._froze_heap
        if self._fitted_rows < FIT_SAMPLE_SIZE:
            self._relayout()
            self.view_changed(previous)
        elif self._model.sort_key is None and not self._window_reaches(shown_before):
            self._grow_virtual_size_soon()  # rows below the window: only the scrollbar moves
        else:
            self.view_changed(previous)

    def _grow_virtual_size_soon(self) -> None:
        """Rows were added below the window: grow the scroll range within a fraction of a
        second, once for all the pages that arrive meanwhile (each growth repaints the table)."""
        if self._virtual_size_timer is None:
            self._virtual_size_timer = self.set_timer(GROW_EVERY_SECONDS, self.update_virtual_size)

    def _window_reaches(self, position: int) -> bool:
        """Visible row `position` is on screen, or would be if it existed."""
        return not self.is_mounted or position <= round(self.scroll_y) + self.page_height()

    def merge_rows(self, rows: Iterable[Row]) -> list[Hashable]:
        """A refreshed page: rows replace those with their keys where they stand, new ones join
        (see table_refresh); cursor and marks stay. Returns the page's keys."""
        previous = self.current_key
        keys = merge_rows(self._model, rows)
        self.view_changed(previous)
        return keys

    def update_row(self, row: Row) -> bool:
        """Replace the row with the same key in place (filter/sort not re-applied)."""
        if self._model.update_row(row) is None:
            return False
        self.refresh()
        return True

    def clear(self) -> None:
        """Drop all rows, marks and the error text (columns stay)."""
        self._model.marked_keys.clear()
        self._cursor_row = 0
        self.set_rows([], keep_cursor=False)

    def show_error(self, text: str | None) -> None:
        """Show `text` in the body instead of rows (None clears it)."""
        self._error_text = text
        self._refresh_all()

    # -- filter, sort, marks ------------------------------------------------------

    def sort_by(self, column_key: str | None, reverse: bool | None = None) -> None:
        """Sort by a column's raw value (None last); `reverse=None` toggles on the same key.
        The sorted column is shown, hidden for want of room or not."""
        previous = self.current_key
        self._model.sort_by(column_key, reverse)
        self._window.step = 0
        self._relayout(measure=False)
        self.view_changed(previous)

    def toggle_mark(self) -> None:
        row = self.current_row
        if row is None:
            return
        self._model.toggle_mark(row)
        self._refresh_row(self._cursor_row)
        self._post_marks_changed()

    def mark_all_visible(self) -> None:
        """Mark every row the filter shows (`*`): a filter and two keys repeat 43 failures."""
        self._model.mark_visible()
        self.refresh()
        self._post_marks_changed()

    def invert_marks(self) -> None:
        self._model.invert_visible()
        self.refresh()
        self._post_marks_changed()

    def mark_and_move(self, step: int) -> None:
        """shift+down / shift+up: mark the current row (if not yet) and move on: range marks."""
        row = self.current_row
        if row is not None and not self._model.is_marked(row):
            self.toggle_mark()
        self.move_cursor(row=self._cursor_row + step)

    def clear_marks(self) -> None:
        self._model.marked_keys.clear()
        self.refresh()
        self._post_marks_changed()

    # -- keys and mouse --------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor_row + 1)

    def action_cursor_left(self) -> None:
        if self._cursor_mode == "cell":
            self.move_cursor(column=self._cursor_column - 1)
        elif not self.step_columns(-1):
            self.action_scroll_left()

    def action_cursor_right(self) -> None:
        if self._cursor_mode == "cell":
            self.move_cursor(column=self._cursor_column + 1)
        elif not self.step_columns(+1):
            self.action_scroll_right()

    def step_columns(self, direction: int) -> bool:
        """Show the next (+1) or previous (-1) column hidden for want of room, in table order
        (left/right in a row table); False when there is none that way."""
        if not self._window.move(direction):
            return False
        self._relayout(measure=False)
        self._refresh_all()
        revealed = self._window.revealed_column
        x = None if revealed is None else self._scroll_x_showing(revealed)
        if self.is_mounted:
            self.scroll_to(x=x if x is not None else 0, animate=False, force=True, immediate=True)
        return True

    def action_next_cell(self) -> None:
        if self._cursor_mode == "row" or not self.columns:
            raise SkipAction()
        if self._cursor_column < len(self.columns) - 1:
            self.move_cursor(column=self._cursor_column + 1)
        elif self._cursor_row < self._last_row_up_to(self._cursor_row + 1):
            self.move_cursor(row=self._cursor_row + 1, column=0)

    def action_previous_cell(self) -> None:
        if self._cursor_mode == "row" or not self.columns:
            raise SkipAction()
        if self._cursor_column > 0:
            self.move_cursor(column=self._cursor_column - 1)
        elif self._cursor_row > 0:
            self.move_cursor(row=self._cursor_row - 1, column=len(self.columns) - 1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_page_down(self) -> None:
        self._move_page(+1)

    def _move_page(self, direction: int) -> None:
        page = self.page_height()
        if self.is_mounted:
            if self._virtual_size_timer is not None:
                self.update_virtual_size()
            self.scroll_to(y=self.scroll_y + direction * page, animate=False, force=True)
        self.move_cursor(row=self._cursor_row + direction * page)

    def action_home(self) -> None:
        self.move_cursor(column=0) if self._cursor_mode == "cell" else self.move_cursor(row=0)

    def action_end(self) -> None:
        if self._cursor_mode == "cell":
            self.move_cursor(column=len(self.columns) - 1)
        else:
            self.action_last_row()

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=self._model.row_count - 1)

    def action_toggle_mark(self) -> None:
        self.toggle_mark()

    def action_mark_all(self) -> None:
        self.mark_all_visible()

    def action_clear_marks(self) -> None:
        self.clear_marks()

    def action_invert_marks(self) -> None:
        self.invert_marks()

    def action_mark_down(self) -> None:
        self.mark_and_move(1)

    def action_mark_up(self) -> None:
        self.mark_and_move(-1)

    def action_activate(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.RowActivated(self, row, self._model.row_key(row)))

    def on_click(self, event: events.Click) -> None:
        """A header click sorts by that column; a row click moves there, a double click opens."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        column = self._layout.column_at(offset.x + round(self.scroll_x))
        if offset.y == 0:
            if column is not None:
                self.sort_by(self.columns[column].key)
            return
        position = offset.y - 1 + round(self.scroll_y)
        if position >= self._model.shown_count:
            return
        self.move_cursor(row=position, column=column)
        if event.chain >= 2:
            self.action_activate()

    # -- lifecycle and view updates --------------------------------------------

    def on_mount(self) -> None:
        if self.current_row is not None:
            self._post_highlighted()

    def on_unmount(self) -> None:
        """Gone for good (its screen closed): let go of the rows now, and of the collector's
        freeze if this table made it, so neither outlives the table (see `table_heap`)."""
        self._model = TableModel(self._model.row_key)
        if self._froze_heap:
            self._froze_heap = False
            release_after_bulk()


__all__ = ["Column", "ResourceTable"]
