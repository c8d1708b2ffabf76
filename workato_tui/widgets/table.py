"""`ResourceTable`: the one windowed table used for every list in the app.

It renders only the lines on screen (Textual's Line API), so 100,000 rows open and
scroll at once, and no key costs more on 100,000 rows than on 10. Data, filter, sort and
marks live in `TableModel` (rows kept compactly in `table_rows`); geometry and Strip
building in `table_render` and the `TablePainter` it owns (`table_paint`); filtering across
frames in the `FilterRun` it owns (`table_filtering`); where to scroll for the cursor in
`table_cursor`; the garbage collector policy for big tables in `table_heap`; the messages in
`table_messages`. This module holds the widget: its public API, keys and mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import ClassVar, Literal, TypeAlias

from textual import events
from textual.actions import SkipAction
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from .table_cursor import cell_scroll_x, row_scroll_y
from .table_defaults import TABLE_BINDINGS, TABLE_COMPONENT_CLASSES, TABLE_CSS
from .table_filtering import FilterRun
from .table_heap import release_after_bulk, settle_after_bulk
from .table_messages import (
    CellHighlighted,
    FilterCounted,
    MarksChanged,
    RowActivated,
    RowHighlighted,
)
from .table_model import Column, Row, RowKeyFunction, TableModel, default_row_key
from .table_paint import TablePainter
from .table_refresh import merge_rows
from .table_render import FIT_SAMPLE_SIZE, Layout

GROW_EVERY_SECONDS = 0.25
CursorMode = Literal["row", "cell"]
StyleHook = Callable[[Row], str | None]
CellStyleHook = Callable[[Row, str], str | None]


class ResourceTable(ScrollView, can_focus=True):
    """A keyboard-first, windowed table of typed rows (or dicts) with filter, sort and marks."""

    BINDINGS: ClassVar[list[BindingType]] = TABLE_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = TABLE_COMPONENT_CLASSES
    DEFAULT_CSS = TABLE_CSS

    RowHighlighted: TypeAlias = RowHighlighted
    CellHighlighted: TypeAlias = CellHighlighted
    RowActivated: TypeAlias = RowActivated
    FilterCounted: TypeAlias = FilterCounted
    MarksChanged: TypeAlias = MarksChanged

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
        self._painter = TablePainter(self)
        self._filter = FilterRun(self)
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
        self.update_virtual_size()

    # -- public state --------------------------------------------------------

    @property
    def model(self) -> TableModel:
        """Rows, filter, sort and marks (the table's helpers read it; callers use the API)."""
        return self._model

    @property
    def geometry(self) -> Layout:
        """Where each column sits (fitted widths and offsets)."""
        return self._layout

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

    @property
    def filtering(self) -> bool:
        """The filter has rows left to look at: `shown_count` may still grow."""
        return self._model.filtering

    def set_filter(self, text: str) -> None:
        """Case-insensitive substring filter on cell text; a leading `!` inverts it (see
        `table_filtering`: a screenful at once, the count across frames)."""
        self._filter.start(text)

    def sort_by(self, column_key: str | None, reverse: bool | None = None) -> None:
        """Sort by a column's raw value (None last); `reverse=None` toggles on the same key."""
        previous = self.current_key
        self._model.sort_by(column_key, reverse)
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

    # -- the cursor ----------------------------------------------------------------

    def move_cursor(
        self, row: int | None = None, column: int | None = None, *, scroll: bool = True
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

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll so the cursor row (and in cell mode the cell) is on screen."""
        if not self.is_mounted:
            return
        if self._virtual_size_timer is not None:
            self.update_virtual_size()  # the cursor may be on rows the scroll range lacks
        y = row_scroll_y(self._cursor_row, round(self.scroll_y), self.page_height())
        x = None
        if self._cursor_mode == "cell":
            width = self.scrollable_content_region.width
            x = cell_scroll_x(self._layout, self._cursor_column, round(self.scroll_x), width)
        if x is not None or y is not None:
            self.scroll_to(x=x, y=y, animate=animate, force=True, immediate=True)

    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_to_key(self, key: Hashable) -> bool:
        """Put the cursor on the row with `key`, if it is shown; True when it moved there."""
        position = self.position_of_key(key)
        if position is None:
            return False
        self.move_cursor(row=position)
        return True

    def position_of_key(self, key: Hashable | None, *, matched_so_far: bool = False) -> int | None:
        if key is None:
            return None
        if key == self.current_key:  # the common case (a page appended): no key index needed
            return self._cursor_row
        index = self._model.index_of_key(key)
        if index is None:
            return None
        return self._model.position_of_index(index, matched_so_far=matched_so_far)

    def _last_row_up_to(self, row: int) -> int:
        """The last visible position, counting only as far as `row` needs."""
        if row >= self._model.shown_count:
            self._model.finish_filter()
        return self._model.shown_count - 1

    # -- keys and mouse --------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor_row + 1)

    def action_cursor_left(self) -> None:
        if self._cursor_mode == "row":
            self.action_scroll_left()
        else:
            self.move_cursor(column=self._cursor_column - 1)

    def action_cursor_right(self) -> None:
        if self._cursor_mode == "row":
            self.action_scroll_right()
        else:
            self.move_cursor(column=self._cursor_column + 1)

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

    # -- painting (see `table_paint`) -------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        with self._painter.frame():
            return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._painter.line(y)

    # -- lifecycle and view updates --------------------------------------------

    def on_mount(self) -> None:
        if self.current_row is not None:
            self._post_highlighted()

    def on_resize(self) -> None:
        """NAME (the flexible column) takes the width the terminal gives (see Layout)."""
        self._relayout()
        self._refresh_all()

    def on_unmount(self) -> None:
        """Gone for good (its screen closed): let go of the rows now, and of the collector's
        freeze if this table made it, so neither outlives the table (see `table_heap`)."""
        self._model = TableModel(self._model.row_key)
        if self._froze_heap:
            self._froze_heap = False
            release_after_bulk()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width if self.is_mounted else 0
        self._layout = Layout.build(self.columns, self._model.rows, available=width)
        self._fitted_rows = min(self._model.total_count, FIT_SAMPLE_SIZE)

    def view_changed(self, previous_key: Hashable | None, always_post: bool = False) -> None:
        """After rows/filter/sort changed: keep the cursor on its row, then redraw."""
        position = self.position_of_key(previous_key, matched_so_far=True)
        if position is None:
            position = self._cursor_row
        self._cursor_row = max(0, min(position, self._model.shown_count - 1))
        self._refresh_all()
        self.scroll_to_cursor()
        if always_post or self.current_key != previous_key:
            self._post_highlighted()

    def _refresh_all(self) -> None:
        self.update_virtual_size()
        self.refresh()

    def update_virtual_size(self) -> None:
        if self._virtual_size_timer is not None:
            self._virtual_size_timer.stop()
            self._virtual_size_timer = None
        body = len(self._painter.message_lines()) or self._model.shown_count
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
