"""`ResourceTable`: the one windowed table used for every list in the app.

It renders only the lines on screen (Textual's Line API), so 100,000 rows open and
scroll at once, and no key costs more on 100,000 rows than on 10. Data, filter, sort and
marks live in `TableModel` (rows kept compactly in `table_rows`); geometry and Strip
building in `table_render` and `table_paint`; keys and mouse in `table_input`; the cursor
in `table_cursor`; filtering across frames in `table_filtering`; the garbage collector
policy for big tables in `table_heap`. This module holds the public API and the messages.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.timer import Timer

from .table_cursor import TableCursor
from .table_defaults import TABLE_BINDINGS, TABLE_COMPONENT_CLASSES, TABLE_CSS
from .table_filtering import TableFiltering
from .table_heap import release_after_bulk, settle_after_bulk
from .table_input import TableInput
from .table_model import Column, Row, RowKeyFunction, TableModel, default_row_key
from .table_paint import TablePaint
from .table_render import FIT_SAMPLE_SIZE, Layout

GROW_EVERY_SECONDS = 0.25
CursorMode = Literal["row", "cell"]
StyleHook = Callable[[Row], str | None]
CellStyleHook = Callable[[Row, str], str | None]


class ResourceTable(
    TableCursor, TableFiltering, TableInput, TablePaint, ScrollView, can_focus=True
):
    """A keyboard-first, windowed table of plain dict rows with filter, sort and marks."""

    BINDINGS: ClassVar[list[BindingType]] = TABLE_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = TABLE_COMPONENT_CLASSES
    DEFAULT_CSS = TABLE_CSS

    @dataclass
    class RowHighlighted(Message):
        """The cursor moved to another row (`row` is None when the table is empty)."""

        table: ResourceTable
        row: Row | None
        key: Hashable | None

        @property
        def control(self) -> ResourceTable:
            return self.table

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ResourceTable.RowHighlighted) and (
                message.table is self.table
            )

    @dataclass
    class CellHighlighted(Message):
        """In cell mode, the cursor moved to another cell."""

        table: ResourceTable
        row: Row | None
        key: Hashable | None
        column: Column | None

        @property
        def control(self) -> ResourceTable:
            return self.table

    @dataclass
    class RowActivated(Message):
        """Enter (or a double click) on a row."""

        table: ResourceTable
        row: Row
        key: Hashable

        @property
        def control(self) -> ResourceTable:
            return self.table

    @dataclass
    class FilterCounted(Message):
        """A filter that was finished in steps has looked at every row: `count` match."""

        table: ResourceTable
        count: int

        @property
        def control(self) -> ResourceTable:
            return self.table

    @dataclass
    class MarksChanged(Message):
        """Rows were marked or unmarked; `count` is how many are marked now."""

        table: ResourceTable
        count: int

        @property
        def control(self) -> ResourceTable:
            return self.table

    def __init__(
        self,
        columns: Iterable[Column] = (),
        rows: Iterable[Row] = (),
        *,
        row_key: RowKeyFunction = default_row_key,
        cursor_mode: CursorMode = "row",
        empty_text: str = "No rows",
        row_style: StyleHook | None = None,
        cell_style: CellStyleHook | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._model = TableModel(row_key)
        self._layout = Layout.build((), ())
        self._fitted_rows = 0
        self._froze_heap = False
        self._virtual_size_timer: Timer | None = None
        self._cursor_row = 0
        self._cursor_column = 0
        self._cursor_mode: CursorMode = cursor_mode
        self._empty_text = empty_text
        self._error_text: str | None = None
        self.row_style = row_style
        self.cell_style = cell_style
        self._model.set_columns(columns)
        self._model.set_rows(rows)
        self._relayout()
        self._update_virtual_size()

    # -- public state --------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._model.columns

    @property
    def row_count(self) -> int:
        """Rows visible after the filter (finishes a filter still counting: see `filtering`)."""
        return self._model.row_count

    @property
    def shown_count(self) -> int:
        """Rows known to match the filter so far: what a status line can show at once."""
        return self._model.shown_count

    @property
    def total_count(self) -> int:
        """All rows, before filtering."""
        return self._model.total_count

    @property
    def cursor_row(self) -> int:
        """Cursor position in the visible (filtered, sorted) rows."""
        return self._cursor_row

    @property
    def cursor_column(self) -> int:
        return self._cursor_column

    @property
    def current_row(self) -> Row | None:
        if self._cursor_row < self._model.shown_count:
            return self._model.visible_row(self._cursor_row)
        return None

    @property
    def current_key(self) -> Hashable | None:
        row = self.current_row
        return None if row is None else self._model.row_key(row)

    @property
    def current_column(self) -> Column | None:
        columns = self._model.columns
        return columns[self._cursor_column] if self._cursor_column < len(columns) else None

    @property
    def visible_rows(self) -> list[Row]:
        """The rows after filter and sort (builds a list: not for every keystroke)."""
        return [self._model.visible_row(i) for i in range(self._model.row_count)]

    @property
    def stored_rows(self) -> list[Row]:
        """All rows in the order they were given, filter and sort aside (builds a list)."""
        return list(self._model.rows)

    @property
    def cursor_mode(self) -> CursorMode:
        return self._cursor_mode

    @cursor_mode.setter
    def cursor_mode(self, mode: CursorMode) -> None:
        if mode not in ("row", "cell"):
            raise ValueError(f"cursor_mode must be 'row' or 'cell', not {mode!r}")
        self._cursor_mode = mode
        self.refresh()

    @property
    def filter_text(self) -> str:
        return self._model.filter_text

    @filter_text.setter
    def filter_text(self, text: str) -> None:
        self.set_filter(text)

    @property
    def sort_key(self) -> str | None:
        return self._model.sort_key

    @property
    def sort_reverse(self) -> bool:
        return self._model.sort_reverse

    @property
    def empty_text(self) -> str:
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        self._empty_text = text
        self._refresh_all()

    @property
    def error_text(self) -> str | None:
        return self._error_text

    @property
    def marked_keys(self) -> frozenset[Hashable]:
        return frozenset(self._model.marked_keys)

    @property
    def marked_rows(self) -> list[Row]:
        """Marked rows in their original order."""
        return self._model.marked_rows()

    # -- data ----------------------------------------------------------------

    def set_columns(self, columns: Iterable[Column]) -> None:
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
        self._view_changed(previous, always_post=True)

    def append_rows(self, rows: Iterable[Row]) -> None:
        """Add a page of rows; cursor, filter, sort and marks stay as they are."""
        previous, shown_before = self.current_key, self._model.shown_count
        self._model.append_rows(rows)
        self._froze_heap = settle_after_bulk(self._model.total_count) or self._froze_heap
        if self._fitted_rows < FIT_SAMPLE_SIZE:
            self._relayout()
            self._view_changed(previous)
        elif self._model.sort_key is None and not self._window_reaches(shown_before):
            self._grow_virtual_size_soon()  # rows below the window: only the scrollbar moves
        else:
            self._view_changed(previous)

    def _grow_virtual_size_soon(self) -> None:
        """Rows were added below the window: grow the scroll range within a fraction of a
        second, once for all the pages that arrive meanwhile (each growth repaints the table)."""
        if self._virtual_size_timer is None:
            self._virtual_size_timer = self.set_timer(GROW_EVERY_SECONDS, self._update_virtual_size)

    def _window_reaches(self, position: int) -> bool:
        """Visible row `position` is on screen, or would be if it existed."""
        return not self.is_mounted or position <= round(self.scroll_y) + self._page_height()

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

    # -- sort, marks (filtering: `TableFiltering`) ------------------------------

    def sort_by(self, column_key: str | None, reverse: bool | None = None) -> None:
        """Sort by a column's raw value (None last); `reverse=None` toggles on the same key."""
        previous = self.current_key
        self._model.sort_by(column_key, reverse)
        self._view_changed(previous)

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

    def _relayout(self) -> None:
        self._layout = Layout.build(self.columns, self._model.rows)
        self._fitted_rows = min(self._model.total_count, FIT_SAMPLE_SIZE)

    def _view_changed(self, previous_key: Hashable | None, always_post: bool = False) -> None:
        """After rows/filter/sort changed: keep the cursor on its row, then redraw."""
        position = self._position_of_key(previous_key, matched_so_far=True)
        if position is None:
            position = self._cursor_row
        self._cursor_row = max(0, min(position, self._model.shown_count - 1))
        self._refresh_all()
        self.scroll_to_cursor()
        if always_post or self.current_key != previous_key:
            self._post_highlighted()

    def _refresh_all(self) -> None:
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        if self._virtual_size_timer is not None:
            self._virtual_size_timer.stop()
            self._virtual_size_timer = None
        body = len(self._message_lines()) or self._model.shown_count
        self.virtual_size = Size(self._layout.width, 1 + body)

    def _refresh_row(self, position: int) -> None:
        if self.is_mounted:
            self.refresh_line(position + 1)

    def _post_highlighted(self) -> None:
        if self.is_mounted:
            self.post_message(self.RowHighlighted(self, self.current_row, self.current_key))

    def _post_cell_highlighted(self) -> None:
        if self.is_mounted:
            message = self.CellHighlighted(
                self, self.current_row, self.current_key, self.current_column
            )
            self.post_message(message)

    def _post_marks_changed(self) -> None:
        if self.is_mounted:
            self.post_message(self.MarksChanged(self, len(self._model.marked_keys)))


__all__ = ["Column", "ResourceTable"]
