"""`TableCore`: what a `ResourceTable` is, its keys, mouse and data API aside (see `table`).

Its state (the model, the cursor, the columns' layout), where the cursor is and how it scrolls
into view, the layout on resize, and painting through the `TablePainter` it owns.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Literal

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from .table_cursor import cell_scroll_x, row_scroll_y
from .table_filtering import FilterRun
from .table_layout import FIT_SAMPLE_SIZE, ColumnWindow, Layout
from .table_messages import CellHighlighted, MarksChanged, RowHighlighted
from .table_model import Column, Row, RowKeyFunction, TableModel, default_row_key
from .table_paint import TablePainter

CursorMode = Literal["row", "cell"]
StyleHook = Callable[[Row], str | None]
CellStyleHook = Callable[[Row, str], str | None]


class TableCore(ScrollView, can_focus=True):
    """A windowed table's state, cursor, layout and painting."""

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
        self._window = ColumnWindow()
        self._layout = Layout.build((), ())
        self._fitted_rows = 0
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
        """Which columns are shown, where and how wide (hidden ones in `geometry.hidden`)."""
        return self._layout

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._model.columns

    @property
    def shown_columns(self) -> list[str]:
        """Keys of the columns on screen, in order (the rest are hidden for want of room)."""
        return [column.key for column in self._layout.columns]

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
        self._relayout(measure=False)
        self._refresh_all()

    @property
    def filter_text(self) -> str:
        return self._model.filter_text

    @filter_text.setter
    def filter_text(self, text: str) -> None:
        self.set_filter(text)

    def set_filter(self, text: str) -> None:
        """Case-insensitive substring filter on cell text; a leading `!` inverts it (see
        `table_filtering`: a screenful at once, the count across frames)."""
        self._filter.start(text)

    @property
    def filtering(self) -> bool:
        """The filter has rows left to look at: `shown_count` may still grow."""
        return self._model.filtering

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
            x = self._scroll_x_showing(self._cursor_column)
        if x is not None or y is not None:
            self.scroll_to(x=x, y=y, animate=animate, force=True, immediate=True)

    def _scroll_x_showing(self, column: int) -> int | None:
        width = self.scrollable_content_region.width
        return cell_scroll_x(self._layout, column, round(self.scroll_x), width)

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

    # -- the columns' layout (see `table_layout`) ------------------------------------

    def on_resize(self) -> None:
        """NAME (the flexible column) takes the width the terminal gives; columns hide by
        priority when even a narrowed NAME leaves no room (see `table_layout`)."""
        self._relayout(measure=False)
        self._refresh_all()

    def _relayout(self, *, measure: bool = True) -> None:
        """Arrange the columns in the width there is; `measure` the rows first when they or
        the columns changed. A row table hides columns for want of room (showing the sorted
        one); a cell table shows them all and scrolls to the cell."""
        if measure:
            self._window.measure(self.columns, self._model.rows)
            self._fitted_rows = min(self._model.total_count, FIT_SAMPLE_SIZE)
        width = self.scrollable_content_region.width if self.is_mounted else 0
        sorted_column = [i for i, c in enumerate(self.columns) if c.key == self.sort_key]
        hide = self._cursor_mode == "row"
        self._layout = self._window.arrange(width, sorted_column, hide=hide)

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

    # -- painting (see `table_paint`) -------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        with self._painter.frame():
            return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._painter.line(y)

    # -- messages ---------------------------------------------------------------------

    def _post_highlighted(self) -> None:
        if self.is_mounted:
            self.post_message(RowHighlighted(self, self.current_row, self.current_key))

    def _post_cell_highlighted(self) -> None:
        if self.is_mounted:
            message = CellHighlighted(self, self.current_row, self.current_key, self.current_column)
            self.post_message(message)

    def _post_marks_changed(self) -> None:
        if self.is_mounted:
            self.post_message(MarksChanged(self, len(self._model.marked_keys)))
