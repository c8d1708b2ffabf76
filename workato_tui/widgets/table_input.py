"""Key actions and mouse handling of `ResourceTable` (mixed into it).

The methods take `self: ResourceTable`, so they use the table's own API and state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.actions import SkipAction

if TYPE_CHECKING:
    from .table import ResourceTable


class TableInput:
    """Cursor movement, marks and activation bound to keys; clicks on rows and headers."""

    def action_cursor_up(self: ResourceTable) -> None:
        self.move_cursor(row=self._cursor_row - 1)

    def action_cursor_down(self: ResourceTable) -> None:
        self.move_cursor(row=self._cursor_row + 1)

    def action_cursor_left(self: ResourceTable) -> None:
        if self._cursor_mode == "row":
            self.action_scroll_left()
        else:
            self.move_cursor(column=self._cursor_column - 1)

    def action_cursor_right(self: ResourceTable) -> None:
        if self._cursor_mode == "row":
            self.action_scroll_right()
        else:
            self.move_cursor(column=self._cursor_column + 1)

    def action_next_cell(self: ResourceTable) -> None:
        if self._cursor_mode == "row" or not self.columns:
            raise SkipAction()
        if self._cursor_column < len(self.columns) - 1:
            self.move_cursor(column=self._cursor_column + 1)
        elif self._cursor_row < self._last_row_up_to(self._cursor_row + 1):
            self.move_cursor(row=self._cursor_row + 1, column=0)

    def action_previous_cell(self: ResourceTable) -> None:
        if self._cursor_mode == "row" or not self.columns:
            raise SkipAction()
        if self._cursor_column > 0:
            self.move_cursor(column=self._cursor_column - 1)
        elif self._cursor_row > 0:
            self.move_cursor(row=self._cursor_row - 1, column=len(self.columns) - 1)

    def action_page_up(self: ResourceTable) -> None:
        self._move_page(-1)

    def action_page_down(self: ResourceTable) -> None:
        self._move_page(+1)

    def _move_page(self: ResourceTable, direction: int) -> None:
        page = self._page_height()
        if self.is_mounted:
            if self._virtual_size_timer is not None:
                self._update_virtual_size()
            self.scroll_to(y=self.scroll_y + direction * page, animate=False, force=True)
        self.move_cursor(row=self._cursor_row + direction * page)

    def action_home(self: ResourceTable) -> None:
        if self._cursor_mode == "cell":
            self.move_cursor(column=0)
        else:
            self.action_first_row()

    def action_end(self: ResourceTable) -> None:
        if self._cursor_mode == "cell":
            self.move_cursor(column=len(self.columns) - 1)
        else:
            self.action_last_row()

    def action_first_row(self: ResourceTable) -> None:
        self.move_cursor(row=0)

    def action_last_row(self: ResourceTable) -> None:
        self.move_cursor(row=self._model.row_count - 1)

    def action_toggle_mark(self: ResourceTable) -> None:
        self.toggle_mark()

    def action_mark_all(self: ResourceTable) -> None:
        self.mark_all_visible()

    def action_clear_marks(self: ResourceTable) -> None:
        self.clear_marks()

    def action_invert_marks(self: ResourceTable) -> None:
        self.invert_marks()

    def action_mark_down(self: ResourceTable) -> None:
        self.mark_and_move(1)

    def action_mark_up(self: ResourceTable) -> None:
        self.mark_and_move(-1)

    def action_activate(self: ResourceTable) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.RowActivated(self, row, self._model.row_key(row)))

    def _on_click(self: ResourceTable, event: events.Click) -> None:
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
