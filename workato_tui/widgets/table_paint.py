"""How `ResourceTable` draws a line (mixed into it): header, message or row.

Only the requested line is built, from the columns in view: no work over all rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.errors import StyleSyntaxError
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from .table_defaults import CURSOR, EMPTY, ERROR, HEADER, MARKED
from .table_model import Row
from .table_render import Palette, RowLook, header_strip, message_strip, row_strip

if TYPE_CHECKING:
    from .table import ResourceTable


class TablePaint:
    """Line API rendering: `render_line(y)` returns the Strip for screen line `y`."""

    _in_frame = False
    _frame_palette: Palette | None = None  # resolved once per frame, not once per line

    def render_lines(self: ResourceTable, crop: Region) -> list[Strip]:
        self._in_frame = True
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._in_frame, self._frame_palette = False, None

    def _line_palette(self: ResourceTable) -> Palette:
        """The styles for a line: resolved on the frame's first line that needs them."""
        palette = self._frame_palette or self._palette()
        if self._in_frame:
            self._frame_palette = palette
        return palette

    def _message_lines(self: ResourceTable) -> list[tuple[str, str]]:
        """Lines shown instead of rows: the error, or the empty text."""
        if self._error_text is not None:
            return [(line, ERROR) for line in self._error_text.splitlines()]
        if self._model.shown_count:
            return []
        if self._model.filtering:
            return [("Filtering…", EMPTY)]
        if self.filter_text and self.total_count:
            return [(f"No rows match '{self.filter_text}'", EMPTY)]
        return [(self._empty_text, EMPTY)]

    def render_line(self: ResourceTable, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        x1, x2 = scroll_x, scroll_x + width
        palette = self._line_palette()
        if y == 0:
            model = self._model
            return header_strip(self._layout, model.sort_key, model.sort_reverse, palette, x1, x2)
        position = y - 1 + scroll_y
        messages = self._message_lines()
        if position < len(messages):
            text, component = messages[position]
            return message_strip(text, self._component_delta(component), width, palette.base)
        if messages or position >= self._model.shown_count:
            return Strip.blank(width, palette.base)
        row = self._model.visible_row(position)
        return row_strip(self._layout, row, self._row_look(position, row), palette, x1, x2)

    def _row_look(self: ResourceTable, position: int, row: Row) -> RowLook:
        cell_hook = self.cell_style
        on_cursor = position == self._cursor_row
        return RowLook(
            style=self._hook_style(self.row_style(row) if self.row_style else None),
            marked=self._model.is_marked(row),
            cursor_column=self._cursor_column if on_cursor else None,
            whole_row_cursor=on_cursor and self._cursor_mode == "row",
            cell_style=(lambda key: self._hook_style(cell_hook(row, key))) if cell_hook else None,
        )

    def _palette(self: ResourceTable) -> Palette:
        delta = self._component_delta
        return Palette(self.rich_style, delta(HEADER), delta(CURSOR), delta(MARKED))

    def _hook_style(self: ResourceTable, name: str | None) -> Style:
        """A row/cell hook result: a component class name or a Rich style string."""
        if not name:
            return Style.null()
        if name in self._get_component_classes():
            return self._component_delta(name)
        try:
            return Style.parse(name)
        except StyleSyntaxError:
            return Style.null()

    def _component_delta(self: ResourceTable, name: str) -> Style:
        """Only what component class `name` sets, with colours resolved against the widget."""
        full = self.get_component_rich_style(name)
        partial = self.get_component_rich_style(name, partial=True)
        return partial + Style(
            color=full.color if partial.color is not None else None,
            bgcolor=full.bgcolor if partial.bgcolor is not None else None,
        )
