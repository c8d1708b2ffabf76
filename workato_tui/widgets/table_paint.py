"""How `ResourceTable` draws a line: header, message or row (a `TablePainter` the table owns).

Only the requested line is built, from the columns in view: no work over all rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.errors import StyleSyntaxError
from rich.style import Style
from textual.strip import Strip

from .table_defaults import CURSOR, EMPTY, ERROR, HEADER, MARKED, MORE
from .table_model import Row
from .table_render import Palette, RowLook, header_strip, message_strip, row_strip

if TYPE_CHECKING:
    from .table_core import TableCore


class TablePainter:
    """Line API rendering for one table: `line(y)` is the Strip for screen line `y`."""

    def __init__(self, table: TableCore) -> None:
        self.table = table
        self._in_frame = False
        self._frame_palette: Palette | None = None  # resolved once per frame, not per line

    @contextmanager
    def frame(self) -> Iterator[None]:
        """While a frame's lines are rendered: the styles are resolved once for all of them."""
        self._in_frame = True
        try:
            yield
        finally:
            self._in_frame, self._frame_palette = False, None

    def _line_palette(self) -> Palette:
        """The styles for a line: resolved on the frame's first line that needs them."""
        palette = self._frame_palette or self._palette()
        if self._in_frame:
            self._frame_palette = palette
        return palette

    def message_lines(self) -> list[tuple[str, str]]:
        """Lines shown instead of rows: the error, or the empty text."""
        table, model = self.table, self.table.model
        if table.error_text is not None:
            return [(line, ERROR) for line in table.error_text.splitlines()]
        if model.shown_count:
            return []
        if model.filtering:
            return [("Filtering…", EMPTY)]
        if model.filter_text and model.total_count:
            return [(f"No rows match '{model.filter_text}'", EMPTY)]
        return [(table.empty_text, EMPTY)]

    def line(self, y: int) -> Strip:
        table, model, layout = self.table, self.table.model, self.table.geometry
        scroll_x, scroll_y = table.scroll_offset
        width = table.scrollable_content_region.width
        x1, x2 = scroll_x, scroll_x + width
        palette = self._line_palette()
        if y == 0:
            return header_strip(layout, model.sort_key, model.sort_reverse, palette, x1, x2)
        position = y - 1 + scroll_y
        messages = self.message_lines()
        if position < len(messages):
            text, component = messages[position]
            return message_strip(text, self._component_delta(component), width, palette.base)
        if messages or position >= model.shown_count:
            return Strip.blank(width, palette.base)
        row = model.visible_row(position)
        return row_strip(layout, row, self._row_look(position, row), palette, x1, x2)

    def _row_look(self, position: int, row: Row) -> RowLook:
        table = self.table
        cell_hook, row_hook = table.cell_style, table.row_style
        on_cursor = position == table.cursor_row
        return RowLook(
            style=self._hook_style(row_hook(row) if row_hook else None),
            marked=table.model.is_marked(row),
            cursor_column=table.cursor_column if on_cursor else None,
            whole_row_cursor=on_cursor and table.cursor_mode == "row",
            cell_style=(lambda key: self._hook_style(cell_hook(row, key))) if cell_hook else None,
        )

    def _palette(self) -> Palette:
        delta = self._component_delta
        base = self.table.rich_style
        return Palette(base, delta(HEADER), delta(CURSOR), delta(MARKED), delta(MORE))

    def _hook_style(self, name: str | None) -> Style:
        """A row/cell hook result: a component class name or a Rich style string."""
        if not name:
            return Style.null()
        if name in self.table.COMPONENT_CLASSES:
            return self._component_delta(name)
        try:
            return Style.parse(name)
        except StyleSyntaxError:
            return Style.null()

    def _component_delta(self, name: str) -> Style:
        """Only what component class `name` sets, with colours resolved against the widget."""
        full = self.table.get_component_rich_style(name)
        partial = self.table.get_component_rich_style(name, partial=True)
        return partial + Style(
            color=full.color if partial.color is not None else None,
            bgcolor=full.bgcolor if partial.bgcolor is not None else None,
        )
